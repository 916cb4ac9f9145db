package org.waymark.passengerdata.web;

import lombok.Getter;
import lombok.Setter;

/** The purpose stated before a flight's passengers are shown: its kind, the operation where that is it, and words. */
@Getter
@Setter
public class PurposeForm {

    private String purpose = "";
    private String operation = "";
    private String text = "";
}
