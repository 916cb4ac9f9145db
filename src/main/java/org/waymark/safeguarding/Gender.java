package org.waymark.safeguarding;

/** The person's gender as they give it, or as not known. */
public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    NOT_KNOWN
}
