package org.waymark.passengerdata;

/** Where a received passenger data message is. */
public enum MessageStatus {
    /** Stored as received and not read yet (a file from the inbox, or a read cut short); a replay reads it. */
    RECEIVED,
    /**
     * Stored and read, and put on the passenger data queue (Kafka, where configured): a node
     * applies it next, in its flight's order. Never said of a message applied already.
     */
    QUEUED,
    /**
     * Read, but not applied to its flights: a later message for each of them was applied already,
     * so this one is kept and never overwrites it.
     */
    PARSED,
    /** Read and applied to its flights. */
    APPLIED,
    /** Could not be read, or says nothing usable: waits in the failed queue with the reason until replayed. */
    FAILED
}
