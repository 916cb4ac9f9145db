package org.waymark.screening.names;

import java.time.LocalDate;

/**
 * A person's name as written, in any script, and the birth date when known: a passenger's from an
 * airline's message, or a watch-list entry's as the owner wrote it. Given names hold the middle names
 * too, separated by spaces.
 */
public record PersonName(String familyName, String givenNames, LocalDate birthDate) {

    public PersonName {
        familyName = familyName == null ? "" : familyName.strip();
        givenNames = givenNames == null ? "" : givenNames.strip();
    }
}
