package org.waymark.screening.rules.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.rules.Criteria;
import org.waymark.screening.rules.Group;
import org.waymark.screening.rules.Groups;
import org.waymark.screening.rules.SeenInReferrals;
import org.waymark.screening.rules.store.RuleViews.GroupView;
import org.waymark.shared.ConflictException;
import org.waymark.shared.CountryCode;
import org.waymark.shared.UnprocessableException;
import org.waymark.shared.UserId;

/**
 * The named groups rules test membership of, as stored: people with the passenger data role
 * change their members; a computed group's members are worked out by Waymark from the checks
 * that led to a referral, never typed. A group of countries (its code ends in
 * {@code countries}) takes ISO 3166 country codes, three letters as passenger data gives them,
 * or two, which are kept as three.
 */
@Service
@RequiredArgsConstructor
public class StoredGroups implements Groups {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_MEMBER = 200;
    public static final int MAX_MEMBERS = 500;

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\u202A-\u202E\u2066-\u2069]");
    private static final Pattern CONTROL_BUT_LINES = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]|[\u202A-\u202E\u2066-\u2069]");
    private static final Set<String> ALPHA_3 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<SeenInReferrals> seenInReferrals;

    /** The group with its members as they stand now, a computed group's too, for evaluating rules. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Group> group(String code) {
        return stored(code).map(this::group);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Group> all() {
        return stored().stream().map(this::group).toList();
    }

    /** The titles of the enabled rules whose screening version asks whether a value is a member of the group. */
    public List<String> enabledRulesNaming(String code) {
        return jdbc.sql("""
                SELECT v.title, v.criteria FROM screening_rule r JOIN screening_rule_version v
                    ON v.rule_id = r.id AND v.version_no = r.enabled_version
                WHERE r.status = 'ENABLED'""").query((rs, row) -> Criteria.groupsNamed(Criteria.fromJson(
                        rs.getString("criteria"))).contains(code) ? rs.getString("title") : null)
                .list().stream().filter(Objects::nonNull).toList();
    }

    /** Every group, by code, as people see it: a computed group by how many members it has. */
    @Transactional(readOnly = true)
    public List<GroupView> views() {
        return stored().stream().map(this::shown).toList();
    }

    @Transactional(readOnly = true)
    public Optional<GroupView> view(String code) {
        return stored(code).map(this::shown);
    }

    private List<GroupView> stored() {
        return jdbc.sql("SELECT * FROM screening_group ORDER BY code").query((rs, row) -> row(rs)).list();
    }

    private Optional<GroupView> stored(String code) {
        return jdbc.sql("SELECT * FROM screening_group WHERE code = :code").param("code", code)
                .query((rs, row) -> row(rs)).optional();
    }

    /**
     * Writes the group of this code, new or changed; members one a line (or as a list), blank
     * lines and repeats left out. A computed group cannot be written.
     */
    @Transactional
    public GroupView save(String code, String name, String description, List<String> members, WaymarkUser user) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (code == null || !CODE.matcher(code).matches() || code.length() > 80) {
            problems.put("code", "screening.rules.group.code.invalid");
        }
        String cleanName = name == null ? null : name.strip();
        if (cleanName == null || cleanName.isEmpty()) {
            problems.put("name", "screening.rules.group.name.required");
        } else if (CONTROL.matcher(cleanName).find()) {
            problems.put("name", "text.controlCharacters");
        } else if (cleanName.length() > MAX_NAME) {
            problems.put("name", "screening.rules.group.name.tooLong");
        }
        String cleanDescription = description == null || description.isBlank() ? null
                : description.strip().replace("\r\n", "\n");
        if (cleanDescription != null && CONTROL_BUT_LINES.matcher(cleanDescription).find()) {
            problems.put("description", "text.controlCharacters");
        } else if (cleanDescription != null && cleanDescription.length() > MAX_DESCRIPTION) {
            problems.put("description", "screening.rules.group.description.tooLong");
        }
        List<String> cleanMembers = members(code, members == null ? List.of() : members, problems);
        if (!problems.isEmpty()) {
            throw new UnprocessableException("screening.rules.group.invalid", problems);
        }
        Optional<GroupView> before = view(code);
        if (before.isPresent() && before.get().computed()) {
            throw new ConflictException("screening.rules.group.computed", "members");
        }
        if (before.isPresent() && !new LinkedHashSet<>(before.get().members()).equals(new LinkedHashSet<>(cleanMembers))
                && !enabledRulesNaming(code).isEmpty()) {
            // An enabled rule was enabled by a second person as it read then: changing what it matches is enabling anew.
            throw new ConflictException("screening.rules.group.inUse", "members");
        }
        String stored = String.join("\n", cleanMembers);
        Timestamp now = Timestamp.from(clock.instant());
        if (before.isPresent()) {
            jdbc.sql("""
                    UPDATE screening_group SET name = :name, description = :description, members = :members,
                        changed_by = :by, changed_at = :at WHERE code = :code""").param("name", cleanName)
                    .param("description", cleanDescription).param("members", stored).param("by", user.id().value())
                    .param("at", now).param("code", code).update();
        } else {
            jdbc.sql("""
                    INSERT INTO screening_group (code, name, description, members, computed, changed_by, changed_at)
                    VALUES (:code, :name, :description, :members, FALSE, :by, :at)""").param("code", code)
                    .param("name", cleanName).param("description", cleanDescription).param("members", stored)
                    .param("by", user.id().value()).param("at", now).update();
        }
        events.publishEvent(new RuleEvents.GroupChanged(code, cleanMembers.size() + " members", user.actor()));
        return view(code).orElseThrow();
    }

    /** Members one a line, in a text a person typed. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("\\R"));
    }

    private static List<String> members(String code, List<String> given, Map<String, String> problems) {
        boolean countries = code != null && code.endsWith("countries");
        Set<String> members = new LinkedHashSet<>();
        for (String member : given) {
            String clean = member == null ? "" : member.strip();
            if (clean.isEmpty()) {
                continue;
            }
            if (CONTROL.matcher(clean).find()) {
                problems.putIfAbsent("members", "text.controlCharacters");
            } else if (clean.length() > MAX_MEMBER) {
                problems.putIfAbsent("members", "screening.rules.group.member.tooLong");
            } else if (countries) {
                String country = country(clean.toUpperCase(Locale.ROOT));
                if (country == null) {
                    problems.putIfAbsent("members", "screening.rules.group.member.notACountry");
                } else {
                    members.add(country);
                }
            } else {
                members.add(clean);
            }
        }
        if (members.size() > MAX_MEMBERS) {
            problems.putIfAbsent("members", "screening.rules.group.members.tooMany");
        }
        return new ArrayList<>(members);
    }

    /** The ISO 3166 alpha-3 code of a country given by its two or three letters; null when it is none. */
    private static String country(String code) {
        if (code.length() == 3 && ALPHA_3.contains(code)) {
            return code;
        }
        if (code.length() == 2 && CountryCode.isValid(code) && !"XK".equals(code)) {
            return new Locale("", code).getISO3Country();
        }
        return null;
    }

    private GroupView shown(GroupView group) {
        return group.computed() ? new GroupView(group.code(), group.name(), group.description(), List.of(),
                computedMembers().size(), true, group.changedBy(), group.changedAt()) : group;
    }

    private Set<String> computedMembers() {
        SeenInReferrals seen = seenInReferrals.getIfAvailable();
        return seen == null ? Set.of() : seen.agenciesAndPayers();
    }

    private static GroupView row(ResultSet rs) throws SQLException {
        UUID by = rs.getObject("changed_by", UUID.class);
        String members = rs.getString("members");
        List<String> list = members == null || members.isEmpty() ? List.of() : List.of(members.split("\n"));
        return new GroupView(rs.getString("code"), rs.getString("name"), rs.getString("description"), list,
                list.size(), rs.getBoolean("computed"), by == null ? null : new UserId(by), rs.getTimestamp("changed_at").toInstant());
    }

    private Group group(GroupView stored) {
        return new Group(stored.code(), stored.name(), stored.description(),
                stored.computed() ? computedMembers() : new LinkedHashSet<>(stored.members()), stored.computed());
    }
}
