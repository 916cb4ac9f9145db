package org.waymark.screening.rules;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.waymark.screening.rules.Criterion.AllOf;
import org.waymark.screening.rules.Criterion.AnyOf;
import org.waymark.screening.rules.Criterion.Condition;
import org.waymark.screening.rules.Criterion.Not;

/**
 * Rules and their values in words, from the messages: what a condition asks (“less than 4 days”,
 * “one of Moldova, Romania”), a passenger's value (“no bags”), and a whole rule for its page.
 */
public final class RuleWords {

    private static final Locale LOCALE = Locale.UK;

    /** How a number is said: alone, as a passenger's (“no bags”), or as a rule's (“0 bags”). */
    enum Unit {
        NONE, FACT, RULE
    }

    private final MessageSource messages;

    RuleWords(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The criteria in words, for a rule's page and its back-tests: “all of (age: 18 to 24 years;
     * payer does not travel)”. Groups are named by their names where known.
     */
    public static String describe(Criterion criteria, Groups groups, MessageSource messages) {
        return new RuleWords(messages).describe(criteria, groups);
    }

    private String describe(Criterion criterion, Groups groups) {
        if (criterion instanceof Condition condition) {
            return describe(condition, groups);
        }
        if (criterion instanceof Not not) {
            return text("screening.rules.describe.not", describe(not.criterion(), groups));
        }
        boolean all = criterion instanceof AllOf;
        List<String> parts = new ArrayList<>();
        for (Criterion child : all ? ((AllOf) criterion).criteria() : ((AnyOf) criterion).criteria()) {
            parts.add(describe(child, groups));
        }
        return text(all ? "screening.rules.describe.all" : "screening.rules.describe.any", String.join("; ", parts));
    }

    private String describe(Condition condition, Groups groups) {
        Field field = condition.field();
        Operator operator = condition.operator();
        String subject = text(field.subjectKey());
        String rule;
        if (field.kind() == Field.Kind.YES_NO && operator != Operator.IS_EMPTY && !condition.values().isEmpty()) {
            Boolean yes = Criteria.yesNo(condition.values().get(0));
            if (yes != null) {
                // “payer does not travel” says it all.
                return text(field.factKey() + ((operator == Operator.EQUALS) == yes ? ".yes" : ".no"));
            }
        }
        if (operator.takesGroup() && !condition.values().isEmpty()) {
            String code = condition.values().get(0).strip();
            String name = groups.group(code).map(Group::name).orElse(code);
            rule = text(operator == Operator.MEMBER_OF ? "screening.rules.describe.in" : "screening.rules.describe.notIn",
                    name);
        } else if (operator.minValues() <= condition.values().size() && condition.values().size() <= operator.maxValues()) {
            rule = rule(field, operator, true, condition.values());
        } else {
            rule = text(operator.labelKey()) + " " + String.join(", ", condition.values());
        }
        String key = !field.multiValued() ? "screening.rules.describe.condition"
                : operator.negative() ? "screening.rules.describe.conditionEach" : "screening.rules.describe.conditionAny";
        return text(key, subject, rule);
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LOCALE);
    }

    /** The values as a passenger's data or a rule gives them, in words, with their unit. */
    String values(Field field, List<?> values, Unit unit) {
        List<String> shown = new ArrayList<>();
        for (Object value : values) {
            shown.add(value(field, value, unit));
        }
        return String.join(", ", shown);
    }

    String value(Field field, Object value, Unit unit) {
        switch (field.kind()) {
            case NUMBER: {
                long number;
                try {
                    number = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().strip());
                } catch (NumberFormatException e) {
                    return value.toString();
                }
                return unit == Unit.NONE || field.unit() == null ? text("screening.rules.number", number)
                        : text("screening.rules.unit." + field.unit() + (unit == Unit.RULE ? ".rule" : ""), number);
            }
            case YES_NO: {
                boolean yes = value instanceof Boolean b ? b : Boolean.TRUE.equals(Criteria.yesNo(value.toString()));
                return text(yes ? "screening.rules.yes" : "screening.rules.no");
            }
            case CODE: {
                String code = value.toString().strip().toUpperCase(Locale.ROOT);
                if (field.codes() == Field.Codes.COUNTRY) {
                    return Countries.name(code);
                }
                if (field.codes() == Field.Codes.WEEKDAY) {
                    try {
                        return DayOfWeek.valueOf(code).getDisplayName(TextStyle.FULL, LOCALE);
                    } catch (IllegalArgumentException e) {
                        return code;
                    }
                }
                return code;
            }
            default:
                return value.toString().strip();
        }
    }

    /**
     * What the condition asks, in words, where it holds: “less than 4 days”, “one of Moldova,
     * Turkey”; or the opposite, where it does not: “at least 4 days”.
     */
    String rule(Field field, Operator operator, boolean holds, List<String> values) {
        String key = "screening.rules.operator." + operator.name() + (holds ? ".rule" : ".notRule");
        switch (operator) {
            case IS_EMPTY:
                return text(key);
            case BETWEEN:
                return text(key, value(field, values.get(0), Unit.NONE), value(field, values.get(1), Unit.RULE));
            case IN:
            case NOT_IN:
                return text(key, values(field, values, Unit.RULE));
            case STARTS:
            case CONTAINS:
                return text(key, values.get(0).strip());
            default:
                return text(key, value(field, values.get(0), Unit.RULE));
        }
    }
}
