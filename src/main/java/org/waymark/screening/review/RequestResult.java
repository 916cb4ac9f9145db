package org.waymark.screening.review;

/** What an officer recorded of a request to speak with a passenger. */
public enum RequestResult {
    /** They found and spoke with the passenger. */
    SPOKE_WITH,
    /** They spoke with the passenger and started an enhanced check. */
    CHECK_STARTED,
    /** They did not find the passenger. */
    NOT_FOUND
}
