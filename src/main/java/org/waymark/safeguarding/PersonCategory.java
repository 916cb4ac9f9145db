package org.waymark.safeguarding;

/** Why a person is in a check, as the data protection law asks each person to be categorised. */
public enum PersonCategory {
    POTENTIAL_VICTIM,
    WITNESS,
    OTHER
}
