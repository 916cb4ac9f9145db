package org.waymark.shared;

import java.util.regex.Pattern;

/**
 * One line of text typed by a person, such as a name: no control characters (which would
 * break pages, exports and CSV files) and, once trimmed and folded, no longer than its column.
 */
public final class PlainText {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private PlainText() {
    }

    /** What a person typed, without the spaces around it; null when nothing was. */
    public static String typed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Throws unless the text fits the rules; {@code field} names where to show the problem. */
    public static void check(String text, int maxLength, String tooLongCode, String field) {
        if (text != null && CONTROL.matcher(text).find()) {
            throw new RuleViolationException("text.controlCharacters", field);
        }
        if (text != null && text.length() > maxLength) {
            throw new RuleViolationException(tooLongCode, field);
        }
    }
}
