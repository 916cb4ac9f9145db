package org.waymark.screening.watchlist.web;

import lombok.Getter;
import lombok.Setter;

import org.waymark.screening.watchlist.EntryDetails;
import org.waymark.shared.DateInput;

/** An entry typed by hand, its dates as three boxes each; new, or filled with an entry to change. */
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

    static EntryForm of(EntryDetails details) {
        EntryForm form = new EntryForm();
        form.familyName = text(details.familyName());
        form.givenNames = text(details.givenNames());
        form.birthDate = DateInput.of(details.birthDate());
        form.source = text(details.source());
        form.owner = text(details.owner());
        form.reviewDate = DateInput.of(details.reviewDate());
        form.consentRecordedBy = text(details.consentRecordedBy());
        form.consentRecordedOn = DateInput.of(details.consentRecordedOn());
        form.note = text(details.note());
        return form;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
