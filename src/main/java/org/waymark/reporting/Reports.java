package org.waymark.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.flight.Airport;
import org.waymark.flight.Airports;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.safeguarding.Outcome;
import org.waymark.shared.ConflictException;
import org.waymark.shared.OperationId;
import org.waymark.shared.UnprocessableException;
import org.waymark.shared.UserId;

/**
 * The end-of-operation report: the figures, and a press summary that Waymark drafts from them
 * and a coordinator of the lead agency edits and approves. The report is exported (PDF, CSV)
 * only once the summary is approved against the figures as they stand: if the figures change
 * afterwards, the summary is looked at and approved again.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    public static final int MAX_LENGTH = 4000;

    /**
     * The press summary as the reader sees it: the saved text, or for the coordinator a fresh
     * draft while nothing is saved.
     *
     * @param stale approved, but the figures have changed since
     */
    public record PressSummary(String text, boolean saved, boolean approved, boolean stale, String savedBy,
            Instant savedAt, String approvedBy, Instant approvedAt, boolean editable) {

        public boolean exportable() {
            return approved && !stale;
        }
    }

    public record Report(Dashboard dashboard, String portName, PressSummary pressSummary) {
    }

    private final Results results;
    private final Agencies agencies;
    private final Users users;
    private final Airports airports;
    private final ReportPdf pdf;
    private final JdbcClient jdbc;
    private final Clock clock;

    Reports(Results results, Agencies agencies, Users users, Airports airports, ReportPdf pdf, JdbcClient jdbc,
            Clock clock) {
        this.pdf = pdf;
        this.results = results;
        this.agencies = agencies;
        this.users = users;
        this.airports = airports;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Report report(OperationId id, WaymarkUser user) {
        return report(id, user, Results.DASHBOARD_FLIGHTS);
    }

    private Report report(OperationId id, WaymarkUser user, int flightRows) {
        OperationView operation = results.entitled(id, user);
        Dashboard dashboard = results.dashboard(id, user, flightRows);
        return new Report(dashboard, portName(operation), pressSummary(operation, dashboard, user));
    }

    /** Saves the coordinator's text, approved or not; a change of text takes back an earlier approval. */
    @Transactional
    public PressSummary save(OperationId id, String text, boolean approve, WaymarkUser user) {
        OperationView operation = results.entitled(id, user);
        if (!edits(operation, user)) {
            throw new AccessDeniedException("coordinators of the lead agency write the press summary");
        }
        String cleaned = text == null ? "" : text.strip().replace("\r\n", "\n");
        if (cleaned.isEmpty()) {
            throw new UnprocessableException("pressSummary.text.required", "text");
        }
        if (cleaned.length() > MAX_LENGTH) {
            throw new UnprocessableException("pressSummary.text.tooLong", "text");
        }
        Instant now = clock.instant();
        Map<String, Object> row = Map.of("operation", id.value(), "text", cleaned, "user", user.id().value(),
                "at", Timestamp.from(now));
        String fingerprint = fingerprint(results.summary(operation));
        int updated = jdbc.sql("""
                UPDATE press_summary SET text = :text, saved_by = :user, saved_at = :at,
                       approved_by = NULL, approved_at = NULL, approved_figures = NULL
                WHERE operation_id = :operation""").params(row).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO press_summary (operation_id, text, saved_by, saved_at)
                    VALUES (:operation, :text, :user, :at)""").params(row).update();
        }
        if (approve) {
            jdbc.sql("""
                    UPDATE press_summary SET approved_by = :user, approved_at = :at, approved_figures = :figures
                    WHERE operation_id = :operation""")
                    .param("user", user.id().value()).param("at", Timestamp.from(now))
                    .param("figures", fingerprint).param("operation", id.value()).update();
        }
        return report(id, user).pressSummary();
    }

    /** The report as a PDF: the approved press summary, then the figures as tables. */
    public byte[] pdf(OperationId id, WaymarkUser user) {
        return pdf.render(exportable(id, user));
    }

    /** The report's figures as CSV, one figure a row: measure, breakdown, item, count. */
    public String csv(OperationId id, WaymarkUser user) {
        Report report = exportable(id, user);
        Dashboard dashboard = report.dashboard();
        Summary summary = dashboard.summary();
        Csv csv = new Csv().row("measure", "by", "item", "count");
        csv.row("passengers_engaged", "total", "", summary.passengersEngaged());
        dashboard.byDay().forEach(day -> csv.row("passengers_engaged", "day", day.day(), day.passengers()));
        dashboard.byCountry().forEach(country -> csv.row("passengers_engaged", "country",
                country.code() == null ? "" : country.code(), country.passengers()));
        dashboard.byFlight().forEach(flight -> csv.row("passengers_engaged", "flight",
                flight.flightNumber() + " " + flight.date(), flight.passengers()));
        dashboard.byLocation().forEach(place -> csv.row("passengers_engaged", "location", place.location(),
                place.passengers()));
        dashboard.byLanguage().forEach(language -> csv.row("passengers_engaged", "language", language.code(),
                language.passengers()));
        csv.row("leaflets", "total", "", summary.leaflets());
        csv.row("flights_monitored", "total", "", summary.flightsMonitored());
        csv.row("flights_monitored", "direction", "ARRIVAL", summary.arrivalsMonitored());
        csv.row("flights_monitored", "direction", "DEPARTURE", summary.departuresMonitored());
        summary.flightsMonitoredByCountry().forEach((country, count) -> csv.row("flights_monitored", "country",
                country, count));
        dashboard.byDay().forEach(day -> csv.row("flights_monitored", "day", day.day(), day.flightsMonitored()));
        csv.row("enhanced_checks", "total", "", summary.enhancedChecks());
        dashboard.byDay().forEach(day -> csv.row("enhanced_checks", "day", day.day(), day.checks()));
        dashboard.byCountry().forEach(country -> csv.row("enhanced_checks", "country",
                country.code() == null ? "" : country.code(), country.checks()));
        summary.outcomes().forEach((outcome, count) -> csv.row("checks_with_outcome", "outcome", outcome.name(),
                count));
        csv.row("nrm_referrals", "total", "", summary.nrmReferrals());
        csv.row("duty_to_notify", "total", "", summary.dutyToNotify());
        csv.row("child_referrals", "total", "", summary.childReferrals());
        return csv.toString();
    }

    /** The report with every flight, once its press summary is approved for the figures as they are. */
    private Report exportable(OperationId id, WaymarkUser user) {
        Report report = report(id, user, Integer.MAX_VALUE);
        if (!report.pressSummary().approved()) {
            throw new ConflictException("pressSummary.notApproved", null);
        }
        if (report.pressSummary().stale()) {
            throw new ConflictException("pressSummary.stale", null);
        }
        return report;
    }

    private PressSummary pressSummary(OperationView operation, Dashboard dashboard, WaymarkUser user) {
        boolean editable = edits(operation, user);
        Optional<Saved> saved = jdbc.sql("""
                SELECT text, saved_by, saved_at, approved_by, approved_at, approved_figures FROM press_summary
                WHERE operation_id = :operation""")
                .param("operation", operation.id().value())
                .query((rs, rowNumber) -> new Saved(rs.getString(1), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getObject(4, UUID.class),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .optional();
        if (saved.isEmpty()) {
            String draft = editable ? draft(operation, dashboard) : null;
            return new PressSummary(draft, false, false, false, null, null, null, null, editable);
        }
        Saved row = saved.get();
        boolean approved = row.approvedBy() != null;
        boolean stale = approved && !Objects.equals(row.figures(), fingerprint(dashboard.summary()));
        return new PressSummary(row.text(), true, approved, stale, name(row.savedBy()), row.savedAt(),
                name(row.approvedBy()), row.approvedAt(), editable);
    }

    private record Saved(String text, UUID savedBy, Instant savedAt, UUID approvedBy, Instant approvedAt,
            String figures) {
    }

    private String draft(OperationView operation, Dashboard dashboard) {
        List<AgencySummary> taking = agencies.byId(operation.plan().agencyIds()).values().stream()
                .sorted(Comparator.comparing(AgencySummary::name)).toList();
        String lead = agencies.find(operation.plan().leadAgency()).map(AgencySummary::name).orElse("the police");
        List<String> others = taking.stream().map(AgencySummary::name).filter(name -> !name.equals(lead)).toList();
        return PressDraft.of(dashboard.summary(), portName(operation), new PressDraft.Partners(lead, others),
                dashboard.summary().outcomes().getOrDefault(Outcome.SAFEGUARDING_ADVICE, 0L));
    }

    /** Coordinators of the lead agency write the press summary. */
    private static boolean edits(OperationView operation, WaymarkUser user) {
        return operation.plan() != null && user.hasRole(Role.COORDINATOR)
                && operation.plan().leadAgency().equals(user.agencyId());
    }

    private String portName(OperationView operation) {
        return airports.find(operation.port().value()).map(Airport::name).orElse(operation.port().value());
    }

    private String name(UUID user) {
        return user == null ? null : users.find(new UserId(user)).map(UserSummary::name).orElse(null);
    }

    /** The figures a press summary speaks of, in a form that changes whenever one of them does. */
    private static String fingerprint(Summary summary) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(summary.results()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
