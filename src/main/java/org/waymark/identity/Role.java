package org.waymark.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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

    /**
     * The roles of the work with operations: every page and API of Waymark needs one of them,
     * but a user's own account, and passenger data, which guards itself. Passenger data and
     * carrier gateways are not among them: such a user is not an officer and sees none of it.
     */
    public static final Set<Role> OPERATIONAL = Collections
            .unmodifiableSet(EnumSet.of(ADMIN, COORDINATOR, OFFICER, PARTNER, ANALYST));

    /** Whether this role is one of the {@link #OPERATIONAL} ones. */
    public boolean operational() {
        return OPERATIONAL.contains(this);
    }

    /**
     * Whether these are the roles of a machine account (a carrier gateway, which holds no other
     * role): it has no phone for an authenticator app and cannot sign in to the pages to set one
     * up, so its tokens are issued and accepted on its password alone even where people need a
     * second factor. It can send passenger data and read its own receipts, nothing else.
     */
    public static boolean machine(Set<Role> roles) {
        return roles.equals(Set.of(CARRIER_GATEWAY));
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
