package org.waymark.identity;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.waymark.shared.AgencyId;

/**
 * What an administrator says of an identity provider: the agency its people belong to, which
 * values of its claims give which Waymark roles, whether a first sign-in waits for approval, and
 * whether the agency's people must sign in with it.
 */
@Table("sign_in_provider")
class ProviderMapping {

    /** Whose claim values a line maps: the people the provider signs in, or its machine clients. */
    enum Kind {
        PERSON, CLIENT
    }

    @Id
    private final String name;
    private UUID agencyId;
    private String groupsClaim;
    private boolean needsApproval;
    private boolean required;
    @MappedCollection(idColumn = "sign_in_provider")
    private Set<Line> lines;
    @Version
    private Long version;

    ProviderMapping(String name, UUID agencyId, String groupsClaim, boolean needsApproval, boolean required,
            Set<Line> lines, Long version) {
        this.name = name;
        this.agencyId = agencyId;
        this.groupsClaim = groupsClaim;
        this.needsApproval = needsApproval;
        this.required = required;
        this.lines = lines;
        this.version = version;
    }

    static ProviderMapping create(String name) {
        return new ProviderMapping(name, null, null, false, false, Set.of(), null);
    }

    void change(AgencyId agency, String groupsClaim, boolean needsApproval, boolean required,
            Map<Role, Set<String>> people, Map<Role, Set<String>> clients) {
        this.agencyId = agency.value();
        this.groupsClaim = groupsClaim;
        this.needsApproval = needsApproval;
        this.required = required;
        this.lines = new java.util.HashSet<>();
        people.forEach((role, values) -> values.forEach(value -> lines.add(new Line(Kind.PERSON, value, role))));
        clients.forEach((role, values) -> values.forEach(value -> lines.add(new Line(Kind.CLIENT, value, role))));
    }

    String name() {
        return name;
    }

    AgencyId agencyId() {
        return new AgencyId(agencyId);
    }

    String groupsClaim() {
        return groupsClaim;
    }

    boolean needsApproval() {
        return needsApproval;
    }

    boolean required() {
        return required;
    }

    /** The roles these claim values give, by the lines of this kind. */
    Set<Role> roles(Kind kind, Set<String> values) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        lines.stream().filter(line -> line.kind() == kind && values.contains(line.claimValue()))
                .forEach(line -> roles.add(line.role()));
        return roles;
    }

    /** The claim values that give each role, for lines of this kind. */
    Map<Role, Set<String>> values(Kind kind) {
        Map<Role, Set<String>> values = new EnumMap<>(Role.class);
        lines.stream().filter(line -> line.kind() == kind).forEach(
                line -> values.computeIfAbsent(line.role(), role -> new TreeSet<>()).add(line.claimValue()));
        return values;
    }

    ProviderMappingView view(String label) {
        return new ProviderMappingView(name, label, agencyId(), groupsClaim, needsApproval, required,
                values(Kind.PERSON), values(Kind.CLIENT));
    }

    /** One claim value and the role it gives. */
    @Table("sign_in_provider_role")
    record Line(Kind kind, String claimValue, Role role) {
    }

    static String describe(Map<Role, Set<String>> values) {
        return values.entrySet().stream().map(entry -> entry.getKey() + "=" + String.join("|", entry.getValue()))
                .collect(Collectors.joining(" "));
    }
}
