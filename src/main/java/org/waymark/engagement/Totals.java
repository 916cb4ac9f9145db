package org.waymark.engagement;

import java.util.List;

import org.waymark.shared.FlightId;

/** Everything counted in an operation so far, and per flight. */
public record Totals(long passengers, long leaflets, List<FlightTotal> byFlight) {

    public record FlightTotal(FlightId flightId, long passengers) {
    }
}
