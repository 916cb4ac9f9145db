package org.waymark.operation;

import java.time.ZoneId;

import org.waymark.shared.AirportCode;

/**
 * Whether a code names an airport Waymark knows, and its time zone. The flight module, which
 * owns the airport reference data, provides it; operations use it to check their port and to
 * know when its day begins.
 */
public interface KnownAirports {

    boolean isKnown(AirportCode code);

    /** The airport of this code as pages name it, such as London Stansted (STN); the code where none is known. */
    String shown(String code);

    /** The port's time zone, in which its days begin and end. */
    ZoneId zoneOf(AirportCode port);
}
