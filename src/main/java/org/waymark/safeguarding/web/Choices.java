package org.waymark.safeguarding.web;

import java.util.List;

import org.waymark.shared.NamedCode;

/** The lists the check forms offer: countries, languages, and the languages met most at the ports. */
final class Choices {

    /** Languages offered as checkboxes: those of the passengers the operations meet most. */
    static final List<String> COMMON_LANGUAGES = List.of("bg", "ro", "tr", "sq", "uk", "ru", "pl", "vi", "lt", "en");

    static final List<NamedCode> COUNTRIES = NamedCode.COUNTRIES;

    static final List<NamedCode> LANGUAGES = NamedCode.LANGUAGES;

    private Choices() {
    }
}
