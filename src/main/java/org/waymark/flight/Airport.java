package org.waymark.flight;

import java.time.ZoneId;

import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;

/**
 * An airport with scheduled service. Its time zone is the IANA zone of the airport data, or, where
 * this Java does not know that zone yet, the fixed UTC offset the data gives for it. Ask
 * {@link Airports#zoneOf} for a port's zone.
 */
public record Airport(AirportCode code, String name, String city, CountryCode country, ZoneId timeZone) {
}
