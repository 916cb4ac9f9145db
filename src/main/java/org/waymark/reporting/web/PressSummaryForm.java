package org.waymark.reporting.web;

import org.waymark.reporting.Reports;

/** The press summary as the coordinator typed it; its length is judged by Reports. */
class PressSummaryForm {

    private String text;

    static PressSummaryForm of(String text) {
        PressSummaryForm form = new PressSummaryForm();
        form.text = text;
        return form;
    }

    /** The longest text Reports takes, for the page's character count. */
    public int getMaxLength() {
        return Reports.MAX_LENGTH;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
