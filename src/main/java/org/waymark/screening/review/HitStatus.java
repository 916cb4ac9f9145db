package org.waymark.screening.review;

/** Where a hit stands: open until a person decides, once, or until its passenger data is masked. */
public enum HitStatus {
    /** Waiting for a reviewer's decision; nothing of it reaches an officer. */
    OPEN,
    /** A reviewer asked the officers of the flight to speak with the passenger. */
    ASKED,
    /** A reviewer saw no concern. */
    NO_CONCERN,
    /** A reviewer referred it to someone outside the operation, named in the decision. */
    REFERRED_ELSEWHERE,
    /**
     * Nobody decided before its passenger data was masked (48 hours after the flight, ADR 0041):
     * it names no one any more and can no longer be acted on.
     */
    EXPIRED;

    /** Whether a reviewer decided it. */
    public boolean decided() {
        return this != OPEN && this != EXPIRED;
    }
}
