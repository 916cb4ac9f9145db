package org.waymark.shared;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code, such as {@code BG}. */
public record CountryCode(String value) {

    /** ISO's codes and XK, the code in common use for Kosovo, which ISO has not assigned. */
    private static final Set<String> KNOWN = known();

    private static Set<String> known() {
        Set<String> codes = new java.util.HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XK");
        return Set.copyOf(codes);
    }

    public CountryCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code");
        }
    }

    public static boolean isValid(String code) {
        return code != null && KNOWN.contains(code);
    }

    /** The country's English name, for pages; the code itself where Java has no name. */
    public String displayName(Locale locale) {
        String name = "XK".equals(value) ? "Kosovo" : new Locale("", value).getDisplayCountry(locale);
        return name.isBlank() ? value : name;
    }

    @Override
    public String toString() {
        return value;
    }
}
