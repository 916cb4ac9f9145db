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

    /**
     * The airport as every page names it: its name without the words International Airport or
     * Airport at its end, then its code in brackets, as Istanbul Sabiha Gökçen (SAW). The name,
     * not the city: the data's city may be a district of it (Pendik in Istanbul).
     */
    public String shown() {
        String shortName = name.replaceFirst("\\s+(International\\s+)?Airport$", "").strip();
        return (shortName.isEmpty() ? code.value() : shortName) + " (" + code.value() + ")";
    }
}
