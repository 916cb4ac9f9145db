package org.waymark.shared;

/** A request that clashes with what is stored: a duplicate, or a change the record's state forbids. */
public class ConflictException extends RuleViolationException {

    public ConflictException(String messageCode, String field) {
        super(messageCode, field);
    }
}
