package org.waymark.safeguarding;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.waymark.flight.FlightView;

/** A line in an operation's list of checks: no personal details, so listing reads none. */
public record CheckSummary(UUID id, Instant startedAt, FlightView flight, String location, PersonCategory category,
        CheckStatus status, int indicators, int supportRequests, Set<Outcome> outcomes) {
}
