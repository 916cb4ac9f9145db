package org.waymark.passengerdata.edifact;

/** The two kinds of passenger data message airlines send. */
public enum MessageType {
    /** Advance Passenger Information: UN/EDIFACT PAXLST, what each traveller's document says. */
    PAXLST,
    /** Passenger Name Records: PNRGOV, the airline's bookings for a flight. */
    PNRGOV
}
