package org.waymark.flight;

import java.time.ZoneId;

import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;

/** An airport with scheduled service. */
public record Airport(AirportCode code, String name, String city, CountryCode country, ZoneId timeZone) {
}
