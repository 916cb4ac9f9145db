package org.waymark.screening.review.web;

import lombok.Getter;
import lombok.Setter;

/** The purpose stated before an operation's hits are shown: its kind and words; the operation is the queue's. */
@Getter
@Setter
public class ReviewPurposeForm {

    private String purpose = "";
    private String text = "";
    /** The hit to open once the purpose is stated, if one was asked for. */
    private String hit = "";
}
