package org.waymark.passengerdata.edifact;

/** Who a named person on a flight is. */
public enum TravellerType {
    PASSENGER,
    /** An infant on an adult's lap: a passenger, counted with the rest. */
    INFANT,
    /** A member of the crew: kept apart, never counted or shown as a passenger. */
    CREW;

    public boolean passenger() {
        return this != CREW;
    }
}
