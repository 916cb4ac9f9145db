package org.waymark.passengerdata;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.waymark.passengerdata.edifact.MessageType;

/**
 * What became of a received message, as the sender is told: never a traveller's details.
 *
 * @param duplicate whether this is the answer to the same message sent again (it was dropped)
 *
 * <p>Serializable, as the failed queue's page carries one to the next page in the session, which
 * is kept in the database.
 */
public record Receipt(UUID id, MessageStatus status, MessageType type, List<FlightSeen> flights, int passengers,
        int bookings, List<Warning> warnings, boolean duplicate, Failure failure, Instant receivedAt,
        String receivedFrom) implements Serializable {

    /** A flight the message spoke of; times at the airports with their offsets, where known. */
    public record FlightSeen(String carrier, String number, String origin, String destination,
            OffsetDateTime departure, OffsetDateTime arrival) implements Serializable {
    }

    /** Something out of place, in words: the segment tag and its position counted from 1 (UNB is 1). */
    public record Warning(String segment, int position, String message) implements Serializable {
    }

    /** Why a message failed, and where. */
    public record Failure(String message, String segment, Integer position) implements Serializable {
    }

    Receipt asDuplicate() {
        return new Receipt(id, status, type, flights, passengers, bookings, warnings, true, failure, receivedAt,
                receivedFrom);
    }
}
