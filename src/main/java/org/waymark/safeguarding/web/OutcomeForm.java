package org.waymark.safeguarding.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.validation.Errors;
import org.waymark.safeguarding.FactOrOpinion;
import org.waymark.safeguarding.Outcome;
import org.waymark.shared.RuleField;

/**
 * The outcomes that close a check, and a note with whether it records facts or the officer's
 * assessment. A rule about the person that an outcome needs (a name for an NRM referral) is
 * shown against the outcomes, where the choice was made.
 */
class OutcomeForm {

    @RuleField("person.name")
    private Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
    private String note = "";
    private FactOrOpinion noteNature;

    /**
     * What the form can tell by itself, so that the page names it all at once: an outcome is
     * needed, and a note must say what it records (without a note the answer is not needed).
     */
    void check(Errors errors) {
        if (outcomes.isEmpty() && !errors.hasFieldErrors("outcomes")) {
            errors.rejectValue("outcomes", "check.outcome.required");
        }
        if (!note.isBlank() && noteNature == null && !errors.hasFieldErrors("noteNature")) {
            errors.rejectValue("noteNature", "check.outcome.noteNature.required");
        }
    }

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

    public FactOrOpinion getNoteNature() {
        return noteNature;
    }

    public void setNoteNature(FactOrOpinion noteNature) {
        this.noteNature = noteNature;
    }
}
