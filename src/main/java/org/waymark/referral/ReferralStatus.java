package org.waymark.referral;

/**
 * Where a referral stands. {@code DRAFT} and {@code READY} are set by whether the package is
 * complete; the rest follow the submission, the Home Office's decisions and consent.
 */
public enum ReferralStatus {
    DRAFT,
    READY,
    SUBMITTED,
    RG_POSITIVE,
    RG_NEGATIVE,
    CG_POSITIVE,
    CG_NEGATIVE,
    RECONSIDERATION_REQUESTED,
    WITHDRAWN;

    /** The package may still change. */
    public boolean editable() {
        return this == DRAFT || this == READY;
    }
}
