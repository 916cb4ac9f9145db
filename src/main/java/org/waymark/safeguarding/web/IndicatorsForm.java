package org.waymark.safeguarding.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.validation.Errors;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Checks.IndicatorEntry;
import org.waymark.safeguarding.IndicatorBasis;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleField;

/**
 * The indicators of a check as ticked on one page: the codes ticked ({@code chosen}), and for
 * each, by its code, how the officer knows of it ({@code basis[T01]}) and a note ({@code note[T01]}).
 * What is sent under an indicator not ticked, such as a basis left chosen, is not kept.
 */
class IndicatorsForm {

    @RuleField("indicators")
    private List<String> chosen = new ArrayList<>();
    private Map<String, IndicatorBasis> basis = new HashMap<>();
    private Map<String, String> note = new HashMap<>();

    /** The check's indicators as recorded, ticked. */
    static IndicatorsForm of(CheckView check) {
        IndicatorsForm form = new IndicatorsForm();
        for (CheckView.RecordedIndicator recorded : check.indicators()) {
            String code = recorded.indicator().code();
            form.chosen.add(code);
            form.basis.put(code, recorded.basis());
            form.note.put(code, recorded.note());
        }
        return form;
    }

    /**
     * The indicators ticked, each with its basis and note; or null, with each one's mistakes added to
     * {@code errors} against its own field, naming it, in the order they were ticked.
     *
     * @param catalogue the codes of the catalogue: another code is no indicator to tick
     */
    List<IndicatorEntry> toEntries(Set<String> catalogue, Errors errors) {
        List<IndicatorEntry> entries = new ArrayList<>();
        for (String code : new LinkedHashSet<>(chosen)) {
            if (!catalogue.contains(code)) {
                if (!errors.hasFieldErrors("chosen")) {
                    errors.rejectValue("chosen", "check.indicator.unknown");
                }
                continue;
            }
            String basisField = "basis[" + code + "]";
            String noteField = "note[" + code + "]";
            if (basis.get(code) == null && !errors.hasFieldErrors(basisField)) {
                errors.rejectValue(basisField, "checks.indicator.basis.requiredFor", new Object[] { code }, null);
            }
            String typed = PlainText.typed(note.get(code));
            if (typed != null && typed.length() > Checks.MAX_INDICATOR_NOTE && !errors.hasFieldErrors(noteField)) {
                errors.rejectValue(noteField, "checks.indicator.note.tooLongFor",
                        new Object[] { code, Checks.MAX_INDICATOR_NOTE }, null);
            }
            entries.add(new IndicatorEntry(code, basis.get(code), typed));
        }
        return errors.hasErrors() ? null : entries;
    }

    public List<String> getChosen() {
        return chosen;
    }

    public void setChosen(List<String> chosen) {
        this.chosen = chosen == null ? new ArrayList<>() : chosen;
    }

    public Map<String, IndicatorBasis> getBasis() {
        return basis;
    }

    public void setBasis(Map<String, IndicatorBasis> basis) {
        this.basis = basis == null ? new HashMap<>() : basis;
    }

    public Map<String, String> getNote() {
        return note;
    }

    public void setNote(Map<String, String> note) {
        this.note = note == null ? new HashMap<>() : note;
    }
}
