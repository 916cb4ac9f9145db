package org.waymark.screening.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.waymark.screening.passenger.ScreenedPassenger;
import org.waymark.screening.rules.Criterion.AllOf;
import org.waymark.screening.rules.Criterion.AnyOf;
import org.waymark.screening.rules.Criterion.Condition;
import org.waymark.screening.rules.Criterion.Not;
import org.waymark.shared.NameMatch;

/**
 * A rule's criteria made ready to test passengers many times over: numbers read, codes and
 * group members put in sets once. A condition on a value the data did not give is unknown, never
 * true (save “is empty”), and stays unknown through not, all of and any of: missing data never
 * makes a hit. Only a hit is explained, in words from the messages, one reason for each condition
 * that made it, such as “booked 1 day before departure (rule: less than 4 days)”.
 */
public final class Evaluation {

    /** What a criterion is for a passenger: true, false, or unknown because the data does not say. */
    public enum Truth {
        TRUE, FALSE, UNKNOWN
    }

    private final Node root;

    private Evaluation(Node root) {
        this.root = root;
    }

    /** The criteria ready to test; throws {@link InvalidCriteriaException} where they cannot be used. */
    public static Evaluation of(Criterion criteria, Groups groups) {
        Criteria.validate(criteria, groups);
        return new Evaluation(compile(criteria, groups));
    }

    /** Whether the criteria hold for the passenger, do not, or cannot be told. */
    public Truth truth(ScreenedPassenger passenger) {
        return root.test(passenger);
    }

    /** Whether the criteria hold for the passenger: a hit. */
    public boolean hits(ScreenedPassenger passenger) {
        return root.test(passenger) == Truth.TRUE;
    }

    /** The reasons the criteria hold for the passenger, one for each condition that made them; empty when they do not. */
    public List<String> reasons(ScreenedPassenger passenger, MessageSource messages) {
        List<String> reasons = new ArrayList<>();
        if (hits(passenger)) {
            root.explain(passenger, true, new RuleWords(messages), reasons);
        }
        return reasons;
    }

    private static Node compile(Criterion criterion, Groups groups) {
        if (criterion instanceof Condition condition) {
            return new ConditionNode(condition, groups);
        }
        if (criterion instanceof Not not) {
            return new NotNode(compile(not.criterion(), groups));
        }
        boolean all = criterion instanceof AllOf;
        List<Criterion> children = all ? ((AllOf) criterion).criteria() : ((AnyOf) criterion).criteria();
        Node[] nodes = children.stream().map(child -> compile(child, groups)).toArray(Node[]::new);
        return all ? new AllNode(nodes) : new AnyNode(nodes);
    }

    private interface Node {

        Truth test(ScreenedPassenger passenger);

        /** Adds the reasons why this node is {@code holds} for the passenger, which it is. */
        void explain(ScreenedPassenger passenger, boolean holds, RuleWords words, List<String> reasons);
    }

    private record AllNode(Node[] children) implements Node {

        @Override
        public Truth test(ScreenedPassenger passenger) {
            Truth truth = Truth.TRUE;
            for (Node child : children) {
                Truth found = child.test(passenger);
                if (found == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (found == Truth.UNKNOWN) {
                    truth = Truth.UNKNOWN;
                }
            }
            return truth;
        }

        @Override
        public void explain(ScreenedPassenger passenger, boolean holds, RuleWords words, List<String> reasons) {
            // All hold: each is a reason. Not all hold: the ones that do not are.
            for (Node child : children) {
                if (child.test(passenger) == (holds ? Truth.TRUE : Truth.FALSE)) {
                    child.explain(passenger, holds, words, reasons);
                }
            }
        }
    }

    private record AnyNode(Node[] children) implements Node {

        @Override
        public Truth test(ScreenedPassenger passenger) {
            Truth truth = Truth.FALSE;
            for (Node child : children) {
                Truth found = child.test(passenger);
                if (found == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (found == Truth.UNKNOWN) {
                    truth = Truth.UNKNOWN;
                }
            }
            return truth;
        }

        @Override
        public void explain(ScreenedPassenger passenger, boolean holds, RuleWords words, List<String> reasons) {
            // Any holds: the ones that do are reasons. None holds: each is a reason.
            for (Node child : children) {
                if (child.test(passenger) == (holds ? Truth.TRUE : Truth.FALSE)) {
                    child.explain(passenger, holds, words, reasons);
                }
            }
        }
    }

    private record NotNode(Node child) implements Node {

        @Override
        public Truth test(ScreenedPassenger passenger) {
            Truth truth = child.test(passenger);
            return truth == Truth.TRUE ? Truth.FALSE : truth == Truth.FALSE ? Truth.TRUE : Truth.UNKNOWN;
        }

        @Override
        public void explain(ScreenedPassenger passenger, boolean holds, RuleWords words, List<String> reasons) {
            child.explain(passenger, !holds, words, reasons);
        }
    }

    private static final class ConditionNode implements Node {

        private final Condition condition;
        private final Field field;
        private final Operator operator;
        private final long[] numbers;
        private final boolean yes;
        private final String text;
        private final Set<String> texts;
        private final Group group;

