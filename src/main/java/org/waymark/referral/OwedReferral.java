package org.waymark.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.waymark.shared.OperationId;

/**
 * A referral owed: a check closed with an NRM referral or Duty to Notify outcome, and no
 * referral of it submitted yet. Nothing about the person but whether they are treated as a
 * child, which makes it urgent.
 *
 * @param kind what is owed: the kind of the referral in progress, or else what the outcome says
 * @param child the person is treated as a child: always an NRM referral, and urgent
 * @param owedSince when the check closed
 * @param owedFor how long it has been owed, up to the time it was listed
 * @param referralId the referral in progress, to continue; {@code null} when there is none to
 *        continue and one is to be started from the check
 * @param referralStatus where the referral in progress stands ({@code DRAFT} or {@code READY}),
 *        or {@code null}
 */
public record OwedReferral(UUID checkId, OperationId operationId, String operationName, ReferralKind kind,
        boolean child, Instant owedSince, Duration owedFor, UUID referralId, ReferralStatus referralStatus) {

    /** A child's referral is urgent. */
    public boolean urgent() {
        return child;
    }

    /** Whether a referral is in progress, to continue rather than start. */
    public boolean started() {
        return referralId != null;
    }
}
