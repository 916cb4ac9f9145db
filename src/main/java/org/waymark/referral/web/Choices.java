package org.waymark.referral.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.waymark.referral.ReferralPackage;
import org.waymark.shared.NamedCode;

/** The countries and languages the referral forms offer, by their English names. */
final class Choices {

    static final List<NamedCode> COUNTRIES = NamedCode.COUNTRIES;

    /** Countries, after "Not known" as an answer of its own. */
    static final List<NamedCode> NATIONALITIES = Stream.concat(
            Stream.of(new NamedCode(ReferralPackage.NATIONALITY_NOT_KNOWN, "Not known")), COUNTRIES.stream()).toList();

    static final List<NamedCode> LANGUAGES = NamedCode.LANGUAGES;

    private static final Map<String, String> COUNTRY_BY_NAME = COUNTRIES.stream().collect(Collectors.toMap(
            choice -> choice.name().toLowerCase(Locale.UK), NamedCode::code, (first, second) -> first));
    private static final Map<String, String> COUNTRY_NAMES = COUNTRIES.stream()
            .collect(Collectors.toMap(NamedCode::code, NamedCode::name, (first, second) -> first));
    private static final Map<String, String> LANGUAGE_NAMES = LANGUAGES.stream()
            .collect(Collectors.toMap(NamedCode::code, NamedCode::name, (first, second) -> first));

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
