package org.waymark.engagement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.waymark.shared.FlightId;

/**
 * A recorded tally, as the officer who sent it and the API see it; languages in alphabetical order.
 *
 * @param undoableUntil until when its officer may take it back; null once taken back
 */
public record Engagement(UUID id, FlightId flightId, String location, int passengers, List<String> languages,
        int leaflets, Instant recordedAt, Instant undoableUntil) {
}
