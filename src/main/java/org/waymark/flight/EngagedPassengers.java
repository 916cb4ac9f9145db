package org.waymark.flight;

import java.util.Map;

import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/** How many passengers officers have spoken to on each flight: the engagement module knows. */
public interface EngagedPassengers {

    Map<FlightId, Integer> byFlight(OperationId operation);
}
