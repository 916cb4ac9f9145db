package org.waymark.screening.rules;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Groups held in memory: the shipped defaults, tests, and a snapshot for a screening run. */
public final class InMemoryGroups implements Groups {

    private final Map<String, Group> groups = new LinkedHashMap<>();

    public InMemoryGroups(List<Group> groups) {
        groups.forEach(group -> this.groups.put(group.code(), group));
    }

    public InMemoryGroups(Group... groups) {
        this(List.of(groups));
    }

    @Override
    public Optional<Group> group(String code) {
        return Optional.ofNullable(code == null ? null : groups.get(code));
    }

    @Override
    public List<Group> all() {
        return groups.values().stream().sorted(Comparator.comparing(Group::code)).toList();
    }
}
