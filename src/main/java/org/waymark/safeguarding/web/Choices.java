package org.waymark.safeguarding.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.waymark.shared.CountryCode;
import org.waymark.shared.LanguageCode;

/** The lists the check forms offer: countries, languages, and the languages met most at the ports. */
final class Choices {

    /** A code and the English name shown for it. */
    record Choice(String code, String name) {
    }

    /** Languages offered as checkboxes: those of the passengers the operations meet most. */
    static final List<String> COMMON_LANGUAGES = List.of("bg", "ro", "tr", "sq", "uk", "ru", "pl", "vi", "lt", "en");

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

    private Choices() {
    }
}
