package org.waymark.screening.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.waymark.shared.UnprocessableException;

/**
 * A rule's criteria that cannot be used: JSON that is not a tree of criteria, or conditions that
 * do not fit their field. Each problem names where it is (as the JSON names it, such as
 * criteria.all.0.values) and a message code; the API answers 422 with them.
 */
public class InvalidCriteriaException extends UnprocessableException {

    private final List<Criteria.Problem> problems;

    public InvalidCriteriaException(List<Criteria.Problem> problems) {
        super("screening.rules.problem.invalid", fields(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Criteria.Problem> problems() {
        return problems;
    }

    private static Map<String, String> fields(List<Criteria.Problem> problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        problems.forEach(problem -> fields.putIfAbsent(problem.path(), problem.messageCode()));
        return fields;
    }
}
