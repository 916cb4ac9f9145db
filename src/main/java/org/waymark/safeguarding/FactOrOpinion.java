package org.waymark.safeguarding;

/**
 * Whether a piece of recorded information is a fact or a personal assessment, which the data
 * protection law for law enforcement (DPA 2018 s38) asks to be kept apart. Most parts of a check
 * are one or the other by their nature; a free-text note whose nature is not clear is marked by
 * whoever writes it.
 */
public enum FactOrOpinion {
    /** Seen by the officer, said by the person, reported by someone else, or done (advice given, an outcome). */
    FACT,
    /** What an officer or partner thinks: an assessment, always shown with whose it is. */
    OPINION
}
