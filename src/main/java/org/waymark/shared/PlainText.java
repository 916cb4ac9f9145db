package org.waymark.shared;

import java.util.regex.Pattern;

/**
 * One line of text typed by a person, such as a name: no control characters (which would
 * break pages, exports and CSV files), no characters that override the direction of text (which
 * would make it read otherwise than it was written) and, once trimmed and folded, no longer than
 * its column.
 */
public final class PlainText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\u202A-\u202E\u2066-\u2069]");

    private PlainText() {
    }

    /**
     * Whether the character overrides or embeds a direction of text: U+202A to U+202E (embeddings
     * and overrides, with their end) and U+2066 to U+2069 (isolates, with their end). Shown text
     * would read otherwise than it was written: "abc", U+202E, "dcba" shows as "abcabcd".
     * Right-to-left letters and the marks U+200E and U+200F are text, and are kept.
     */
    public static boolean overridesDirection(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /**
     * Text that came from another system (an airline's message) with its control characters and
     * direction overrides taken out: such text cannot be refused as a person's typing is, but must
     * never break a page or read otherwise than it was sent. Null stays null.
     */
    public static String withoutControlCharacters(String text) {
        return text == null ? null : CONTROL.matcher(text).replaceAll("");
    }

    /** Whether the text holds no control character and nothing that overrides the direction of text. */
    public static boolean isPlain(String text) {
        return text != null && !CONTROL.matcher(text).find();
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
