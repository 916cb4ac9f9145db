package org.waymark.screening.review;

/** What became of a person screening found, as far as Waymark knows: the latest decision or result. */
public enum Outcome {
    /** Officers were asked to speak with them and have not said yet. */
    ASKED,
    SPOKE_WITH,
    CHECK_STARTED,
    NOT_FOUND,
    NO_CONCERN,
    REFERRED_ELSEWHERE
}
