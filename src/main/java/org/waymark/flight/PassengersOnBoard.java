package org.waymark.flight;

import java.util.Map;

import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/**
 * How many passengers (crew aside) the airline's passenger data say are on each flight of an
 * operation: the passenger data module knows. Counts only; a flight no data came for is absent.
 */
public interface PassengersOnBoard {

    Map<FlightId, Integer> byFlight(OperationId operation);
}
