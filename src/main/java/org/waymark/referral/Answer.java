package org.waymark.referral;

/** A question of the form answered yes, no, or not known. */
public enum Answer {
    YES,
    NO,
    NOT_KNOWN
}
