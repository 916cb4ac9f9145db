package org.waymark.shared;

import java.util.Locale;
import java.util.Set;

/** An ISO 639-1 language code, such as {@code bg}, as typed in any case and with spaces around. */
public record LanguageCode(String value) {

    private static final Set<String> KNOWN = Set.of(Locale.getISOLanguages());

    public LanguageCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an ISO 639-1 language code");
        }
    }

    /** The code, tidied, or a rule violation against {@code field} when it is none. */
    public static LanguageCode of(String typed, String unknownCode, String field) {
        String code = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (!isValid(code)) {
            throw new RuleViolationException(unknownCode, field);
        }
        return new LanguageCode(code);
    }

    public static boolean isValid(String code) {
        return code != null && KNOWN.contains(code);
    }

    /** The language's English name, for pages. */
    public String displayName() {
        return Locale.forLanguageTag(value).getDisplayLanguage(Locale.UK);
    }

    @Override
    public String toString() {
        return value;
    }
}
