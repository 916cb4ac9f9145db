package org.waymark.screening.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.waymark.screening.rules.Criterion.AllOf;
import org.waymark.screening.rules.Criterion.AnyOf;
import org.waymark.screening.rules.Criterion.Condition;
import org.waymark.screening.rules.Criterion.Not;
import org.waymark.shared.PlainText;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A rule's criteria checked and written as JSON, for storage and for the API. The JSON of a tree
 * is an object with one of: all (a list), any (a list), not (one criterion), or a condition's
 * field, operator and values (a list of texts).
 */
public final class Criteria {

    /** The most levels of all of, any of and not; deeper trees are refused rather than evaluated. */
    static final int MAX_DEPTH = 8;
    /** The most conditions a rule may hold. */
    static final int MAX_CONDITIONS = 60;
    /** The most values one condition may list; a group holds more. */
    static final int MAX_VALUES = 500;
    /** The longest value a condition may hold. */
    static final int MAX_VALUE_LENGTH = 200;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");

    private Criteria() {
    }

    /**
     * Something wrong with a part of the criteria.
     *
     * @param path where, as the JSON names it: criteria, criteria.all.1.values
     * @param messageCode the message saying what is wrong, under screening.rules.problem
     */
    public record Problem(String path, String messageCode) {
    }

    /** Throws {@link InvalidCriteriaException} unless the criteria can be used with these groups. */
    public static void validate(Criterion criteria, Groups groups) {
        List<Problem> problems = problems(criteria, groups);
        if (!problems.isEmpty()) {
            throw new InvalidCriteriaException(problems);
        }
    }

    /** Everything wrong with the criteria, in the order of the tree; empty when they can be used. */
    public static List<Problem> problems(Criterion criteria, Groups groups) {
        List<Problem> problems = new ArrayList<>();
        if (criteria == null) {
            problems.add(new Problem("criteria", "screening.rules.problem.noCriteria"));
            return problems;
        }
        check(criteria, "criteria", 1, groups, problems);
        if (conditions(criteria) > MAX_CONDITIONS) {
            problems.add(new Problem("criteria", "screening.rules.problem.tooMany"));
        }
        return problems;
    }

    /** How many conditions the tree holds. */
    public static int conditions(Criterion criteria) {
        if (criteria instanceof Condition) {
            return 1;
        }
        if (criteria instanceof Not not) {
            return conditions(not.criterion());
        }
        List<Criterion> children = criteria instanceof AllOf all ? all.criteria() : ((AnyOf) criteria).criteria();
        return children.stream().mapToInt(Criteria::conditions).sum();
    }

    private static void check(Criterion criterion, String path, int depth, Groups groups, List<Problem> problems) {
        if (depth > MAX_DEPTH) {
            problems.add(new Problem(path, "screening.rules.problem.tooDeep"));
            return;
        }
        if (criterion instanceof Condition condition) {
            checkCondition(condition, path, groups, problems);
        } else if (criterion instanceof Not not) {
            check(not.criterion(), path + ".not", depth + 1, groups, problems);
        } else {
            String name = criterion instanceof AllOf ? "all" : "any";
            List<Criterion> children = criterion instanceof AllOf all ? all.criteria() : ((AnyOf) criterion).criteria();
            if (children.isEmpty()) {
                problems.add(new Problem(path + "." + name, "screening.rules.problem.noCriteria"));
            }
            for (int i = 0; i < children.size(); i++) {
                check(children.get(i), path + "." + name + "." + i, depth + 1, groups, problems);
            }
        }
    }

