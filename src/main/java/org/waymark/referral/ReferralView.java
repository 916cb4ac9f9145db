package org.waymark.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.waymark.shared.OperationId;

/**
 * The whole referral, for the officers and coordinators of first-responder agencies taking
 * part in the check's operation.
 *
 * @param missing what the form requires and the package lacks: field, message code
 * @param overdue the reasonable grounds decision is past its due date
 * @param mayWithdraw consent was given by an adult and can still be withdrawn
 * @param disposedAt when its retention period ended and its package and personal details were
 *        replaced by a marker, or {@code null}
 */
public record ReferralView(UUID id, UUID checkId, OperationId operationId, ReferralKind kind, boolean childReferral,
        boolean named, ReferralStatus status, Consent consent, Instant consentWithdrawnAt,
        ReferralPackage content, List<Addition> accountAdditions, Map<String, String> missing,
        String homeOfficeReference, Instant submittedAt, LocalDate rgDueDate, boolean overdue,
        LocalDate recoveryPeriodEnds, LocalDate moveOnSupportEnds, List<DecisionView> decisions,
        Instant createdAt, boolean mayWithdraw, Instant disposedAt) implements ShownReferral {

    public String view() {
        return "FULL";
    }

    public boolean editable() {
        return status.editable() && disposedAt == null;
    }

    /** What a partner added to the person's account. */
    public record Addition(String agency, Instant addedAt, String text) {
    }

    /** A decision; a request to reconsider one has no result. */
    public record DecisionView(DecisionType type, DecisionResult result, LocalDate date) {
    }
}
