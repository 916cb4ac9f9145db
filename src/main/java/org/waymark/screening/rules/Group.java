package org.waymark.screening.rules;

import java.util.Objects;
import java.util.Set;

/**
 * A named list of values that conditions test membership of, such as the focus countries of an
 * operation. Members are compared as a condition compares its values: codes without case, text
 * without case or accents.
 *
 * @param code how rules name it, such as focus-countries
 * @param description what it holds, why, and where its members come from
 * @param computed whether its members are worked out by Waymark (from checks' outcomes) rather than written by people
 */
public record Group(String code, String name, String description, Set<String> members, boolean computed) {

    public Group {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        members = members == null ? Set.of() : Set.copyOf(members);
    }
}
