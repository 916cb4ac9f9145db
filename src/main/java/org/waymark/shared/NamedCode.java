package org.waymark.shared;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A code with the English name a form shows for it, and the lists of countries and languages
 * that forms offer: in the order an English reader looks for them, each name once.
 */
public record NamedCode(String code, String name) {

    private static final Comparator<NamedCode> BY_NAME = Comparator.comparing(NamedCode::name,
            Collator.getInstance(Locale.UK));

    /** ISO 3166-1 countries, and Kosovo. */
    public static final List<NamedCode> COUNTRIES = Stream.concat(
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream(), Stream.of("XK"))
            .filter(CountryCode::isValid).distinct()
            .map(code -> new NamedCode(code, new CountryCode(code).displayName(Locale.UK)))
            .sorted(BY_NAME).toList();

    /** ISO 639-1 languages that have an English name; the withdrawn codes (iw, in, ji) give way to the current ones. */
    public static final List<NamedCode> LANGUAGES = onePerName(Stream.of(Locale.getISOLanguages())
            .filter(LanguageCode::isValid)
            .filter(code -> !List.of("iw", "in", "ji").contains(code))
            .map(code -> new NamedCode(code, new LanguageCode(code).displayName()))
            .filter(named -> !named.name().isBlank() && !named.name().equals(named.code())))
            .stream().sorted(BY_NAME).toList();

    private static List<NamedCode> onePerName(Stream<NamedCode> named) {
        Map<String, NamedCode> byName = new LinkedHashMap<>();
        named.forEach(one -> byName.putIfAbsent(one.name(), one));
        return List.copyOf(byName.values());
    }
}
