package org.waymark.shared;

/**
 * A well-formed request that the record, as it stands, cannot take: closing a child's check
 * without the referrals the law requires, for example. The message says what is missing.
 */
public class UnprocessableException extends RuleViolationException {

    public UnprocessableException(String messageCode, String field) {
        super(messageCode, field);
    }
}
