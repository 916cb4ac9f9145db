package org.waymark.safeguarding;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.waymark.shared.AgencyId;
import org.waymark.shared.OperationId;
import org.waymark.shared.UserId;

/**
 * A support request as its check and the partner agency see it, with its response times.
 *
 * @param requester the officer who asked, and the number they gave for the partner to call
 * @param meetingPoint where the officer waits for the partner; null if they did not say
 * @param expectedArrival when the partner said they will arrive; null until they say
 * @param declineReason why the partner cannot come, once they declined ({@code declinedAt})
 */
public record SupportRequestView(UUID id, UUID checkId, OperationId operationId, AgencyId agencyId,
        String agencyName, SupportKind kind, SupportStatus status, Instant requestedAt, Instant acknowledgedAt,
        Instant arrivedAt, Instant endedAt, Requester requester, String meetingPoint, Instant expectedArrival,
        Instant declinedAt, String declineReason) {

    /** Staff details: the officer's name as their account reads now (null if it is gone) and phone. */
    public record Requester(UserId id, String name, String phone) {
    }

    /** From request to acknowledgement; {@code null} until acknowledged. */
    public Duration toAcknowledge() {
        return acknowledgedAt == null ? null : Duration.between(requestedAt, acknowledgedAt);
    }

    /** From request to arrival; {@code null} until the partner arrived. */
    public Duration toArrive() {
        return arrivedAt == null ? null : Duration.between(requestedAt, arrivedAt);
    }

    /** Whether the partner may still answer it: not arrived, ended or declined. */
    public boolean awaitingPartner() {
        return status == SupportStatus.REQUESTED || status == SupportStatus.ACKNOWLEDGED;
    }

    /** The request with its times and state only, nothing typed by anyone: for the response times. */
    SupportRequestView timesOnly() {
        return new SupportRequestView(id, checkId, operationId, agencyId, agencyName, kind, status, requestedAt,
                acknowledgedAt, arrivedAt, endedAt, null, null, expectedArrival, declinedAt, null);
    }
}
