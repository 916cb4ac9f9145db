package org.waymark.referral.web;

import java.util.List;
import java.util.Map;

import org.springframework.validation.Errors;
import org.waymark.shared.RuleViolationException;

/**
 * Puts a rule broken in the service against the form field it concerns. The service names
 * fields as the API does ({@code consent.language}, {@code subject.name}); a form may name them
 * differently, so each form says how. A rule about something the form does not show is a
 * problem of the whole form.
 */
final class Violations {

    private Violations() {
    }

    static void reject(Errors errors, RuleViolationException e, List<String> fields, Map<String, String> renamed) {
        String field = e.field();
        if (field != null && renamed.containsKey(field)) {
            field = renamed.get(field);
        }
        if (field != null && fields.contains(field)) {
            errors.rejectValue(field, e.messageCode());
        } else {
            errors.reject(e.messageCode());
        }
    }

    /** Text typed in a box, or null when nothing was. */
    static String typed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
