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
    WITHDRAWN,
    /** A draft set aside before submission, for example because the path turned out wrong. */
    DISCARDED;

    /** The package may still change. */
    public boolean editable() {
        return this == DRAFT || this == READY;
    }

    /** The referral stands: the check cannot have another beside it. */
    public boolean inForce() {
        return this != WITHDRAWN && this != DISCARDED;
    }
}
