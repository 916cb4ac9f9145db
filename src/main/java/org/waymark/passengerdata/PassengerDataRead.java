package org.waymark.passengerdata;

import java.util.List;
import java.util.UUID;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/**
 * Passengers' data was shown, for the purpose stated: each read names what was seen (the
 * travellers of a flight's list, one traveller, or one booking) and gives the purpose as its
 * detail, the kind's code first.
 */
public final class PassengerDataRead {

    private PassengerDataRead() {
    }

    /** A flight's list of passengers and crew: one entry for each traveller shown. */
    public record ListRead(List<UUID> travellers, String detail, Actor actor) implements Auditable {
        public String action() { return "PASSENGER_LIST_READ"; }
        public String recordType() { return "PASSENGER_DATA_TRAVELLER"; }
        public String recordId() { return travellers.isEmpty() ? null : travellers.get(0).toString(); }
        public List<String> recordIds() { return travellers.stream().map(UUID::toString).toList(); }
    }

    /** One traveller's page: all that was sent of them. */
    public record TravellerRead(UUID traveller, String detail, Actor actor) implements Auditable {
        public String action() { return "TRAVELLER_READ"; }
        public String recordType() { return "PASSENGER_DATA_TRAVELLER"; }
        public String recordId() { return traveller.toString(); }
    }

    /** One booking's page: the booking and those on it. */
    public record BookingRead(UUID booking, String detail, Actor actor) implements Auditable {
        public String action() { return "BOOKING_READ"; }
        public String recordType() { return "PASSENGER_DATA_BOOKING"; }
        public String recordId() { return booking.toString(); }
    }
}
