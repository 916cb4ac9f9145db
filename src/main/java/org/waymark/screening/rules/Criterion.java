package org.waymark.screening.rules;

import java.util.List;
import java.util.Objects;

/**
 * What a rule asks of a passenger, as a tree: all of, any of, not, and conditions on one field.
 * People build it on a form, field by field; nobody writes a rule language.
 */
public sealed interface Criterion permits Criterion.AllOf, Criterion.AnyOf, Criterion.Not, Criterion.Condition {

    /** Holds when every one of its criteria holds. */
    record AllOf(List<Criterion> criteria) implements Criterion {
        public AllOf {
            criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
        }
    }

    /** Holds when at least one of its criteria holds. */
    record AnyOf(List<Criterion> criteria) implements Criterion {
        public AnyOf {
            criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
        }
    }

    /** Holds when its criterion is known not to hold: missing data stays unknown, never a hit. */
    record Not(Criterion criterion) implements Criterion {
        public Not {
            Objects.requireNonNull(criterion, "criterion");
        }
    }

    /**
     * One field compared with values written as text: a number, a code, a yes or no, or, for
     * MEMBER_OF, a group's code. {@link Criteria#problems} says what is wrong with them.
     */
    record Condition(Field field, Operator operator, List<String> values) implements Criterion {
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            values = values == null ? List.of() : List.copyOf(values);
        }

        public Condition(Field field, Operator operator, String... values) {
            this(field, operator, List.of(values));
        }
    }

    static AllOf allOf(Criterion... criteria) {
        return new AllOf(List.of(criteria));
    }

    static AnyOf anyOf(Criterion... criteria) {
        return new AnyOf(List.of(criteria));
    }

    static Not not(Criterion criterion) {
        return new Not(criterion);
    }

    static Condition when(Field field, Operator operator, String... values) {
        return new Condition(field, operator, values);
    }
}
