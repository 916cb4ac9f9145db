package org.waymark.screening.review;

/** Where a hit stands: open until a person decides, once. */
public enum HitStatus {
    /** Waiting for a reviewer's decision; nothing of it reaches an officer. */
    OPEN,
    /** A reviewer asked the officers of the flight to speak with the passenger. */
    ASKED,
    /** A reviewer saw no concern. */
    NO_CONCERN,
    /** A reviewer referred it to someone outside the operation, named in the decision. */
    REFERRED_ELSEWHERE
}
