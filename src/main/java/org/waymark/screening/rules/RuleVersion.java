package org.waymark.screening.rules;

import java.util.Objects;
import java.util.UUID;

/**
 * One version of a rule, never changed once saved: editing a rule makes a new version, and a
 * hit names the version that made it.
 *
 * @param indicator the code of the indicator of the catalogue it serves, such as T04
 * @param priority how soon a reviewer should look at its hits: 1 first
 */
public record RuleVersion(UUID ruleId, UUID versionId, int version, String title, String description,
        String indicator, int priority, Criterion criteria) {

    public RuleVersion {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(criteria, "criteria");
    }
}
