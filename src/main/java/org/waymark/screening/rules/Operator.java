package org.waymark.screening.rules;

import java.util.EnumSet;
import java.util.Set;

import org.waymark.screening.rules.Field.Kind;

/**
 * How a condition compares a field with its values. Each applies to some kinds of field and
 * takes a set number of values. Its label is {@code screening.rules.operator.NAME} and the
 * words that state it in an explanation {@code screening.rules.operator.NAME.rule}.
 */
public enum Operator {

    /** The value is the one given. */
    EQUALS(EnumSet.allOf(Kind.class), 1, 1),
    /** The value is known and is not the one given. */
    NOT_EQUALS(EnumSet.allOf(Kind.class), 1, 1),
    /** The value is one of those given. */
    IN(EnumSet.of(Kind.TEXT, Kind.CODE, Kind.NUMBER), 1, Integer.MAX_VALUE),
    /** The value is known and is none of those given. */
    NOT_IN(EnumSet.of(Kind.TEXT, Kind.CODE, Kind.NUMBER), 1, Integer.MAX_VALUE),
    /** The number is less than the one given. */
    LESS(EnumSet.of(Kind.NUMBER), 1, 1),
    /** The number is more than the one given. */
    MORE(EnumSet.of(Kind.NUMBER), 1, 1),
    /** The number is between the two given, both included. */
    BETWEEN(EnumSet.of(Kind.NUMBER), 2, 2),
    /** The text starts with the one given. */
    STARTS(EnumSet.of(Kind.TEXT, Kind.CODE), 1, 1),
    /** The text contains the one given. */
    CONTAINS(EnumSet.of(Kind.TEXT, Kind.CODE), 1, 1),
    /** The data gives no value: the one operator that missing data satisfies. */
    IS_EMPTY(EnumSet.allOf(Kind.class), 0, 0),
    /** The value is a member of the named group, given by its code. */
    MEMBER_OF(EnumSet.of(Kind.TEXT, Kind.CODE), 1, 1),
    /** The value is known and is not a member of the named group. */
    NOT_MEMBER_OF(EnumSet.of(Kind.TEXT, Kind.CODE), 1, 1);

    private final Set<Kind> kinds;
    private final int minValues;
    private final int maxValues;

    Operator(Set<Kind> kinds, int minValues, int maxValues) {
        this.kinds = kinds;
        this.minValues = minValues;
        this.maxValues = maxValues;
    }

    public boolean appliesTo(Field field) {
        return kinds.contains(field.kind());
    }

    public Set<Kind> kinds() {
        return Set.copyOf(kinds);
    }

    public int minValues() {
        return minValues;
    }

    /** The most values it takes; {@link Integer#MAX_VALUE} for a list. */
    public int maxValues() {
        return maxValues;
    }

    /** Whether its one value names a group rather than a value of the field. */
    public boolean takesGroup() {
        return this == MEMBER_OF || this == NOT_MEMBER_OF;
    }

    /**
     * Whether it is the “not” of another (not equals, not in, not member of): on a field of several
     * values it holds when every value does, where the others hold when any does.
     */
    public boolean negative() {
        return this == NOT_EQUALS || this == NOT_IN || this == NOT_MEMBER_OF;
    }

    public String labelKey() {
        return "screening.rules.operator." + name();
    }
}
