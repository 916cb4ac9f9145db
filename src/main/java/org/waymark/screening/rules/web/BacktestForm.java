package org.waymark.screening.rules.web;

import lombok.Getter;
import lombok.Setter;

import org.waymark.shared.DateInput;

/** The days to back-test a version over, and why (the reason is logged with the run). */
@Getter
@Setter
public class BacktestForm {

    private DateInput from = new DateInput();
    private DateInput to = new DateInput();
    private String reason = "";
}
