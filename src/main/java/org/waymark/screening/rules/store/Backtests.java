package org.waymark.screening.rules.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.passenger.ScreenedFlight;
import org.waymark.screening.passenger.ScreenedFlights;
import org.waymark.screening.passenger.ScreenedPassenger;
import org.waymark.screening.rules.Evaluation;
import org.waymark.screening.rules.Groups;
import org.waymark.screening.rules.InMemoryGroups;
import org.waymark.screening.rules.RuleVersion;
import org.waymark.screening.rules.store.BacktestResult.DayCount;
import org.waymark.screening.rules.store.BacktestResult.Figures;
import org.waymark.screening.rules.store.BacktestResult.Outcomes;
import org.waymark.screening.rules.store.BacktestResult.Overlap;
import org.waymark.screening.rules.store.BacktestResult.RouteCount;
import org.waymark.screening.rules.store.RuleViews.VersionView;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.UnprocessableException;
import org.waymark.shared.UserId;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a rule version over the passenger data kept for a range of days, as if it had been live,
 * and keeps what it found: hits by day and by route, what became of the people hit, and how many
 * of its hits the rules already live hit too. A run reads passengers' data, so each is logged
 * with the reason given. The range is bounded so that a run ends within a request.
 */
@Service
@RequiredArgsConstructor
public class Backtests {

