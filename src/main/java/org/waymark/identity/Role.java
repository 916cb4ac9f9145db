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
    ANALYST;

    public String authority() {
        return "ROLE_" + name();
    }
}
