package org.waymark.safeguarding;

/** The sections of the indicator aide-memoire. */
public enum IndicatorGroup {
    TRAVEL,
    SITUATIONAL,
    PSYCHOLOGICAL,
    PHYSICAL,
    TYPE_SPECIFIC,
    CHILD
}
