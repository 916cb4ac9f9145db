package org.waymark.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.waymark.shared.OperationId;

/** A referral in a list: where it stands and what is due, without personal details. */
public record ReferralSummary(UUID id, UUID checkId, OperationId operationId, String operationName,
        ReferralKind kind, boolean childReferral, ReferralStatus status, String homeOfficeReference,
        Instant submittedAt, LocalDate rgDueDate, boolean overdue, Instant createdAt) {

    /** Without the submission's details, which a partner's view of a referral leaves out. */
    ReferralSummary forPartner() {
        return new ReferralSummary(id, checkId, operationId, operationName, kind, childReferral, status, null, null,
                null, false, createdAt);
    }
}
