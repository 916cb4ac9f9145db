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
 * @param fromPassengerData whether it was added because passenger data spoke of it
 * @param passengersOnBoard passengers on board as the airline's passenger data count them (a
 *            count, never who); null where no data came
 */
public record FlightView(FlightId id, String flightNumber, String airline, Direction direction, Airport airport,
        LocalDateTime scheduled, String terminal, String stand, FlightStatus status, boolean suggested,
        Set<UserId> officers, boolean fromPassengerData, Integer passengersOnBoard) {

    FlightView withPassengersOnBoard(Integer passengers) {
        return new FlightView(id, flightNumber, airline, direction, airport, scheduled, terminal, stand, status,
                suggested, officers, fromPassengerData, passengers);
    }
}
