package org.waymark.operation;

import org.waymark.shared.AirportCode;

/**
 * Whether a code names an airport Waymark knows. The flight module, which owns the airport
 * reference data, provides it; operations use it to check their port.
 */
public interface KnownAirports {

    boolean isKnown(AirportCode code);
}
