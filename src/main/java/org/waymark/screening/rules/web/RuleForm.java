package org.waymark.screening.rules.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import lombok.Getter;
import lombok.Setter;

import org.waymark.screening.rules.Criterion;
import org.waymark.screening.rules.Criterion.AllOf;
import org.waymark.screening.rules.Criterion.AnyOf;
import org.waymark.screening.rules.Criterion.Condition;
import org.waymark.screening.rules.Criterion.Not;
import org.waymark.screening.rules.store.RuleViews.VersionView;

/**
 * A rule as the page's form writes it: no rule language, but "match when all (or any) of these
 * conditions hold", each condition a field, an operator, values and "not". A rule whose tree is
 * deeper than that is edited through the API.
 */
@Getter
@Setter
public class RuleForm {

    /** How many conditions one form takes at most. */
    static final int MAX_CONDITIONS = 30;

    private String title = "";
    private String description = "";
    private String indicator = "";
    private String priority = "";
    /** ALL or ANY. */
    private String match = "ALL";
    private List<ConditionForm> conditions = new ArrayList<>(List.of(new ConditionForm()));

    /** One condition's row. */
    @Getter
    @Setter
    public static class ConditionForm {

        private String field = "";
        private String operator = "";
        /** The values, separated by commas. */
        private String values = "";
        private boolean not;

        /** The values typed, each trimmed, the blank ones left out. */
        List<String> valueList() {
            return values == null ? List.of()
                    : Arrays.stream(values.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
        }
    }

    /** The form of a version, or null where its tree is deeper than the form writes. */
    static RuleForm of(VersionView version) {
        List<Criterion> parts;
        String match;
        Criterion tree = version.criteria();
        if (tree instanceof AllOf all) {
            parts = all.criteria();
            match = "ALL";
        } else if (tree instanceof AnyOf any) {
            parts = any.criteria();
            match = "ANY";
        } else {
            parts = List.of(tree);
            match = "ALL";
        }
        List<ConditionForm> rows = new ArrayList<>();
        for (Criterion part : parts) {
            boolean not = part instanceof Not;
            Criterion inner = part instanceof Not negated ? negated.criterion() : part;
            if (!(inner instanceof Condition condition)) {
                return null;
            }
            ConditionForm row = new ConditionForm();
            row.setField(condition.field().name());
            row.setOperator(condition.operator().name());
            row.setValues(String.join(", ", condition.values()));
            row.setNot(not);
            rows.add(row);
        }
        RuleForm form = new RuleForm();
        form.setTitle(version.title());
        form.setDescription(version.description() == null ? "" : version.description());
        form.setIndicator(version.indicator() == null ? "" : version.indicator());
        form.setPriority(String.valueOf(version.priority()));
        form.setMatch(match);
        form.setConditions(rows.isEmpty() ? new ArrayList<>(List.of(new ConditionForm())) : rows);
        return form;
    }

    /** Whether a tree is one the form writes: all of or any of, conditions each maybe with not. */
    static boolean writable(Criterion tree) {
        List<Criterion> parts = tree instanceof AllOf all ? all.criteria()
                : tree instanceof AnyOf any ? any.criteria() : List.of(tree);
        return parts.stream().allMatch(part -> part instanceof Condition
                || part instanceof Not not && not.criterion() instanceof Condition);
    }
}
