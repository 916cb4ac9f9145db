package org.waymark.identity.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.waymark.identity.ProviderMappingView;
import org.waymark.identity.ProviderMappings;
import org.waymark.identity.Role;
import org.waymark.shared.AgencyId;

/**
 * The form that maps an identity provider: its agency, the claim that lists a person's groups,
 * and for each role the groups, or the scopes of machine clients, that give it, one to a line.
 * What was typed in each box is kept as typed, to come back when something is refused.
 */
class ProviderMappingForm {

    private UUID agencyId;
    private String groupsClaim = ProviderMappings.DEFAULT_GROUPS_CLAIM;
    private boolean needsApproval;
    private boolean required;
    private Map<Role, String> people = new EnumMap<>(Role.class);
    private Map<Role, String> clients = new EnumMap<>(Role.class);

    static ProviderMappingForm of(ProviderMappingView view) {
        ProviderMappingForm form = new ProviderMappingForm();
        form.agencyId = view.agencyId() == null ? null : view.agencyId().value();
        form.groupsClaim = view.groupsClaim();
        form.needsApproval = view.needsApproval();
        form.required = view.required();
        view.people().forEach((role, values) -> form.people.put(role, String.join("\n", values)));
        view.clients().forEach((role, values) -> form.clients.put(role, String.join("\n", values)));
        return form;
    }

    /** What the administrator asks for, each box read as one value to a line. */
    ProviderMappings.Change change() {
        return new ProviderMappings.Change(agencyId == null ? null : new AgencyId(agencyId), groupsClaim,
                needsApproval, required, lines(people), lines(clients));
    }

    private static Map<Role, Set<String>> lines(Map<Role, String> boxes) {
        Map<Role, Set<String>> values = new LinkedHashMap<>();
        boxes.forEach((role, text) -> {
            Set<String> kept = new TreeSet<>();
            if (text != null) {
                Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                        .forEach(kept::add);
            }
            if (!kept.isEmpty()) {
                values.put(role, kept);
            }
        });
        return values;
    }

    public UUID getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(UUID agencyId) {
        this.agencyId = agencyId;
    }

    public String getGroupsClaim() {
        return groupsClaim;
    }

    public void setGroupsClaim(String groupsClaim) {
        this.groupsClaim = groupsClaim;
    }

    public boolean isNeedsApproval() {
        return needsApproval;
    }

    public void setNeedsApproval(boolean needsApproval) {
        this.needsApproval = needsApproval;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public Map<Role, String> getPeople() {
        return people;
    }

    public void setPeople(Map<Role, String> people) {
        this.people = people == null ? new EnumMap<>(Role.class) : people;
    }

    public Map<Role, String> getClients() {
        return clients;
    }

    public void setClients(Map<Role, String> clients) {
        this.clients = clients == null ? new EnumMap<>(Role.class) : clients;
    }
}
