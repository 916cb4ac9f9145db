package org.waymark.shared;

/**
 * The record does not exist, or the caller may not know that it does: both answer 404 so that
 * identifiers of other agencies' records cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
    }
}
