package org.waymark.flight;

/** Whether a flight lands at the operation's port or leaves it. */
public enum Direction {
    /** From the other airport to the port. */
    ARRIVAL,
    /** From the port to the other airport: people may be taken out of the UK. */
    DEPARTURE
}
