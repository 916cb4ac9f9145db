package org.waymark.shared;

/**
 * A request that is well formed but breaks a rule of the domain, such as an unknown country or
 * an end date before the start date. Clashes with stored state are {@link ConflictException}s.
 * The message code names a text in the messages bundle;
 * the field, when known, is the JSON property to show it against, as the API names it. A page's
 * form shows it against its field of that name, or of the last part of the name, or the field
 * that takes it by {@link RuleField}; otherwise against the whole form.
 */
public class RuleViolationException extends RuntimeException {

    private final String messageCode;
    private final String field;

    public RuleViolationException(String messageCode, String field) {
        super(messageCode);
        this.messageCode = messageCode;
        this.field = field;
    }

    public String messageCode() {
        return messageCode;
    }

    public String field() {
        return field;
    }
}
