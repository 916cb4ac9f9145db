package org.waymark.screening.run;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;
import org.waymark.screening.review.Outcomes;
import org.waymark.screening.rules.store.PastOutcomes;

/** A back-test's outcomes are what reviewers decided and officers recorded of the people earlier hits found. */
@Component
@RequiredArgsConstructor
class ReviewedOutcomes implements PastOutcomes {

    private final Outcomes outcomes;

    @Override
    public Map<String, String> forPeople(Collection<String> personKeys) {
        Map<String, String> codes = new HashMap<>();
        outcomes.forPeople(personKeys).forEach((person, outcome) -> codes.put(person, outcome.name()));
        return codes;
    }
}
