package org.waymark.tips;

import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

/**
 * A report as the public types it: what happened (required), where, when, who was involved,
 * and contact details, left empty to stay anonymous. Each is plain text within its limit.
 */
public record NewReport(String what, String where, String when, String who, String contact) {

    public static final int MAX_WHAT = 5000;
    public static final int MAX_WHERE = 500;
    public static final int MAX_WHEN = 200;
    public static final int MAX_WHO = 2000;
    public static final int MAX_CONTACT = 500;

    public NewReport {
        what = text(what, MAX_WHAT, "what");
        where = text(where, MAX_WHERE, "where");
        when = text(when, MAX_WHEN, "when");
        who = text(who, MAX_WHO, "who");
        contact = text(contact, MAX_CONTACT, "contact");
        if (what == null) {
            throw new RuleViolationException("report.what.required", "what");
        }
    }

    private static String text(String typed, int max, String field) {
        String tidy = PlainText.typed(typed);
        if (tidy != null && tidy.length() > max) {
            throw new RuleViolationException("report." + field + ".tooLong", field);
        }
        if (tidy != null && tidy.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t')) {
            throw new RuleViolationException("text.controlCharacters", field);
        }
        return tidy;
    }
}
