package org.waymark.passengerdata.edifact;

import java.time.LocalDateTime;

/**
 * A flight or one leg of it, as the message names it.
 *
 * @param carrier     the operating carrier's IATA code, for example {@code W6}
 * @param number      the flight number without the carrier, without leading zeros ({@code 4301})
 * @param origin      the IATA code of the airport it leaves
 * @param destination the IATA code of the airport it reaches
 * @param departure   the scheduled departure, local time at {@code origin}; null when not sent
 * @param arrival     the scheduled arrival, local time at {@code destination}; null when not sent
 */
public record FlightLeg(String carrier, String number, String origin, String destination,
        LocalDateTime departure, LocalDateTime arrival) {
}
