package org.waymark.retention;

/** The kinds of record a hold can be placed on, named as in the audit log. */
public enum HeldType {
    ENHANCED_CHECK,
    REFERRAL,
    PUBLIC_REPORT
}