        ConditionNode(Condition condition, Groups groups) {
            this.condition = condition;
            this.field = condition.field();
            this.operator = condition.operator();
            List<String> values = condition.values();
            this.group = operator.takesGroup() ? groups.group(values.get(0).strip()).orElseThrow() : null;
            Set<String> texts = new HashSet<>();
            long[] numbers = new long[0];
            if (group != null) {
                group.members().forEach(member -> texts.add(normalised(member)));
            } else if (field.kind() == Field.Kind.NUMBER) {
                numbers = values.stream().mapToLong(value -> Long.parseLong(value.strip())).toArray();
            } else {
                values.forEach(value -> texts.add(normalised(value)));
            }
            this.numbers = numbers;
            this.texts = Set.copyOf(texts);
            this.text = values.isEmpty() || group != null ? null : normalised(values.get(0));
            this.yes = field.kind() == Field.Kind.YES_NO && !values.isEmpty()
                    && Boolean.TRUE.equals(Criteria.yesNo(values.get(0)));
        }

        @Override
        public Truth test(ScreenedPassenger passenger) {
            Object value = field.valueOf(passenger);
            boolean empty = isEmpty(value);
            if (operator == Operator.IS_EMPTY) {
                return empty ? Truth.TRUE : Truth.FALSE;
            }
            if (empty) {
                return Truth.UNKNOWN;
            }
            if (value instanceof List<?> list) {
                // Any value may make it hold; for "not ..." every value must, so that "not in IST"
                // means the itinerary does not call there.
                boolean every = operator.negative();
                for (Object each : list) {
                    if (each != null && matches(each) != every) {
                        return every ? Truth.FALSE : Truth.TRUE;
                    }
                }
                return every ? Truth.TRUE : Truth.FALSE;
            }
            return matches(value) ? Truth.TRUE : Truth.FALSE;
        }

        private boolean matches(Object value) {
            switch (field.kind()) {
                case NUMBER: {
                    long number = ((Number) value).longValue();
                    switch (operator) {
                        case EQUALS: return number == numbers[0];
                        case NOT_EQUALS: return number != numbers[0];
                        case IN: return contains(numbers, number);
                        case NOT_IN: return !contains(numbers, number);
                        case LESS: return number < numbers[0];
                        case MORE: return number > numbers[0];
                        case BETWEEN: return number >= numbers[0] && number <= numbers[1];
                        default: return false;
                    }
                }
                case YES_NO: {
                    boolean answer = (Boolean) value;
                    return operator == Operator.EQUALS ? answer == yes : operator == Operator.NOT_EQUALS && answer != yes;
                }
                default: {
                    String found = normalised(value.toString());
                    switch (operator) {
                        case EQUALS: return found.equals(text);
                        case NOT_EQUALS: return !found.equals(text);
                        case IN: case MEMBER_OF: return texts.contains(found);
                        case NOT_IN: case NOT_MEMBER_OF: return !texts.contains(found);
                        case STARTS: return found.startsWith(text);
                        case CONTAINS: return found.contains(text);
                        default: return false;
                    }
                }
            }
        }

        /** A code in capitals; text in lower case, without accents, its words one space apart. */
        private String normalised(String value) {
            return field.kind() == Field.Kind.TEXT ? plainText(value) : value.strip().toUpperCase(Locale.ROOT);
        }

        @Override
        public void explain(ScreenedPassenger passenger, boolean holds, RuleWords words, List<String> reasons) {
            Object value = field.valueOf(passenger);
            String subject = words.text(field.subjectKey());
            if (field.kind() == Field.Kind.YES_NO && operator != Operator.IS_EMPTY) {
                // The passenger's answer says it all: "payer does not travel".
                reasons.add(words.text(field.factKey() + ((Boolean) value ? ".yes" : ".no")));
                return;
            }
            if (operator == Operator.IS_EMPTY && holds) {
                reasons.add(words.text("screening.rules.reason.empty", subject));
                return;
            }
            // Of several values, the ones that decided where one was enough, or else all of them.
            boolean oneEnough = holds != operator.negative();
            List<?> shown = value instanceof List<?> list && oneEnough ? list.stream().filter(each -> each != null
                    && matches(each) == holds).toList() : Field.asList(value);
            String shownValues = words.values(field, shown, RuleWords.Unit.FACT);
            if (operator.takesGroup()) {
                boolean in = (operator == Operator.MEMBER_OF) == holds;
                reasons.add(words.text(in ? "screening.rules.reason.in" : "screening.rules.reason.notIn", subject,
                        shownValues, group.name()));
                return;
            }
            String fact = field.kind() == Field.Kind.YES_NO ? words.text(field.factKey() + ((Boolean) value ? ".yes" : ".no"))
                    : words.text(field.factKey(), shownValues);
            String rule = words.rule(field, operator, holds, condition.values());
            reasons.add(words.text(field.multiValued() ? oneEnough ? "screening.rules.reason.any"
                    : "screening.rules.reason.each" : "screening.rules.reason", fact, rule));
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String text && text.isBlank() || value instanceof List<?> list && list.isEmpty();
    }

    private static boolean contains(long[] numbers, long number) {
        for (long each : numbers) {
            if (each == number) {
                return true;
            }
        }
        return false;
    }

    /** Text in lower case without accents, its words of letters and digits one space apart. */
    static String plainText(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                // Beyond ASCII: the careful way, which knows accents.
                return String.join(" ", NameMatch.words(text));
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                plain.append(space && plain.length() > 0 ? " " : "").append(c);
                space = false;
            } else if (c >= 'A' && c <= 'Z') {
                plain.append(space && plain.length() > 0 ? " " : "").append((char) (c + ('a' - 'A')));
                space = false;
            } else {
                space = true;
            }
        }
        return plain.toString();
    }
}