    private static void checkCondition(Condition condition, String path, Groups groups, List<Problem> problems) {
        Field field = condition.field();
        Operator operator = condition.operator();
        if (!operator.appliesTo(field)) {
            problems.add(new Problem(path + ".operator", "screening.rules.problem.operatorField"));
            return;
        }
        List<String> values = condition.values();
        if (values.size() < operator.minValues() || values.size() > operator.maxValues()) {
            problems.add(new Problem(path + ".values", switch (operator) {
                case IS_EMPTY -> "screening.rules.problem.noValues";
                case BETWEEN -> "screening.rules.problem.twoValues";
                case IN, NOT_IN -> "screening.rules.problem.someValues";
                default -> "screening.rules.problem.oneValue";
            }));
            return;
        }
        if (values.size() > MAX_VALUES) {
            problems.add(new Problem(path + ".values", "screening.rules.problem.tooManyValues"));
            return;
        }
        for (String value : values) {
            String problem = valueProblem(field, operator, value, groups);
            if (problem != null) {
                problems.add(new Problem(path + ".values", problem));
                return;
            }
        }
        if (operator == Operator.BETWEEN && Integer.parseInt(values.get(0).strip()) > Integer.parseInt(values.get(1).strip())) {
            problems.add(new Problem(path + ".values", "screening.rules.problem.betweenOrder"));
        }
    }

    private static String valueProblem(Field field, Operator operator, String value, Groups groups) {
        if (value == null || value.isBlank()) {
            return "screening.rules.problem.blankValue";
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return "screening.rules.problem.longValue";
        }
        if (!value.equals(PlainText.withoutControlCharacters(value))) {
            return "screening.rules.problem.controlCharacters";
        }
        String text = value.strip();
        if (field.kind() == Field.Kind.TEXT && !operator.takesGroup() && Evaluation.plainText(text).isEmpty()) {
            // Text is compared by its letters and digits: a value of neither would match any text.
            return "screening.rules.problem.noLetters";
        }
        if (operator.takesGroup()) {
            return groups.group(text).isPresent() ? null : "screening.rules.problem.unknownGroup";
        }
        switch (field.kind()) {
            case NUMBER:
                return WHOLE_NUMBER.matcher(text).matches() ? null : "screening.rules.problem.notNumber";
            case YES_NO:
                return yesNo(text) != null ? null : "screening.rules.problem.notYesNo";
            case CODE:
                boolean whole = operator != Operator.STARTS && operator != Operator.CONTAINS;
                if (whole && field.codes() == Field.Codes.COUNTRY && !Countries.isKnown(text.toUpperCase(Locale.ROOT))) {
                    return "screening.rules.problem.notCountry";
                }
                if (whole && field.codes() == Field.Codes.WEEKDAY && !isWeekday(text)) {
                    return "screening.rules.problem.notWeekday";
                }
                return null;
            default:
                return null;
        }
    }

    /** YES or NO, in any case, as a Boolean; null for anything else. */
    static Boolean yesNo(String text) {
        String plain = text == null ? "" : text.strip();
        return "YES".equalsIgnoreCase(plain) ? Boolean.TRUE : "NO".equalsIgnoreCase(plain) ? Boolean.FALSE : null;
    }

    private static boolean isWeekday(String text) {
        try {
            java.time.DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The criteria as JSON, for storage and for the API. */
    public static String toJson(Criterion criteria) {
        return JSON.writeValueAsString(toNode(criteria));
    }

    /** The criteria as a JSON tree, to put inside another JSON document. */
    public static JsonNode toNode(Criterion criteria) {
        ObjectNode node = JSON.createObjectNode();
        if (criteria instanceof Condition condition) {
            node.put("field", condition.field().name());
            node.put("operator", condition.operator().name());
            ArrayNode values = node.putArray("values");
            condition.values().forEach(values::add);
        } else if (criteria instanceof Not not) {
            node.set("not", toNode(not.criterion()));
        } else {
            ArrayNode children = node.putArray(criteria instanceof AllOf ? "all" : "any");
            (criteria instanceof AllOf all ? all.criteria() : ((AnyOf) criteria).criteria())
                    .forEach(child -> children.add(toNode(child)));
        }
        return node;
    }

    /**
     * Criteria read from JSON; throws {@link InvalidCriteriaException} where the text is not JSON
     * or not a tree of criteria (an unknown field or operator, a value that is not text). It does
     * not check that values fit their fields: {@link #validate} does.
     */
    public static Criterion fromJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            node = null;
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidCriteriaException(List.of(new Problem("criteria", "screening.rules.problem.json")));
        }
        return fromNode(node);
    }

