package org.waymark.safeguarding.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;

import org.waymark.shared.CountryCode;
import org.waymark.shared.LanguageCode;

/** English names of the codes a check keeps, for its pages. */
final class Names {

    /** The language's name, or the code itself where it is not one Java knows. */
    public String language(String code) {
        return code != null && LanguageCode.isValid(code) ? new LanguageCode(code).displayName() : code;
    }

    /** The languages' names, separated by commas, in the order given. */
    public String languages(Collection<String> codes) {
        return codes.stream().map(this::language).collect(Collectors.joining(", "));
    }

    public String country(CountryCode country) {
        return country == null ? null : country.displayName(java.util.Locale.UK);
    }

    /** Whole minutes from one moment to a later one, rounded down; none for a moment still to come. */
    public long minutesBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMinutes());
    }

    /** Whole minutes, rounded down; null stays null. */
    public Long minutes(Duration duration) {
        return duration == null ? null : duration.toMinutes();
    }
}
