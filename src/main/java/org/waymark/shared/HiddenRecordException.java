package org.waymark.shared;

/**
 * The record exists, but the caller's agency takes no part in what it belongs to, so the caller
 * is told, as for a record that does not exist, that there is none. A type of its own so that a
 * read refused this way can keep its transaction, and with it the log entry of the refusal
 * ({@code noRollbackFor}), while any other "not found" still rolls back.
 */
public class HiddenRecordException extends NotFoundException {

    public HiddenRecordException(String recordType, Object id) {
        super(recordType, id);
    }
}