    /** Criteria read from a JSON tree, as {@link #fromJson} reads them. */
    public static Criterion fromNode(JsonNode node) {
        List<Problem> problems = new ArrayList<>();
        Criterion criteria = read(node, "criteria", 1, problems);
        if (!problems.isEmpty()) {
            throw new InvalidCriteriaException(problems);
        }
        return criteria;
    }

    private static Criterion read(JsonNode node, String path, int depth, List<Problem> problems) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            problems.add(new Problem(path, "screening.rules.problem.notCriterion"));
            return null;
        }
        if (depth > MAX_DEPTH) {
            problems.add(new Problem(path, "screening.rules.problem.tooDeep"));
            return null;
        }
        List<String> names = new ArrayList<>(node.propertyNames());
        if (names.size() == 1 && (names.contains("all") || names.contains("any"))) {
            String name = names.get(0);
            JsonNode list = node.get(name);
            if (!list.isArray()) {
                problems.add(new Problem(path + "." + name, "screening.rules.problem.notList"));
                return null;
            }
            List<Criterion> children = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Criterion child = read(list.get(i), path + "." + name + "." + i, depth + 1, problems);
                if (child != null) {
                    children.add(child);
                }
            }
            return name.equals("all") ? new AllOf(children) : new AnyOf(children);
        }
        if (names.size() == 1 && names.contains("not")) {
            Criterion child = read(node.get("not"), path + ".not", depth + 1, problems);
            return child == null ? null : new Not(child);
        }
        if (!List.of("field", "operator", "values").containsAll(names)) {
            problems.add(new Problem(path, "screening.rules.problem.notCriterion"));
            return null;
        }
        Field field = constant(Field.class, node.get("field"), path + ".field", "screening.rules.problem.unknownField",
                problems);
        Operator operator = constant(Operator.class, node.get("operator"), path + ".operator",
                "screening.rules.problem.unknownOperator", problems);
        List<String> values = new ArrayList<>();
        JsonNode list = node.get("values");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                problems.add(new Problem(path + ".values", "screening.rules.problem.notList"));
            } else {
                for (JsonNode value : list) {
                    if (value.isString() || value.isNumber() || value.isBoolean()) {
                        values.add(value.isBoolean() ? (value.booleanValue() ? "YES" : "NO") : value.asString());
                    } else {
                        problems.add(new Problem(path + ".values", "screening.rules.problem.notText"));
                        break;
                    }
                }
            }
        }
        return field == null || operator == null ? null : new Condition(field, operator, values);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, JsonNode node, String path, String problem,
            List<Problem> problems) {
        if (node != null && node.isString()) {
            try {
                return Enum.valueOf(type, node.stringValue().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // said below
            }
        }
        problems.add(new Problem(path, problem));
        return null;
    }

    /** The codes of the groups the criteria name. */
    public static List<String> groupsNamed(Criterion criteria) {
        List<String> codes = new ArrayList<>();
        collectGroups(criteria, codes);
        return codes;
    }

    private static void collectGroups(Criterion criterion, List<String> codes) {
        if (criterion instanceof Condition condition) {
            if (condition.operator().takesGroup() && !condition.values().isEmpty()
                    && !codes.contains(condition.values().get(0).strip())) {
                codes.add(condition.values().get(0).strip());
            }
        } else if (criterion instanceof Not not) {
            collectGroups(not.criterion(), codes);
        } else {
            (criterion instanceof AllOf all ? all.criteria() : ((AnyOf) criterion).criteria())
                    .forEach(child -> collectGroups(child, codes));
        }
    }

}
