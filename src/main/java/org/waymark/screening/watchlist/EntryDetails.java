package org.waymark.screening.watchlist;

import java.time.LocalDate;

/**
 * What a person gives for an entry, typed or from a row of a CSV file: the names as the owner writes them
 * (in any script), the birth date when known, where it comes from, who owns it, when it is to be reviewed,
 * the consent when the list needs one, and a note.
 */
public record EntryDetails(String familyName, String givenNames, LocalDate birthDate, String source, String owner,
        LocalDate reviewDate, String consentRecordedBy, LocalDate consentRecordedOn, String note) {
}
