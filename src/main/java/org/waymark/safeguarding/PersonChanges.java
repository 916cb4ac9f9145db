package org.waymark.safeguarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which fields of a check a change altered, by their names in the API, for the audit log. */
final class PersonChanges {

    private PersonChanges() {
    }

    /** The fields of the person that differ, in the order of the API. */
    static List<String> between(Person before, Person after) {
        List<String> changed = new ArrayList<>();
        note(changed, "name", before.name(), after.name());
        note(changed, "nameNotGiven", before.nameNotGiven(), after.nameNotGiven());
        note(changed, "age", before.age(), after.age());
        note(changed, "dateOfBirth", before.dateOfBirth(), after.dateOfBirth());
        note(changed, "under18", before.under18(), after.under18());
        note(changed, "gender", before.gender(), after.gender());
        note(changed, "nationality", before.nationality(), after.nationality());
        note(changed, "languages", before.languageCodes(), after.languageCodes());
        note(changed, "interpreterLanguage", before.interpreterLanguage(), after.interpreterLanguage());
        note(changed, "interpreterMode", before.interpreterMode(), after.interpreterMode());
        note(changed, "travellingWith", before.travellingWith(), after.travellingWith());
        note(changed, "travellingWithRelationship", before.travellingWithRelationship(),
                after.travellingWithRelationship());
        note(changed, "finalDestination", before.finalDestination(), after.finalDestination());
        return changed;
    }

    /** Adds the field's name when its value changed. */
    static void note(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
