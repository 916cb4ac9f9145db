package org.waymark.referral.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.waymark.shared.CountryCode;
import org.waymark.shared.LanguageCode;

/** The countries and languages the referral forms offer, by their English names. */
final class Choices {

    /** A code and the English name shown for it. */
    record Choice(String code, String name) {
    }

    static final List<Choice> COUNTRIES = Stream.concat(
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream(), Stream.of("XK"))
            .filter(CountryCode::isValid).distinct()
            .map(code -> new Choice(code, new CountryCode(code).displayName(Locale.UK)))
            .sorted(Comparator.comparing(Choice::name)).toList();

    static final List<Choice> LANGUAGES = Stream.of(Locale.getISOLanguages())
            .filter(LanguageCode::isValid)
            .map(code -> new Choice(code, new LanguageCode(code).displayName()))
            .filter(choice -> !choice.name().isBlank() && !choice.name().equals(choice.code()))
            .sorted(Comparator.comparing(Choice::name)).toList();

    private static final Map<String, String> COUNTRY_BY_NAME = COUNTRIES.stream().collect(Collectors.toMap(
            choice -> choice.name().toLowerCase(Locale.UK), Choice::code, (first, second) -> first));
    private static final Map<String, String> COUNTRY_NAMES = COUNTRIES.stream()
            .collect(Collectors.toMap(Choice::code, Choice::name, (first, second) -> first));
    private static final Map<String, String> LANGUAGE_NAMES = LANGUAGES.stream()
            .collect(Collectors.toMap(Choice::code, Choice::name, (first, second) -> first));

    private Choices() {
    }

    /**
     * A country typed as its code or its English name, as its code; what is not recognised is
     * kept as typed, so that the service names the mistake.
     */
    static String countryCode(String typed) {
        String tidy = typed.strip();
        return Optional.ofNullable(COUNTRY_BY_NAME.get(tidy.toLowerCase(Locale.UK))).orElse(tidy);
    }

    static String countryName(String code) {
        return code == null ? null : COUNTRY_NAMES.getOrDefault(code, code);
    }

    static String languageName(String code) {
        return code == null ? null : LANGUAGE_NAMES.getOrDefault(code, code);
    }
}
