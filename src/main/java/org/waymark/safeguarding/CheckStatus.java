package org.waymark.safeguarding;

/** Where an enhanced check stands. */
public enum CheckStatus {
    /** Being recorded: the person, indicators, advice and requests may change. */
    OPEN,
    /** An outcome is recorded; the check is read-only. */
    CLOSED
}
