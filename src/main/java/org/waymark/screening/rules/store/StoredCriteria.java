package org.waymark.screening.rules.store;

import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;
import org.waymark.screening.rules.Criteria;
import org.waymark.screening.rules.Criterion;

/** The criteria of rule versions as the store keeps them (JSON text), and their problems. */
@Component
@RequiredArgsConstructor
class StoredCriteria {

    private final StoredGroups groups;

    Criterion read(String json) {
        return Criteria.fromJson(json);
    }

    String write(Criterion criteria) {
        return Criteria.toJson(criteria);
    }

    /** What is wrong with the criteria: by path (criteria.all.0.values), a message code; empty when nothing. */
    Map<String, String> problems(Criterion criteria) {
        Map<String, String> problems = new LinkedHashMap<>();
        Criteria.problems(criteria, groups).forEach(problem -> problems.putIfAbsent(problem.path(), problem.messageCode()));
        return problems;
    }
}
