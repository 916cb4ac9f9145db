package org.waymark.safeguarding.web;

import org.springframework.validation.Errors;
import org.waymark.safeguarding.Checks.IndicatorEntry;
import org.waymark.safeguarding.IndicatorBasis;
import org.waymark.shared.RuleField;

/** One indicator to record, as chosen on a phone: the indicator, how the officer knows of it, a note. */
class IndicatorForm {

    @RuleField("indicators")
    private String code = "";
    private IndicatorBasis basis;
    private String note = "";

    /** The entry, or null with the reasons added to {@code errors}. */
    IndicatorEntry toEntry(Errors errors) {
        if (code.isBlank()) {
            errors.rejectValue("code", "checks.indicator.code.required");
        }
        if (basis == null && !errors.hasFieldErrors("basis")) {
            errors.rejectValue("basis", "check.indicator.basis.required");
        }
        return errors.hasErrors() ? null : new IndicatorEntry(code.strip(), basis, note);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code;
    }

    public IndicatorBasis getBasis() {
        return basis;
    }

    public void setBasis(IndicatorBasis basis) {
        this.basis = basis;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null ? "" : note;
    }
}
