package org.waymark.screening.rules;

import java.util.List;

/** The rule versions enabled now, one per enabled rule. */
public interface EnabledRules {

    List<RuleVersion> enabled();
}
