package org.waymark.screening.rules.store;

/** Where a rule stands. */
public enum RuleStatus {
    /** Written, never enabled: it makes no hits. */
    DRAFT,
    /** Its enabled version screens passengers; a newer version written since waits for its own back-test. */
    ENABLED,
    /** Switched off: it makes no new hits; its hits so far stay. */
    DISABLED
}
