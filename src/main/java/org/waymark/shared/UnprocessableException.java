package org.waymark.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A well-formed request that the record, as it stands, cannot take: closing a child's check
 * without the referrals the law requires, for example. The message says what is missing.
 */
public class UnprocessableException extends RuleViolationException {

    private final Map<String, String> fields;

    public UnprocessableException(String messageCode, String field) {
        super(messageCode, field);
        this.fields = Map.of();
    }

    /** Several fields at fault at once: field, then the message code that says what is wrong with it. */
    public UnprocessableException(String messageCode, Map<String, String> fields) {
        super(messageCode, fields.isEmpty() ? null : fields.keySet().iterator().next());
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Map<String, String> fields() {
        return fields;
    }
}
