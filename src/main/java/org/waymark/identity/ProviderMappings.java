package org.waymark.identity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.IdentityEvents.SignInProviderMapped;
import org.waymark.shared.Actor;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

/**
 * Administrators' mapping of each configured identity provider to an agency and of its claim
 * values to roles. Every change is in the audit log with what it now maps.
 */
@Service
@Transactional
public class ProviderMappings {

    /** The roles a provider's groups may give a person: the roles of the work with operations. */
    public static final Set<Role> PERSON_ROLES = Role.OPERATIONAL;
    /**
     * The roles a machine client's scopes may give: never an administrator's (a system does not
     * manage people), and never passenger data access, which is given to a named person for a
     * stated reason.
     */
    public static final Set<Role> CLIENT_ROLES = EnumSet.of(Role.COORDINATOR, Role.OFFICER, Role.PARTNER,
            Role.ANALYST, Role.CARRIER_GATEWAY);
    /** The groups claim of most providers (Microsoft Entra ID's too). */
    public static final String DEFAULT_GROUPS_CLAIM = "groups";
    static final int MAX_CLAIM = 100;
    static final int MAX_VALUE = 200;
    static final int MAX_VALUES = 200;

    private final ProviderMappingRepository mappings;
    private final SignInProviders providers;
    private final AgencyRepository agencies;
    private final UserAccountRepository users;
    private final WebSessions sessions;
    private final ApiTokens tokens;
    private final ApplicationEventPublisher events;

    ProviderMappings(ProviderMappingRepository mappings, SignInProviders providers, AgencyRepository agencies,
            UserAccountRepository users, WebSessions sessions, ApiTokens tokens, ApplicationEventPublisher events) {
        this.mappings = mappings;
        this.providers = providers;
        this.agencies = agencies;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.events = events;
    }

    /** What an administrator sets for a provider. */
    public record Change(AgencyId agencyId, String groupsClaim, boolean needsApproval, boolean required,
            Map<Role, Set<String>> people, Map<Role, Set<String>> clients) {
    }

    /**
     * The providers the sign-in page offers: those an administrator has mapped to an agency (a
     * provider only configured would sign nobody in), by label.
     */
    @Transactional(readOnly = true)
    public List<SignInProviders.Offered> offered() {
        Set<String> mapped = new java.util.HashSet<>();
        mappings.findAll().forEach(mapping -> mapped.add(mapping.name()));
        return providers.offered().stream().filter(offered -> mapped.contains(offered.name())).toList();
    }

    /** Every configured provider, mapped or not, by label. */
    @Transactional(readOnly = true)
    public List<ProviderMappingView> all() {
        return providers.offered().stream().map(offered -> view(offered.name())).toList();
    }

    @Transactional(readOnly = true)
    public ProviderMappingView find(String name) {
        if (!providers.configured(name)) {
            throw new NotFoundException("signInProvider", name);
        }
        return view(name);
    }

    private ProviderMappingView view(String name) {
        return mappings.findById(name).map(mapping -> mapping.view(providers.label(name)))
                .orElseGet(() -> new ProviderMappingView(name, providers.label(name), null, DEFAULT_GROUPS_CLAIM,
                        false, false, Map.of(), Map.of()));
    }

    /**
     * Maps the provider. Requiring it for the agency ends the sessions of the agency's people who
     * signed in with a password (they sign in again with the provider) and revokes the API tokens
     * their passwords made; an administrator of that
     * agency who has no account with the provider cannot require it, or they would lock themselves out.
     */
    public ProviderMappingView save(String name, Change change, Actor actor) {
        if (!providers.configured(name)) {
            throw new NotFoundException("signInProvider", name);
        }
        if (change.agencyId() == null || !agencies.existsById(change.agencyId().value())) {
            throw new RuleViolationException("signInProvider.agency.required", "agencyId");
        }
        String claim = PlainText.typed(change.groupsClaim());
        if (claim == null) {
            throw new RuleViolationException("signInProvider.groupsClaim.required", "groupsClaim");
        }
        PlainText.check(claim, MAX_CLAIM, "signInProvider.groupsClaim.tooLong", "groupsClaim");
        Map<Role, Set<String>> people = values(change.people(), PERSON_ROLES, "people");
        Map<Role, Set<String>> clients = values(change.clients(), CLIENT_ROLES, "clients");
        if (change.required() && actor != null) {
            users.findById(actor.userId().value())
                    .filter(admin -> admin.agencyId().equals(change.agencyId()) && !name.equals(admin.provider()))
                    .ifPresent(admin -> {
                        throw new RuleViolationException("signInProvider.required.ownAgency", "required");
                    });
        }
        ProviderMapping mapping = mappings.findById(name).orElseGet(() -> ProviderMapping.create(name));
        boolean requiredNow = change.required() && !mapping.required();
        mapping.change(change.agencyId(), claim, change.needsApproval(), change.required(), people, clients);
        mappings.save(mapping);
        events.publishEvent(new SignInProviderMapped(name, change.agencyId(), "agency " + change.agencyId()
                + "; claim " + claim + (change.needsApproval() ? "; approval" : "")
                + (change.required() ? "; required" : "") + "; people " + ProviderMapping.describe(people)
                + "; clients " + ProviderMapping.describe(clients), actor));
        if (requiredNow) {
            users.findAllByOrderByName().stream()
                    .filter(user -> user.agencyId().equals(change.agencyId()) && user.provider() == null
                            && !Role.machine(user.roles()))
                    .forEach(user -> {
                        sessions.endAll(user.id(), null, actor);
                        tokens.revokeAll(user.id(), actor);
                    });
        }
        return view(name);
    }

    private static Map<Role, Set<String>> values(Map<Role, Set<String>> given, Set<Role> allowed, String field) {
        Map<Role, Set<String>> values = new LinkedHashMap<>();
        int count = 0;
        for (var entry : (given == null ? Map.<Role, Set<String>>of() : given).entrySet()) {
            if (entry.getKey() == null || !allowed.contains(entry.getKey())) {
                throw new RuleViolationException("signInProvider.role.notAllowed", field);
            }
            Set<String> kept = new TreeSet<>();
            for (String value : entry.getValue() == null ? Set.<String>of() : entry.getValue()) {
                String typed = PlainText.typed(value);
                if (typed == null) {
                    continue;
                }
                PlainText.check(typed, MAX_VALUE, "signInProvider.value.tooLong", field);
                kept.add(typed);
            }
            count += kept.size();
            if (!kept.isEmpty()) {
                values.put(entry.getKey(), kept);
            }
        }
        if (count > MAX_VALUES) {
            throw new RuleViolationException("signInProvider.values.tooMany", field);
        }
        return values;
    }

    /**
     * The provider the agency's people must sign in with, if an administrator requires one: their
     * passwords no longer sign in or make API tokens. A carrier gateway's machine account keeps its password.
     */
    @Transactional(readOnly = true)
    public Optional<String> requiredProvider(AgencyId agency) {
        return mappings.findByAgencyId(agency.value()).stream().filter(ProviderMapping::required)
                .map(ProviderMapping::name).findFirst();
    }

    ProviderMapping mapping(String name) {
        return mappings.findById(name).orElse(null);
    }
}
