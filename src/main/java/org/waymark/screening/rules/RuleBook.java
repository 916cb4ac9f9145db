package org.waymark.screening.rules;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.waymark.screening.passenger.ScreenedPassenger;

/**
 * Screens passengers with the enabled rules: for each rule whose version holds, a hit with its
 * reasons in words. A screening run takes {@link #run()} once and screens every passenger with it,
 * so the rules and groups are read once and each rule is made ready once.
 */
@Component
@RequiredArgsConstructor
public class RuleBook {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    // Provided by the rule store; until there is one, no rule is enabled and only the shipped groups exist.
    private final ObjectProvider<EnabledRules> enabledRules;
    private final ObjectProvider<Groups> groups;
    private final MessageSource messages;

    /** The hits of the enabled rules for this passenger, as the rules and groups stand now. */
    public List<RuleHit> screen(ScreenedPassenger passenger) {
        return run().screen(passenger);
    }

    /** The enabled rules, made ready to screen many passengers. */
    public Run run() {
        EnabledRules enabled = enabledRules.getIfAvailable();
        return run(enabled == null ? List.of() : enabled.enabled());
    }

    /** These rule versions, enabled or not (a back-test's), made ready to screen many passengers. */
    public Run run(List<RuleVersion> versions) {
        Groups known = groups.getIfAvailable(DefaultGroups::groups);
        List<Ready> ready = new ArrayList<>();
        for (RuleVersion version : versions) {
            try {
                ready.add(new Ready(version, Evaluation.of(version.criteria(), known)));
            } catch (InvalidCriteriaException e) {
                // A group it names was removed since it was enabled: the other rules still screen.
                log.warn("Rule {} version {} cannot be used: {}", version.ruleId(), version.version(), e.problems());
            }
        }
        return new Run(List.copyOf(ready), messages);
    }

    private record Ready(RuleVersion version, Evaluation evaluation) {
    }

    /** Rule versions made ready, with the groups' members as they were when it was made. */
    public static final class Run {

        private final List<Ready> rules;
        private final MessageSource messages;

        private Run(List<Ready> rules, MessageSource messages) {
            this.rules = rules;
            this.messages = messages;
        }

        /** How many rule versions it screens with. */
        public int size() {
            return rules.size();
        }

        /** The hits for this passenger, highest priority first. */
        public List<RuleHit> screen(ScreenedPassenger passenger) {
            List<RuleHit> hits = null;
            for (Ready rule : rules) {
                if (rule.evaluation().hits(passenger)) {
                    RuleVersion version = rule.version();
                    if (hits == null) {
                        hits = new ArrayList<>();
                    }
                    hits.add(new RuleHit(version.ruleId(), version.versionId(), version.version(), version.title(),
                            version.indicator(), version.priority(), rule.evaluation().reasons(passenger, messages)));
                }
            }
            if (hits == null) {
                return List.of();
            }
            hits.sort(java.util.Comparator.comparingInt(RuleHit::priority));
            return List.copyOf(hits);
        }
    }
}
