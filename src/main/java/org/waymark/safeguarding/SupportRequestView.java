package org.waymark.safeguarding;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.waymark.shared.AgencyId;
import org.waymark.shared.OperationId;

/** A support request as its check and the partner agency see it, with its response times. */
public record SupportRequestView(UUID id, UUID checkId, OperationId operationId, AgencyId agencyId,
        String agencyName, SupportKind kind, SupportStatus status, Instant requestedAt, Instant acknowledgedAt,
        Instant arrivedAt, Instant endedAt) {

    /** From request to acknowledgement; {@code null} until acknowledged. */
    public Duration toAcknowledge() {
        return acknowledgedAt == null ? null : Duration.between(requestedAt, acknowledgedAt);
    }

    /** From request to arrival; {@code null} until the partner arrived. */
    public Duration toArrive() {
        return arrivedAt == null ? null : Duration.between(requestedAt, arrivedAt);
    }
}
