package org.waymark.flight;

import java.time.LocalDateTime;
import java.util.Set;

import org.waymark.shared.FlightId;
import org.waymark.shared.UserId;

/**
 * A flight as pages and the API show it.
 *
 * @param airport the other airport: origin of an arrival, destination of a departure
 * @param scheduled local time at the operation's port
 * @param suggested whether the other airport is in one of the operation's focus countries
 */
public record FlightView(FlightId id, String flightNumber, String airline, Direction direction, Airport airport,
        LocalDateTime scheduled, String terminal, String stand, FlightStatus status, boolean suggested,
        Set<UserId> officers) {
}
