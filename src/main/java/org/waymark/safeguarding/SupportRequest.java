package org.waymark.safeguarding;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.waymark.shared.AgencyId;
import org.waymark.shared.ConflictException;
import org.waymark.shared.OperationId;
import org.waymark.shared.UserId;

/**
 * A navigator, SARC worker or interpreter asked of a partner agency for one check. Each step
 * keeps its time so that the response times can be measured.
 */
@Table("support_request")
class SupportRequest {

    @Id
    private final UUID id;
    private final UUID checkId;
    private final UUID operationId;
    private final UUID agencyId;
    private final SupportKind kind;
    private SupportStatus status;
    private final Instant requestedAt;
    private final UUID requestedBy;
    private Instant acknowledgedAt;
    private UUID acknowledgedBy;
    private Instant arrivedAt;
    private Instant endedAt;
    /**
     * The check, while this request is open; null once the support has ended. Unique with the
     * agency and the kind in the database, so that requests sent at once cannot ask twice.
     */
    private UUID openCheckId;
    @Version
    private Long version;

    SupportRequest(UUID id, UUID checkId, UUID operationId, UUID agencyId, SupportKind kind, SupportStatus status,
            Instant requestedAt, UUID requestedBy, Instant acknowledgedAt, UUID acknowledgedBy, Instant arrivedAt,
            Instant endedAt, Long version) {
        this.id = id;
        this.checkId = checkId;
        this.operationId = operationId;
        this.agencyId = agencyId;
        this.kind = kind;
        this.status = status;
        this.requestedAt = requestedAt;
        this.requestedBy = requestedBy;
        this.acknowledgedAt = acknowledgedAt;
        this.acknowledgedBy = acknowledgedBy;
        this.arrivedAt = arrivedAt;
        this.endedAt = endedAt;
        this.version = version;
    }

    static SupportRequest ask(UUID checkId, OperationId operation, AgencyId agency, SupportKind kind, UserId by,
            Instant now) {
        SupportRequest request = new SupportRequest(UUID.randomUUID(), checkId, operation.value(), agency.value(),
                kind, SupportStatus.REQUESTED, now, by.value(), null, null, null, null, null);
        request.openCheckId = checkId;
        return request;
    }

    /** Someone at the partner agency has seen the request and answers it. */
    void acknowledge(UserId by, Instant now) {
        if (status != SupportStatus.REQUESTED) {
            throw new ConflictException("support.acknowledged.already", null);
        }
        status = SupportStatus.ACKNOWLEDGED;
        acknowledgedAt = now;
        acknowledgedBy = by.value();
    }

    /** The partner is with the person. Arriving answers an unanswered request too. */
    void arrive(UserId by, Instant now) {
        if (status == SupportStatus.REQUESTED) {
            acknowledge(by, now);
        }
        if (status != SupportStatus.ACKNOWLEDGED) {
            throw new ConflictException("support.arrived.already", null);
        }
        status = SupportStatus.ARRIVED;
        arrivedAt = now;
    }

    void end(Instant now) {
        if (status != SupportStatus.ARRIVED) {
            throw new ConflictException("support.end.notArrived", null);
        }
        status = SupportStatus.ENDED;
        endedAt = now;
        openCheckId = null;
    }

    SupportRequestView view(String agencyName) {
        return new SupportRequestView(id, checkId, new OperationId(operationId), new AgencyId(agencyId), agencyName,
                kind, status, requestedAt, acknowledgedAt, arrivedAt, endedAt);
    }

    UUID id() {
        return id;
    }

    UUID checkId() {
        return checkId;
    }

    OperationId operationId() {
        return new OperationId(operationId);
    }

    AgencyId agencyId() {
        return new AgencyId(agencyId);
    }

    SupportKind kind() {
        return kind;
    }

    UUID requestedBy() {
        return requestedBy;
    }

    SupportStatus status() {
        return status;
    }
}
