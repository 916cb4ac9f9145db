package org.waymark.engagement;

import java.util.Set;
import java.util.TreeSet;

import org.waymark.shared.FlightId;
import org.waymark.shared.LanguageCode;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

/**
 * One submission from an officer: passengers spoken to on a flight or at a place (not both),
 * the languages used (ISO 639-1 codes such as {@code bg}) and the leaflets handed out.
 */
public record Tally(FlightId flightId, String location, int passengers, Set<String> languages, int leaflets) {

    public static final int MAX_PASSENGERS = 500;
    public static final int MAX_LEAFLETS = 10_000;
    public static final int MAX_LOCATION = 80;
    public Tally {
        location = PlainText.typed(location);
        if ((flightId == null) == (location == null)) {
            throw new RuleViolationException("tally.flightOrLocation", "flightId");
        }
        if (location != null) {
            PlainText.check(location, MAX_LOCATION, "tally.location.tooLong", "location");
        }
        if (passengers < 1 || passengers > MAX_PASSENGERS) {
            throw new RuleViolationException("tally.passengers.range", "passengers");
        }
        if (leaflets < 0 || leaflets > MAX_LEAFLETS) {
            throw new RuleViolationException("tally.leaflets.range", "leaflets");
        }
        Set<String> codes = new TreeSet<>();
        for (String language : languages == null ? Set.<String>of() : languages) {
            codes.add(LanguageCode.of(language, "tally.languages.unknown", "languages").value());
        }
        languages = Set.copyOf(codes);
    }
}
