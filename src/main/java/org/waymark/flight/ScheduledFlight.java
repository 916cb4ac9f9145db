package org.waymark.flight;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

/**
 * A flight as someone typed or imported it, checked: its number in the IATA form (two
 * characters for the airline, up to four digits, an optional letter), spaces removed.
 */
public record ScheduledFlight(String flightNumber, String airline, Direction direction, String airport,
        LocalDateTime scheduled, String terminal, String stand) {

    public static final int MAX_AIRLINE = 80;
    public static final int MAX_TERMINAL = 20;
    public static final int MAX_STAND = 20;

    private static final Pattern FLIGHT_NUMBER = Pattern.compile("[A-Z0-9]{2}[A-Z]?[0-9]{1,4}[A-Z]?");

    public ScheduledFlight {
        flightNumber = flightNumber == null ? "" : flightNumber.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!FLIGHT_NUMBER.matcher(flightNumber).matches()) {
            throw new RuleViolationException("flight.flightNumber.invalid", "flightNumber");
        }
        airline = optional(airline, MAX_AIRLINE, "flight.airline.tooLong", "airline");
        terminal = optional(terminal, MAX_TERMINAL, "flight.terminal.tooLong", "terminal");
        stand = optional(stand, MAX_STAND, "flight.stand.tooLong", "stand");
        if (direction == null) {
            throw new RuleViolationException("flight.direction.required", "direction");
        }
        if (scheduled == null) {
            throw new RuleViolationException("flight.scheduled.required", "scheduled");
        }
        airport = airport == null ? "" : airport.strip().toUpperCase(Locale.ROOT);
    }

    private static String optional(String text, int max, String code, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        PlainText.check(text.strip(), max, code, field);
        return text.strip();
    }
}
