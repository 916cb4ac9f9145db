package org.waymark.screening.links;

/** What two bookings share, so that they are linked. */
public enum LinkKind {
    /** A phone number given as a contact. */
    PHONE,
    /** An email address given as a contact. */
    EMAIL,
    /** The name of whoever paid, compared by its words in any order, without case or accents. */
    PAYER,
    /** A postal address given on the booking. */
    ADDRESS,
    /** The card paid with, known only by its keyed hash: shown as the same card, never its number. */
    CARD,
    /** The travel agency that made the booking. */
    AGENCY
}
