package org.waymark.safeguarding;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.waymark.identity.Users;
import org.waymark.shared.AgencyId;
import org.waymark.shared.ConflictException;
import org.waymark.shared.OperationId;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

/**
 * A navigator, SARC worker or interpreter asked of a partner agency for one check, with where to
 * meet the officer and their number. Each step keeps its time so that the response times can be
 * measured; the partner may say when they expect to arrive, or decline with a reason.
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
    /** Where the officer waits for the partner, as the officer put it; null if they did not say. */
    private final String meetingPoint;
    /** The number the partner calls the officer on; null if the officer gave none. */
    private final String requesterPhone;
    /** When the partner said they will arrive; null until they say. */
    private Instant expectedArrival;
    private Instant declinedAt;
    private UUID declinedBy;
    /** Why the partner cannot come, as they put it, on one line. */
    private String declineReason;
    /**
     * The check, while this request is open; null once the support has ended. Unique with the
     * agency and the kind in the database, so that requests sent at once cannot ask twice.
     */
    private UUID openCheckId;
    @Version
    private Long version;

    SupportRequest(UUID id, UUID checkId, UUID operationId, UUID agencyId, SupportKind kind, SupportStatus status,
            Instant requestedAt, UUID requestedBy, Instant acknowledgedAt, UUID acknowledgedBy, Instant arrivedAt,
            Instant endedAt, String meetingPoint, String requesterPhone, Instant expectedArrival, Instant declinedAt,
            UUID declinedBy, String declineReason, Long version) {
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
        this.meetingPoint = meetingPoint;
        this.requesterPhone = requesterPhone;
        this.expectedArrival = expectedArrival;
        this.declinedAt = declinedAt;
        this.declinedBy = declinedBy;
        this.declineReason = declineReason;
        this.version = version;
    }

    /**
     * A request, with where to meet and the officer's number if they gave them: each typed on
     * one line, the number of digits that one can tap to call.
     */
    static SupportRequest ask(UUID checkId, OperationId operation, AgencyId agency, SupportKind kind,
            String meetingPoint, String requesterPhone, UserId by, Instant now) {
        String where = PlainText.typed(meetingPoint);
        PlainText.check(where, SupportRequests.MAX_MEETING_POINT, "support.meetingPoint.tooLong", "meetingPoint");
        String phone = PlainText.typed(requesterPhone);
        if (phone != null && !Users.isPhoneNumber(phone)) {
            throw new RuleViolationException("support.requesterPhone.invalid", "requesterPhone");
        }
        SupportRequest request = new SupportRequest(UUID.randomUUID(), checkId, operation.value(), agency.value(),
                kind, SupportStatus.REQUESTED, now, by.value(), null, null, null, null, where, phone, null, null, null,
                null, null);
        request.openCheckId = checkId;
        return request;
    }

    /** Someone at the partner agency has seen the request and answers it. */
    void acknowledge(UserId by, Instant now) {
        refuseDeclined();
        if (status != SupportStatus.REQUESTED) {
            throw new ConflictException("support.acknowledged.already", null);
        }
        status = SupportStatus.ACKNOWLEDGED;
        acknowledgedAt = now;
        acknowledgedBy = by.value();
    }

    /**
     * When the partner expects to arrive: from now to {@link SupportRequests#LATEST_EXPECTED} ahead,
     * and again if it changes. Saying so answers an unanswered request too.
     */
    void expectArrival(Instant at, UserId by, Instant now) {
        refuseDeclined();
        if (status == SupportStatus.ARRIVED || status == SupportStatus.ENDED) {
            throw new ConflictException("support.expectedArrival.arrived", null);
        }
        if (at == null) {
            throw new RuleViolationException("support.expectedArrival.required", "expectedArrival");
        }
        // A minute's grace, for a time typed to the minute that has just begun.
        if (at.isBefore(now.minusSeconds(60))) {
            throw new RuleViolationException("support.expectedArrival.past", "expectedArrival");
        }
        if (at.isAfter(now.plus(SupportRequests.LATEST_EXPECTED))) {
            throw new RuleViolationException("support.expectedArrival.tooLate", "expectedArrival");
        }
        if (status == SupportStatus.REQUESTED) {
            acknowledge(by, now);
        }
        expectedArrival = at;
    }

    /**
     * The partner cannot come, and says why (on one line, as line breaks are folded into spaces).
     * Only a request nobody has arrived for may be declined, and once; the agency may then be
     * asked again.
     */
    void decline(String reason, UserId by, Instant now) {
        refuseDeclined();
        if (status == SupportStatus.ARRIVED || status == SupportStatus.ENDED) {
            throw new ConflictException("support.decline.arrived", null);
        }
        String why = PlainText.typed(reason == null ? null : reason.replaceAll("[\\r\\n\\t]+", " "));
        if (why == null) {
            throw new RuleViolationException("support.decline.reason.required", "reason");
        }
        PlainText.check(why, SupportRequests.MAX_DECLINE_REASON, "support.decline.reason.tooLong", "reason");
        status = SupportStatus.DECLINED;
        declinedAt = now;
        declinedBy = by.value();
        declineReason = why;
        openCheckId = null;
    }

    private void refuseDeclined() {
        if (status == SupportStatus.DECLINED) {
            throw new ConflictException("support.declined.already", null);
        }
    }

    /** The partner is with the person. Arriving answers an unanswered request too. */
    void arrive(UserId by, Instant now) {
        refuseDeclined();
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

    SupportRequestView view(String agencyName, String requesterName) {
        return new SupportRequestView(id, checkId, new OperationId(operationId), new AgencyId(agencyId), agencyName,
                kind, status, requestedAt, acknowledgedAt, arrivedAt, endedAt,
                new SupportRequestView.Requester(new UserId(requestedBy), requesterName, requesterPhone), meetingPoint,
                expectedArrival, declinedAt, declineReason);
    }

    UserId requestedBy() {
        return new UserId(requestedBy);
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant expectedArrival() {
        return expectedArrival;
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

    SupportStatus status() {
        return status;
    }
}
