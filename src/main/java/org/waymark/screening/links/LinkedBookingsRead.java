package org.waymark.screening.links;

import java.util.List;
import java.util.UUID;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/**
 * Groups of linked bookings were shown, for the purpose stated: one entry for each traveller
 * named, with the purpose as its detail, the kind's code first.
 */
public record LinkedBookingsRead(List<UUID> travellers, String detail, Actor actor) implements Auditable {
    public String action() { return "LINKED_BOOKINGS_READ"; }
    public String recordType() { return "PASSENGER_DATA_TRAVELLER"; }
    public String recordId() { return travellers.isEmpty() ? null : travellers.get(0).toString(); }
    public List<String> recordIds() { return travellers.stream().map(UUID::toString).toList(); }
}
