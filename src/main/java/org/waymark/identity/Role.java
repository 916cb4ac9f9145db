package org.waymark.identity;

/** What a user may do. A user may hold several roles. */
public enum Role {
    /** Manages agencies, users and reads the audit log. */
    ADMIN,
    /** Plans and runs operations of their agency. */
    COORDINATOR,
    /** Field work in operations their agency takes part in. */
    OFFICER,
    /** Navigator or SARC worker: sees only what is shared with their agency. */
    PARTNER,
    /** Aggregate figures only. */
    ANALYST,
    /**
     * Sees airline passenger data (API and PNR), always with a stated purpose: for people of
     * agencies with a legal gateway to it (Border Force, a police Passenger Information Unit),
     * given by an administrator with the reason recorded.
     */
    PASSENGER_DATA,
    /** A machine account of an airline gateway: sends passenger data messages, and sees nothing else. */
    CARRIER_GATEWAY;

    public String authority() {
        return "ROLE_" + name();
    }
}
