package org.waymark.passengerdata.edifact;

/**
 * A message that cannot be read at all, or that says nothing usable (no flight, no names).
 * Says where: the segment tag and its position counted from 1 (UNB is 1), where known.
 */
public class MalformedMessageException extends RuntimeException {

    private final String segment;
    private final int position;

    public MalformedMessageException(String message, String segment, int position) {
        super(message);
        this.segment = segment;
        this.position = position;
    }

    public MalformedMessageException(String message, String segment, int position, Throwable cause) {
        super(message, cause);
        this.segment = segment;
        this.position = position;
    }

    /** The segment tag where the message stopped making sense, or null. */
    public String segment() {
        return segment;
    }

    /** The segment's position in the interchange, counted from 1, or 0 when not known. */
    public int position() {
        return position;
    }
}
