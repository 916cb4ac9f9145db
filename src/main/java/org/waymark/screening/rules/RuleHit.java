package org.waymark.screening.rules;

import java.util.List;
import java.util.UUID;

/**
 * A passenger for whom a rule's version holds, with the reasons in words, one per condition
 * that made it hold, such as “booked 1 day before departure (rule: less than 4 days)”.
 */
public record RuleHit(UUID ruleId, UUID versionId, int version, String title, String indicator, int priority,
        List<String> reasons) {

    public RuleHit {
        reasons = List.copyOf(reasons);
    }
}
