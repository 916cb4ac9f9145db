package org.waymark.safeguarding;

/**
 * What a user may see of a check, and so of what is made from it: {@code FULL} for officers
 * and coordinators of first-responder agencies taking part, {@code PARTNER} for users of an
 * agency asked for support, {@code NONE} for everyone else.
 */
public enum CheckEntitlement {
    FULL,
    PARTNER,
    NONE
}
