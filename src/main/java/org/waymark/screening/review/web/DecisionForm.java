package org.waymark.screening.review.web;

import lombok.Getter;
import lombok.Setter;

/** A reviewer's decision on a hit, as the form sends it. */
@Getter
@Setter
public class DecisionForm {

    private String decision = "";
    private String description = "";
    private String why = "";
    private String note = "";
    private String referredTo = "";
}
