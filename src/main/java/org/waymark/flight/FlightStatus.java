package org.waymark.flight;

/** Where a flight is in the operation's work. */
public enum FlightStatus {
    /** In the schedule; nobody is assigned to watch it yet. */
    SCHEDULED,
    /** Chosen for the operation: officers meet it. */
    MONITORING,
    /** Its passengers have been met. */
    DONE,
    /** The flight did not operate. */
    CANCELLED
}
