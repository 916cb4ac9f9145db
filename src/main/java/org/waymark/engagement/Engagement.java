package org.waymark.engagement;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.waymark.shared.FlightId;

/**
 * A recorded tally, as the officer who sent it and the API see it.
 *
 * @param undoableUntil until when its officer may take it back; null once taken back
 */
public record Engagement(UUID id, FlightId flightId, String location, int passengers, Set<String> languages,
        int leaflets, Instant recordedAt, Instant undoableUntil) {
}
