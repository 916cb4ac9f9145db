package org.waymark.safeguarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.SafeguardingEvents.IndicatorCatalogueChanged;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

/**
 * The indicator catalogue, as versioned reference data: each addition or retirement makes a
 * new version. Administrators change it; retired indicators stay readable on old checks.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Indicators {

    public static final Set<String> EXPLOITATION_TYPES = Set.of("ALL", "SEX", "LAB", "DS", "CRIM", "CH");
    public static final int MAX_TEXT = 200;
    private static final Pattern CODE = Pattern.compile("[A-Z]{1,3}[0-9]{2,3}");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Every indicator ever in the catalogue, retired ones too, in the aide-memoire's order. */
    @Transactional(readOnly = true)
    public List<Indicator> all() {
        return jdbc.sql("SELECT * FROM indicator ORDER BY display_order").query(Indicators::indicator).list();
    }

    /** The indicators in use, to choose from. */
    @Transactional(readOnly = true)
    public List<Indicator> current() {
        return all().stream().filter(indicator -> !indicator.retired()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Indicator> find(String code) {
        return jdbc.sql("SELECT * FROM indicator WHERE code = :code").param("code", code)
                .query(Indicators::indicator).optional();
    }

    /** The catalogue's current version. */
    @Transactional(readOnly = true)
    public int version() {
        return jdbc.sql("SELECT MAX(catalogue_version) FROM indicator_catalogue_change").query(Integer.class).single();
    }

    public Indicator add(String code, IndicatorGroup group, String exploitationType, String text,
            WaymarkUser admin) {
        mayChange(admin);
        String tidyCode = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(tidyCode).matches()) {
            throw new RuleViolationException("indicator.code.invalid", "code");
        }
        if (group == null) {
            throw new RuleViolationException("indicator.group.required", "group");
        }
        if (exploitationType == null || !EXPLOITATION_TYPES.contains(exploitationType)) {
            throw new RuleViolationException("indicator.type.invalid", "exploitationType");
        }
        String tidyText = text == null ? "" : text.strip();
        if (tidyText.isEmpty()) {
            throw new RuleViolationException("indicator.text.required", "text");
        }
        PlainText.check(tidyText, MAX_TEXT, "indicator.text.tooLong", "text");
        if (find(tidyCode).isPresent()) {
            throw new ConflictException("indicator.code.taken", "code");
        }
        int next = newVersion(tidyCode, "ADDED", admin);
        int order = jdbc.sql("SELECT COALESCE(MAX(display_order), 0) + 1 FROM indicator").query(Integer.class)
                .single();
        jdbc.sql("""
                INSERT INTO indicator (code, indicator_group, exploitation_type, wording, added_in, display_order)
                VALUES (:code, :group, :type, :text, :version, :order)""")
                .param("code", tidyCode).param("group", group.name()).param("type", exploitationType)
                .param("text", tidyText).param("version", next).param("order", order).update();
        events.publishEvent(new IndicatorCatalogueChanged(tidyCode, "INDICATOR_ADDED", admin.actor()));
        return find(tidyCode).orElseThrow();
    }

    /** Takes an indicator out of use; checks that recorded it keep it. */
    public Indicator retire(String code, WaymarkUser admin) {
        mayChange(admin);
        Indicator indicator = find(code).orElseThrow(() -> new NotFoundException("indicator", code));
        if (indicator.retired()) {
            throw new ConflictException("indicator.retired", null);
        }
        int next = newVersion(indicator.code(), "RETIRED", admin);
        jdbc.sql("UPDATE indicator SET retired_in = :version WHERE code = :code").param("version", next)
                .param("code", indicator.code()).update();
        events.publishEvent(new IndicatorCatalogueChanged(indicator.code(), "INDICATOR_RETIRED", admin.actor()));
        return find(indicator.code()).orElseThrow();
    }

    private int newVersion(String code, String change, WaymarkUser admin) {
        int next = version() + 1;
        // The version is the key: two administrators changing the catalogue at once clash (409).
        jdbc.sql("""
                INSERT INTO indicator_catalogue_change (catalogue_version, indicator_code, change_kind, changed_at, changed_by)
                VALUES (:version, :code, :change, :at, :by)""")
                .param("version", next).param("code", code).param("change", change)
                .param("at", Timestamp.from(clock.instant())).param("by", admin.id().value()).update();
        return next;
    }

    private static void mayChange(WaymarkUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators change the indicator catalogue");
        }
    }

    private static Indicator indicator(ResultSet rs, int row) throws SQLException {
        return new Indicator(rs.getString("code"), IndicatorGroup.valueOf(rs.getString("indicator_group")),
                rs.getString("exploitation_type"), rs.getString("wording"), rs.getInt("added_in"),
                rs.getObject("retired_in", Integer.class));
    }
}
