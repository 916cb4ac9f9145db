package org.waymark.passengerdata.edifact;

import java.util.List;

/**
 * One flight and who the message says is on it.
 *
 * @param flight       the flight the message is for (in a PNRGOV, the flight of the push)
 * @param legs         every leg of the flight, in order (one for a direct flight)
 * @param codeshares   other carriers' numbers for the same flight, as {@code XX1234}
 * @param reference    the message reference the airline gave (UNH, with the BGM document
 *                     number for PAXLST); with the interchange's {@code preparedAt} it orders a
 *                     flight's messages
 * @param crewList     whether this is a crew list (PAXLST BGM 250): its people are crew
 * @param travellers   everyone named, passengers, infants and crew, each with their type
 * @param bookings     PNRs (empty for PAXLST)
 * @param firstPart    the part of a multi-part message this manifest starts with (UNH sequence
 *                     of transfers): 1 for a whole message or its first part, more for the rest
 *                     of one whose first part came in an earlier interchange
 */
public record Manifest(FlightLeg flight, List<FlightLeg> legs, List<String> codeshares, String reference,
        boolean crewList, List<Traveller> travellers, List<Booking> bookings, int firstPart) {

    public Manifest {
        legs = List.copyOf(legs);
        codeshares = List.copyOf(codeshares);
        travellers = List.copyOf(travellers);
        bookings = List.copyOf(bookings);
    }

    /** A whole message, or one starting with its first part. */
    public Manifest(FlightLeg flight, List<FlightLeg> legs, List<String> codeshares, String reference,
            boolean crewList, List<Traveller> travellers, List<Booking> bookings) {
        this(flight, legs, codeshares, reference, crewList, travellers, bookings, 1);
    }

    /** Whether this continues a message whose first part came earlier: it adds to that one rather than replacing it. */
    public boolean continuesEarlierPart() {
        return firstPart > 1;
    }
}
