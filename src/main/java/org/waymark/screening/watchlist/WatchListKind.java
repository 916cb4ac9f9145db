package org.waymark.screening.watchlist;

/** What a watch list holds, which says what a match on it may mean. */
public enum WatchListKind {
    /** Missing adults, from a force's missing persons unit. */
    MISSING_PERSON,
    /** Missing children, from a force's missing persons unit. */
    MISSING_CHILD,
    /** People at risk of re-trafficking who asked for help; each entry records their consent. */
    RE_TRAFFICKING_RISK,
    /** Persons of interest to a safeguarding enquiry. */
    PERSON_OF_INTEREST;

    /** Whether each entry of such a list must record who recorded the person's consent, and when. */
    public boolean needsConsent() {
        return this == RE_TRAFFICKING_RISK;
    }
}
