package org.waymark.screening.rules;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Countries by the three-letter codes of ISO 3166-1 that passenger data gives, with their English names. */
final class Countries {

    private static final Map<String, String> NAMES = names();

    private Countries() {
    }

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (String two : Locale.getISOCountries()) {
            Locale country = new Locale("", two);
            names.put(country.getISO3Country(), country.getDisplayCountry(Locale.UK));
        }
        // Kosovo has no ISO code; documents use XKX.
        names.put("XKX", "Kosovo");
        return Map.copyOf(names);
    }

    static boolean isKnown(String code) {
        return code != null && NAMES.containsKey(code);
    }

    /** The country's English name; the code itself where it is not a known one. */
    static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }
}
