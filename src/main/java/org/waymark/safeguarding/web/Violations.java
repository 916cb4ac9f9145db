package org.waymark.safeguarding.web;

import java.util.Map;
import java.util.Set;

import org.springframework.validation.Errors;
import org.waymark.shared.RuleViolationException;

/**
 * Puts a rule broken in the service against the form field it concerns. The services name
 * fields as the API does ({@code person.age}); a form names them without the {@code person.}
 * prefix, and may rename a few. A rule about something the form does not show is a problem of
 * the whole form.
 */
final class Violations {

    private Violations() {
    }

    static void reject(Errors errors, RuleViolationException e, Set<String> fields) {
        reject(errors, e, fields, Map.of());
    }

    static void reject(Errors errors, RuleViolationException e, Set<String> fields, Map<String, String> renamed) {
        String field = e.field();
        if (field != null && renamed.containsKey(field)) {
            field = renamed.get(field);
        } else if (field != null && field.startsWith("person.")) {
            field = field.substring("person.".length());
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

    /** A whole number typed in a box: null when nothing was typed, the rule broken otherwise. */
    static Integer number(String text, Errors errors, String field, String problem) {
        String typed = typed(text);
        if (typed == null) {
            return null;
        }
        if (!typed.matches("-?\\d{1,6}")) {
            errors.rejectValue(field, problem);
            return null;
        }
        return Integer.valueOf(typed);
    }
}
