package org.waymark.screening.review;

/** What made a hit. */
public enum HitKind {
    /** An enabled rule's version matched the passenger. */
    RULE,
    /** The passenger's name matched an entry of a watch list. */
    WATCH_LIST,
    /** The passenger's booking is linked to others' in a group large enough to flag. */
    LINK
}
