package org.waymark.screening.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The labelled set of spelling and script variants (see {@link NameVariants} and docs/performance.md),
 * looked up in a watch list of its people among 20,000 others: nearly every passenger who is on the list is
 * found, and almost nobody else.
 */
class LabelledVariantsTest {

    @Test
    void findsNearlyEveryVariantOfAPersonOnTheListAndAlmostNobodyElse() {
        List<NameVariants.Person> people = NameVariants.people(1);
        NameIndex<Integer> index = new NameIndex<>();
        people.forEach(person -> index.put(person.id(), person.name()));
        List<PersonName> others = NameVariants.others(20_000, 2);
        for (int i = 0; i < others.size(); i++) {
            index.put(people.size() + i, others.get(i));
        }

        int onTheList = 0;
        int found = 0;
        int matches = 0;
        int wrong = 0;
        for (NameVariants.Labelled labelled : NameVariants.labelled(people, 1_000, 1)) {
            List<Integer> ids = index.find(labelled.passenger()).stream().map(NameIndex.Found::id).toList();
            matches += ids.size();
            wrong += (int) ids.stream().filter(id -> id != labelled.personId()).count();
            if (labelled.personId() >= 0) {
                onTheList++;
                found += ids.contains(labelled.personId()) ? 1 : 0;
            }
        }

        assertThat(onTheList).isGreaterThan(600);
        assertThat((double) found / onTheList).as("recall").isGreaterThanOrEqualTo(0.95);
        assertThat((double) (matches - wrong) / matches).as("precision").isGreaterThanOrEqualTo(0.98);
    }
}
