package org.waymark.screening.watchlist.web;

import lombok.Getter;
import lombok.Setter;

import org.waymark.shared.DateInput;

/** An entry typed by hand, its dates as three boxes each. */
@Getter
@Setter
public class EntryForm {

    private String familyName = "";
    private String givenNames = "";
    private DateInput birthDate = new DateInput();
    private String source = "";
    private String owner = "";
    private DateInput reviewDate = new DateInput();
    private String consentRecordedBy = "";
    private DateInput consentRecordedOn = new DateInput();
    private String note = "";
}
