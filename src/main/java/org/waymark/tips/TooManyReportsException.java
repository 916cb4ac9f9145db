package org.waymark.tips;

/** The client address has made as many reports as the window allows. */
public class TooManyReportsException extends RuntimeException {

    public TooManyReportsException() {
        super("too many reports from this address");
    }
}
