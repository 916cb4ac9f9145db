package org.waymark.screening.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/**
 * Something screening found about one passenger, for one operation, to record for review.
 *
 * @param flight the operation's flight the passenger-data flight is
 * @param pdFlightId the flight of the passenger data
 * @param travellerId the traveller's row now; a later message replaces it
 * @param personKey who the passenger is across messages
 * @param name the name as sent, family name first: kept with the hit as the data are masked later
 * @param departure when the flight leaves, for the queue's order
 * @param sourceId the rule's version, the watch list's entry, or the link group
 * @param sourceOwnerId the rule, or the watch list; null for a link group
 * @param title what found it, in words a reviewer reads
 * @param priority how soon a reviewer should look at it, 1 first, among hits of the same departure (as a
 *        rule's priority reads)
 * @param score how close a match is, for a watch list; null otherwise
 * @param reasons why, one sentence each
 */
public record NewHit(OperationId operation, FlightId flight, UUID pdFlightId, UUID travellerId, String personKey,
        String name, String seat, Instant departure, HitKind kind, UUID sourceId, UUID sourceOwnerId, String title,
        int priority, Double score, List<String> reasons) {
}
