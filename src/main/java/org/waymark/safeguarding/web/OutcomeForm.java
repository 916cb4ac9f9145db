package org.waymark.safeguarding.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.waymark.safeguarding.Outcome;

/**
 * The outcomes that close a check, and a note. A rule about the person that an outcome needs
 * (a name for an NRM referral) is shown against the outcomes, where the choice was made.
 */
class OutcomeForm {

    static final Set<String> FIELDS = Set.of("outcomes", "note");
    static final Map<String, String> RENAMED = Map.of("person.name", "outcomes");

    private Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
    private String note = "";

    public Set<Outcome> getOutcomes() {
        return outcomes;
    }

    public void setOutcomes(Set<Outcome> outcomes) {
        this.outcomes = EnumSet.noneOf(Outcome.class);
        if (outcomes != null) {
            this.outcomes.addAll(outcomes);
        }
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null ? "" : note;
    }
}