    /** The most days one run covers. */
    public static final int MAX_DAYS = 31;
    public static final int MAX_REASON = 200;
    /** The outcomes of earlier hits, in the order a person meets them. */
    public static final List<String> OUTCOMES = List.of("ASKED", "SPOKE_WITH", "CHECK_STARTED", "NOT_FOUND",
            "NO_CONCERN", "REFERRED_ELSEWHERE");

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\u202A-\u202E\u2066-\u2069]");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Rules rules;
    private final StoredGroups storedGroups;
    private final ScreenedFlights screenedFlights;
    private final ObjectProvider<PastOutcomes> pastOutcomes;
    private final JsonMapper json;

    /** Runs the version over the days from {@code from} to {@code to}, both included, and keeps the result. */
    @Transactional
    public BacktestResult run(UUID ruleId, int version, LocalDate from, LocalDate to, String reason,
            WaymarkUser user) {
        String why = checked(from, to, reason, LocalDate.now(clock));
        VersionView tested = rules.version(ruleId, version);
        List<RuleVersion> live = rules.enabled().stream().filter(rule -> !rule.ruleId().equals(ruleId)).toList();
        // Members as they stand at the start of the run, read once rather than for each passenger.
        Groups groups = new InMemoryGroups(storedGroups.all());

        Evaluation evaluation = Evaluation.of(tested.criteria(), groups);
        Map<UUID, Evaluation> liveEvaluations = new LinkedHashMap<>();
        live.forEach(rule -> liveEvaluations.put(rule.ruleId(), Evaluation.of(rule.criteria(), groups)));
        Map<LocalDate, int[]> byDay = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            byDay.put(day, new int[3]);
        }
        Map<String, int[]> byRoute = new TreeMap<>();
        Map<UUID, Integer> shared = new LinkedHashMap<>();
        live.forEach(rule -> shared.put(rule.ruleId(), 0));
        Set<String> peopleHit = new LinkedHashSet<>();
        int flights = 0;
        int masked = 0;
        int passengers = 0;
        int hits = 0;
        for (UUID flightId : screenedFlights.leaving(from, to)) {
            ScreenedFlight flight = screenedFlights.flight(flightId).orElse(null);
            if (flight == null) {
                continue;
            }
            flights++;
            masked += flight.masked() ? 1 : 0;
            int[] day = byDay.computeIfAbsent(flight.departureDate(), key -> new int[3]);
            int[] route = byRoute.computeIfAbsent(flight.route(), key -> new int[3]);
            day[0]++;
            route[0]++;
            for (ScreenedPassenger passenger : flight.passengers()) {
                passengers++;
                day[1]++;
                route[1]++;
                if (!evaluation.hits(passenger)) {
                    continue;
                }
                hits++;
                day[2]++;
                route[2]++;
                if (!flight.masked() && passenger.familyName() != null) {
                    peopleHit.add(passenger.personKey());
                }
                liveEvaluations.forEach((rule, other) -> {
                    if (other.hits(passenger)) {
                        shared.merge(rule, 1, Integer::sum);
                    }
                });
            }
        }
        List<DayCount> days = byDay.entrySet().stream()
                .map(day -> new DayCount(day.getKey(), day.getValue()[0], day.getValue()[1], day.getValue()[2]))
                .toList();
        List<RouteCount> routes = byRoute.entrySet().stream()
                .map(route -> new RouteCount(route.getKey(), route.getValue()[0], route.getValue()[1],
                        route.getValue()[2]))
                .toList();
        List<Overlap> overlap = live.stream()
                .map(rule -> new Overlap(rule.ruleId(), rule.title(), rule.version(), shared.get(rule.ruleId())))
                .toList();
        Figures figures = new Figures(days, routes, outcomes(peopleHit), overlap);

        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO screening_backtest (id, rule_id, version_id, from_day, to_day, run_by, run_at, reason,
                    flights, passengers, hits, results)
                VALUES (:id, :rule, :version, :from, :to, :by, :at, :reason, :flights, :passengers, :hits,
                    :results)""")
                .param("id", id).param("rule", ruleId).param("version", tested.id()).param("from", from)
                .param("to", to).param("by", user.id().value()).param("at", Timestamp.from(now))
                .param("reason", why).param("flights", flights).param("passengers", passengers)
                .param("hits", hits).param("results", json.writeValueAsString(new Stored(masked, figures)))
                .update();
        events.publishEvent(new RuleEvents.RuleBackTested(ruleId,
                "version " + version + ", " + from + " to " + to + ": " + why, user.actor()));
        return new BacktestResult(id, ruleId, tested.id(), version, from, to, user.id(), now, why, flights, masked,
                passengers, hits, figures);
    }

    /** A run kept, by its id, of this rule. */
    @Transactional(readOnly = true)
    public BacktestResult get(UUID ruleId, UUID id) {
        return jdbc.sql("""
                SELECT b.*, v.version_no FROM screening_backtest b JOIN screening_rule_version v ON v.id = b.version_id
                WHERE b.id = :id AND b.rule_id = :rule""").param("id", id).param("rule", ruleId)
                .query((rs, row) -> {
                    Stored stored = json.readValue(rs.getString("results"), Stored.class);
                    return new BacktestResult(rs.getObject("id", UUID.class), rs.getObject("rule_id", UUID.class),
                            rs.getObject("version_id", UUID.class), rs.getInt("version_no"),
                            rs.getDate("from_day").toLocalDate(), rs.getDate("to_day").toLocalDate(),
                            new UserId(rs.getObject("run_by", UUID.class)), rs.getTimestamp("run_at").toInstant(),
                            rs.getString("reason"), rs.getInt("flights"), stored.maskedFlights(),
                            rs.getInt("passengers"), rs.getInt("hits"), stored.figures());
                }).optional().orElseThrow(() -> new NotFoundException("back-test", id));
    }

    /** What is kept of a run beside its counts. */
    record Stored(int maskedFlights, Figures figures) {
    }

    private Outcomes outcomes(Set<String> people) {
        PastOutcomes known = pastOutcomes.getIfAvailable();
        if (known == null) {
            return new Outcomes(false, people.size(), Map.of());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> found = people.isEmpty() ? new HashMap<>() : known.forPeople(people);
        for (String outcome : OUTCOMES) {
            int count = (int) found.values().stream().filter(outcome::equals).count();
            if (count > 0) {
                counts.put(outcome, count);
            }
        }
        return new Outcomes(true, people.size(), counts);
    }

    /** A day no passenger data can be of (the year 0, or 99999) is a mistake, not a range to run over. */
    private static boolean within(LocalDate day, LocalDate today) {
        return !day.isBefore(today.minusYears(10)) && !day.isAfter(today.plusYears(10));
    }

    /** The reason, trimmed, once the range and the reason are fit to run. */
    private static String checked(LocalDate from, LocalDate to, String reason, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (from == null) {
            problems.put("from", "screening.rules.backtest.from.required");
        } else if (!within(from, today)) {
            problems.put("from", "screening.rules.backtest.day.outOfReach");
        }
        if (to == null) {
            problems.put("to", "screening.rules.backtest.to.required");
        } else if (!within(to, today)) {
            problems.put("to", "screening.rules.backtest.day.outOfReach");
        }
        if (from != null && to != null && !problems.containsKey("from") && !problems.containsKey("to")) {
            if (to.isBefore(from)) {
                problems.put("to", "screening.rules.backtest.to.beforeFrom");
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                problems.put("to", "screening.rules.backtest.tooLong");
            }
        }
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            problems.put("reason", "screening.rules.backtest.reason.required");
        } else if (CONTROL.matcher(why).find()) {
            problems.put("reason", "text.controlCharacters");
        } else if (why.length() > MAX_REASON) {
            problems.put("reason", "screening.rules.backtest.reason.tooLong");
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableException("screening.rules.backtest.invalid", problems);
        }
        return why;
    }
}
