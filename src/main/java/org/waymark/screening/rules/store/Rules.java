package org.waymark.screening.rules.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.Indicator;
import org.waymark.safeguarding.Indicators;
import org.waymark.screening.rules.Criteria;
import org.waymark.screening.rules.EnabledRules;
import org.waymark.screening.rules.RuleVersion;
import org.waymark.screening.rules.store.RuleViews.BacktestSummary;
import org.waymark.screening.rules.store.RuleViews.RuleDetail;
import org.waymark.screening.rules.store.RuleViews.RuleDraft;
import org.waymark.screening.rules.store.RuleViews.RuleSummary;
import org.waymark.screening.rules.store.RuleViews.VersionView;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.UnprocessableException;
import org.waymark.shared.UserId;

/**
 * Screening rules as stored: each edit writes a new version, and the version that screens stays
 * the one enabled until a newer one is back-tested and enabled by a second person (see ADR 0045).
 * Every change is written to the audit log.
 */
@Service
@RequiredArgsConstructor
public class Rules implements EnabledRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 5;

    /** Text of a description: lines, but no other control characters. */
    private static final Pattern CONTROL_BUT_LINES = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]|[\u202A-\u202E\u2066-\u2069]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\u202A-\u202E\u2066-\u2069]");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Indicators indicators;
    private final StoredCriteria criteria;

    /** A new rule, in draft, with its first version written by the user; its id. */
    @Transactional
    public UUID create(RuleDraft draft, WaymarkUser user) {
        RuleDraft checked = check(draft);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO screening_rule (id, status, current_version, created_by, created_at)
                VALUES (:id, 'DRAFT', 1, :by, :at)""").param("id", id).param("by", user.id().value())
                .param("at", Timestamp.from(now)).update();
        writeVersion(id, 1, checked, user.id().value(), now);
        events.publishEvent(new RuleEvents.RuleCreated(id, "version 1", user.actor()));
        return id;
    }

    /**
     * A new version of the rule, written by the user; its number. The version enabled, if any,
     * keeps screening until this one is back-tested and enabled.
     */
    @Transactional
    public int edit(UUID id, RuleDraft draft, WaymarkUser user) {
        RuleDraft checked = check(draft);
        int current = jdbc.sql("SELECT current_version FROM screening_rule WHERE id = :id FOR UPDATE").param("id", id)
                .query(Integer.class).optional().orElseThrow(() -> new NotFoundException("screening rule", id));
        int next = current + 1;
        Instant now = clock.instant();
        writeVersion(id, next, checked, user.id().value(), now);
        jdbc.sql("UPDATE screening_rule SET current_version = :next WHERE id = :id").param("next", next)
                .param("id", id).update();
        events.publishEvent(new RuleEvents.RuleVersionWritten(id, "version " + next, user.actor()));
        return next;
    }

    /** Every rule, by priority then title. */
    @Transactional(readOnly = true)
    public List<RuleSummary> list() {
        return jdbc.sql("""
                SELECT r.id, r.status, r.current_version, r.enabled_version, r.library_key, v.title, v.indicator,
                    v.priority
                FROM screening_rule r JOIN screening_rule_version v
                    ON v.rule_id = r.id AND v.version_no = r.current_version
                ORDER BY v.priority, v.title, r.id""")
                .query((rs, row) -> new RuleSummary(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("indicator"), rs.getInt("priority"), RuleStatus.valueOf(rs.getString("status")),
                        rs.getInt("current_version"), (Integer) rs.getObject("enabled_version"),
                        rs.getString("library_key") != null))
                .list();
    }

    /** The rule with its versions and back-tests. */
    @Transactional(readOnly = true)
    public RuleDetail get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("screening rule", id));
    }

    @Transactional(readOnly = true)
    public Optional<RuleDetail> find(UUID id) {
        return jdbc.sql("SELECT * FROM screening_rule WHERE id = :id").param("id", id).query((rs, row) -> {
            UUID ruleId = rs.getObject("id", UUID.class);
            return new RuleDetail(ruleId, RuleStatus.valueOf(rs.getString("status")), rs.getInt("current_version"),
                    (Integer) rs.getObject("enabled_version"), userId(rs, "enabled_by"), instant(rs, "enabled_at"),
                    rs.getString("library_key") != null, userId(rs, "created_by"), instant(rs, "created_at"),
                    List.of(), List.of());
        }).optional().map(rule -> new RuleDetail(rule.id(), rule.status(), rule.currentVersion(),
                rule.enabledVersion(), rule.enabledBy(), rule.enabledAt(), rule.shipped(), rule.createdBy(),
                rule.createdAt(), versions(rule.id()), backtests(rule.id())));
    }

    private List<VersionView> versions(UUID rule) {
        return jdbc.sql("SELECT * FROM screening_rule_version WHERE rule_id = :rule ORDER BY version_no DESC")
                .param("rule", rule).query((rs, row) -> version(rs)).list();
    }

    private VersionView version(ResultSet rs) throws SQLException {
        return new VersionView(rs.getObject("id", UUID.class), rs.getInt("version_no"), rs.getString("title"),
                rs.getString("description"), rs.getString("indicator"), rs.getInt("priority"),
                criteria.read(rs.getString("criteria")), userId(rs, "written_by"), instant(rs, "written_at"));
    }

    private List<BacktestSummary> backtests(UUID rule) {
        return jdbc.sql("""
                SELECT b.id, v.version_no, b.from_day, b.to_day, b.run_by, b.run_at, b.flights, b.passengers, b.hits
                FROM screening_backtest b JOIN screening_rule_version v ON v.id = b.version_id
                WHERE b.rule_id = :rule ORDER BY b.run_at DESC, b.id""").param("rule", rule)
                .query((rs, row) -> new BacktestSummary(rs.getObject("id", UUID.class), rs.getInt("version_no"),
                        rs.getDate("from_day").toLocalDate(), rs.getDate("to_day").toLocalDate(),
                        userId(rs, "run_by"), instant(rs, "run_at"), rs.getInt("flights"), rs.getInt("passengers"),
                        rs.getInt("hits")))
                .list();
    }

    /**
     * Why this person may not enable this version now, as message codes; empty when they may. A
     * version is enabled only once a back-test screened passengers with it, and by someone other
     * than who wrote it (for a shipped rule, which nobody here wrote, by someone other than who
     * back-tested it).
     */
    @Transactional(readOnly = true)
    public List<String> refusals(UUID id, int version, UserId who) {
        RuleDetail rule = get(id);
        List<String> refusals = new ArrayList<>();
        VersionView chosen = rule.version(version);
        if (chosen == null) {
            refusals.add("screening.rules.enable.noSuchVersion");
            return refusals;
        }
        if (rule.status() == RuleStatus.ENABLED && rule.enabledVersion() != null && rule.enabledVersion() == version) {
            refusals.add("screening.rules.enable.already");
            return refusals;
        }
        if (version != rule.currentVersion()) {
            refusals.add("screening.rules.enable.notNewest");
        }
        // A group the version asks about, changed by someone since the version was written, changes what
        // it finds as much as an edit would: it needs a back-test after the change, and a second person.
        List<GroupChange> groupChanges = groupChangesSince(chosen);
        Timestamp lastGroupChange = groupChanges.stream().map(GroupChange::at).max(Timestamp::compareTo)
                .orElse(new Timestamp(0));
        // A run over days with no passenger data tested nothing, so only runs that screened someone count.
        List<UUID> testers = jdbc.sql("""
                SELECT DISTINCT run_by FROM screening_backtest
                WHERE version_id = :version AND passengers > 0 AND run_at > :changed""")
                .param("version", chosen.id()).param("changed", lastGroupChange).query(UUID.class).list();
        if (testers.isEmpty()) {
            refusals.add(backtestRefusal(chosen.id(), lastGroupChange));
        }
        if (chosen.writtenBy() != null && chosen.writtenBy().equals(who)) {
            refusals.add("screening.rules.enable.ownVersion");
        } else if (groupChanges.stream().anyMatch(change -> change.by().equals(who.value()))) {
            refusals.add("screening.rules.enable.ownGroupChange");
        } else if (chosen.writtenBy() == null && !testers.isEmpty()
                && testers.stream().allMatch(tester -> tester.equals(who.value()))) {
            refusals.add("screening.rules.enable.shippedOwnBacktest");
        }
        return refusals;
    }

    /** A person's change of a group, as the group keeps its last one. */
    private record GroupChange(String code, UUID by, Timestamp at) {
    }

    /** The last change of each group the version asks about, where a person made it after the version was written. */
    private List<GroupChange> groupChangesSince(VersionView version) {
        List<String> codes = Criteria.groupsNamed(version.criteria());
        if (codes.isEmpty()) {
            return List.of();
        }
        // Computed groups change with the data, not by anyone's hand, and are left out.
        return jdbc.sql("""
                SELECT code, changed_by, changed_at FROM screening_group
                WHERE code IN (:codes) AND computed = FALSE AND changed_by IS NOT NULL AND changed_at > :written""")
                .param("codes", codes).param("written", Timestamp.from(version.writtenAt()))
                .query((rs, row) -> new GroupChange(rs.getString("code"), rs.getObject("changed_by", UUID.class),
                        rs.getTimestamp("changed_at")))
                .list();
    }

    /** Why no back-test counts: none run, none that screened anyone, or none since a group changed. */
    private String backtestRefusal(UUID version, Timestamp lastGroupChange) {
        List<Timestamp> screenedSome = jdbc.sql("""
                SELECT run_at FROM screening_backtest WHERE version_id = :version AND passengers > 0""")
                .param("version", version).query(Timestamp.class).list();
        if (!screenedSome.isEmpty()) {
            return "screening.rules.enable.groupChanged";
        }
        boolean ranEmpty = jdbc.sql("SELECT COUNT(*) FROM screening_backtest WHERE version_id = :version")
                .param("version", version).query(Integer.class).single() > 0;
        return ranEmpty ? "screening.rules.enable.emptyBacktest" : "screening.rules.enable.noBacktest";
    }

    /** Enables the version: it screens from now on, in place of any version enabled before. */
    @Transactional
    public void enable(UUID id, int version, WaymarkUser user) {
        jdbc.sql("SELECT id FROM screening_rule WHERE id = :id FOR UPDATE").param("id", id).query(UUID.class)
                .optional().orElseThrow(() -> new NotFoundException("screening rule", id));
        List<String> refusals = refusals(id, version, user.id());
        if (refusals.contains("screening.rules.enable.already")) {
            throw new ConflictException("screening.rules.enable.already", "version");
        }
        if (!refusals.isEmpty()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("version", refusals.get(0));
            throw new UnprocessableException(refusals.get(0), fields);
        }
        jdbc.sql("""
                UPDATE screening_rule SET status = 'ENABLED', enabled_version = :version, enabled_by = :by,
                    enabled_at = :at WHERE id = :id""").param("version", version).param("by", user.id().value())
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        events.publishEvent(new RuleEvents.RuleEnabled(id, "version " + version, user.actor()));
    }

    /** Stops the rule screening: it makes no new hits. */
    @Transactional
    public void disable(UUID id, WaymarkUser user) {
        RuleStatus status = jdbc.sql("SELECT status FROM screening_rule WHERE id = :id FOR UPDATE").param("id", id)
                .query(String.class).optional().map(RuleStatus::valueOf).orElseThrow(() -> new NotFoundException("screening rule", id));
        if (status != RuleStatus.ENABLED) {
            throw new ConflictException("screening.rules.disable.notEnabled", null);
        }
        jdbc.sql("UPDATE screening_rule SET status = 'DISABLED' WHERE id = :id").param("id", id).update();
        events.publishEvent(new RuleEvents.RuleDisabled(id, null, user.actor()));
    }

    /** The version of a rule, by number. */
    @Transactional(readOnly = true)
    public VersionView version(UUID rule, int version) {
        return jdbc.sql("SELECT * FROM screening_rule_version WHERE rule_id = :rule AND version_no = :version")
                .param("rule", rule).param("version", version).query((rs, row) -> version(rs)).optional()
                .orElseThrow(() -> new NotFoundException("screening rule version", rule + " " + version));
    }

    /** The versions that screen: those enabled, of the rules that are enabled. */
    @Override
    @Transactional(readOnly = true)
    public List<RuleVersion> enabled() {
        return jdbc.sql("""
                SELECT v.* FROM screening_rule r JOIN screening_rule_version v
                    ON v.rule_id = r.id AND v.version_no = r.enabled_version
                WHERE r.status = 'ENABLED' ORDER BY v.priority, v.title""")
                .query((rs, row) -> new RuleVersion(rs.getObject("rule_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getInt("version_no"), rs.getString("title"), rs.getString("description"),
                        rs.getString("indicator"), rs.getInt("priority"), criteria.read(rs.getString("criteria"))))
                .list();
    }

    /** The indicators a rule may serve, by code, with their words. */
    @Transactional(readOnly = true)
    public Map<String, String> indicatorChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Indicator indicator : indicators.current()) {
            choices.put(indicator.code(), indicator.code() + " " + indicator.text());
        }
        return choices;
    }

    private void writeVersion(UUID rule, int number, RuleDraft draft, UUID by, Instant at) {
        jdbc.sql("""
                INSERT INTO screening_rule_version (id, rule_id, version_no, title, description, indicator, priority,
                    criteria, written_by, written_at)
                VALUES (:id, :rule, :number, :title, :description, :indicator, :priority, :criteria, :by, :at)""")
                .param("id", UUID.randomUUID()).param("rule", rule).param("number", number)
                .param("title", draft.title()).param("description", draft.description())
                .param("indicator", draft.indicator()).param("priority", draft.priority())
                .param("criteria", criteria.write(draft.criteria())).param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    /** The draft, trimmed, or every field's problem at once. */
    RuleDraft check(RuleDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        String title = draft.title() == null ? null : draft.title().strip();
        if (title == null || title.isEmpty()) {
            problems.put("title", "screening.rules.title.required");
        } else if (CONTROL.matcher(title).find()) {
            problems.put("title", "text.controlCharacters");
        } else if (title.length() > MAX_TITLE) {
            problems.put("title", "screening.rules.title.tooLong");
        }
        String description = draft.description() == null || draft.description().isBlank() ? null
                : draft.description().strip().replace("\r\n", "\n");
        if (description != null && CONTROL_BUT_LINES.matcher(description).find()) {
            problems.put("description", "text.controlCharacters");
        } else if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.put("description", "screening.rules.description.tooLong");
        }
        String indicator = draft.indicator() == null || draft.indicator().isBlank() ? null : draft.indicator().strip();
        if (indicator == null) {
            problems.put("indicator", "screening.rules.indicator.required");
        } else if (indicators.all().stream().noneMatch(known -> known.code().equals(indicator))) {
            problems.put("indicator", "screening.rules.indicator.unknown");
        }
        if (draft.priority() < MIN_PRIORITY || draft.priority() > MAX_PRIORITY) {
            problems.put("priority", "screening.rules.priority.range");
        }
        if (draft.criteria() == null) {
            problems.put("criteria", "screening.rules.criteria.required");
        } else {
            problems.putAll(criteria.problems(draft.criteria()));
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableException("screening.rules.invalid", problems);
        }
        return new RuleDraft(title, description, indicator, draft.priority(), draft.criteria());
    }

    private static UserId userId(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new UserId(id);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
