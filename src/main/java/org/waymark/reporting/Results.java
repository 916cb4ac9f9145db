package org.waymark.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.engagement.EngagementFigures;
import org.waymark.engagement.EngagementFigures.Sums;
import org.waymark.flight.Airports;
import org.waymark.flight.Direction;
import org.waymark.flight.FlightFigures;
import org.waymark.flight.FlightFigures.FlightOutline;
import org.waymark.flight.FlightFigures.MonitoredCount;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.referral.OwedReferrals;
import org.waymark.referral.ReferralKind;
import org.waymark.referral.Referrals;
import org.waymark.safeguarding.CheckFigures;
import org.waymark.safeguarding.CheckFigures.CheckFigure;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.ResponseTimes;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.shared.CountryCode;
import org.waymark.shared.FlightId;
import org.waymark.shared.LanguageCode;
import org.waymark.shared.OperationId;

/**
 * An operation's results, for coordinators, officers and analysts of the agencies taking part:
 * exact figures, counted in the database, with nothing about any person. Analysts see aggregates:
 * every figure summed over flights, never one flight's, as the flight module shows them none. The summary, the
 * dashboard and the yields across operations are all worked out from the same counts.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Results {

    /** The dashboard lists this many of the busiest flights; the report's CSV lists them all. */
    public static final int DASHBOARD_FLIGHTS = 20;

    /** Beyond this many, the flights listed are picked out of all the operation's rather than asked for by id. */
    private static final int OUTLINES_BY_ID = 500;

    private final Operations operations;
    private final Counted.Sources sources;
    private final FlightFigures flights;
    private final EngagementFigures engagements;
    private final CheckFigures checks;
    private final Referrals referrals;
    private final OwedReferrals owed;
    private final SupportRequests requests;
    private final Airports airports;
    private final Clock clock;

    /** Whether the user's role is one that sees results (coordinators, officers and analysts). */
    public static boolean seesResults(WaymarkUser user) {
        return user.hasRole(Role.COORDINATOR) || user.hasRole(Role.OFFICER) || user.hasRole(Role.ANALYST);
    }

    public Summary summary(OperationId id, WaymarkUser user) {
        return summary(entitled(id, user));
    }

    public Dashboard dashboard(OperationId id, WaymarkUser user) {
        return dashboard(id, user, DASHBOARD_FLIGHTS);
    }

    /**
     * The dashboard with up to {@code flightRows} of the busiest flights. Every sum is done in the
     * database; only the flights listed are read whole.
     */
    public Dashboard dashboard(OperationId id, WaymarkUser user, int flightRows) {
        OperationView operation = entitled(id, user);
        List<OperationId> ids = List.of(id);
        ZoneId zone = zone(operation);
        List<MonitoredCount> chosen = flights.monitored(id, portNow(operation));
        List<MonitoredCount> monitored = chosen.stream().filter(count -> !count.stillToCome()).toList();
        Map<LocalDate, Sums> engagedByDay = engagements.byDay(id);
        Map<String, Long> perCountry = engagements.passengersByCountry(id);
        Map<String, Long> perLocation = engagements.passengersByLocation(id);
        List<CheckFigure> checked = checks.checks(ids);
        Map<FlightId, String> checkedCountries = flights.countries(checked.stream().map(CheckFigure::flightId)
                .filter(Objects::nonNull).toList());
        Sums engaged = new Sums(engagedByDay.values().stream().mapToLong(Sums::passengers).sum(),
                engagedByDay.values().stream().mapToLong(Sums::leaflets).sum());
        List<Boarded> boarded = boarded(operation);
        Summary summary = summary(operation, chosen, engaged, checked, referrals.submitted(ids),
                owed.count(ids), boarded);

        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        operation.startDate().datesUntil(operation.endDate().plusDays(1)).forEach(day -> days.put(day, new long[4]));
        engagedByDay.forEach((day, sums) -> {
            long[] figures = days.computeIfAbsent(day, d -> new long[4]);
            figures[0] += sums.passengers();
            figures[1] += sums.leaflets();
        });
        monitored.forEach(count -> days.computeIfAbsent(count.date(), d -> new long[4])[2] += count.flights());
        checked.forEach(check -> days.computeIfAbsent(check.startedAt().atZone(zone).toLocalDate(),
                d -> new long[4])[3]++);
        // [on board, engaged on board] of the day's monitored flights that passenger data came for
        Map<LocalDate, long[]> boardedByDay = new HashMap<>();
        boarded.forEach(flight -> {
            long[] figures = boardedByDay.computeIfAbsent(flight.outline().date(), d -> new long[2]);
            figures[0] += flight.onBoard();
            figures[1] += flight.engaged();
        });
        long busiestDay = days.values().stream().mapToLong(day -> day[0]).max().orElse(0);
        List<Dashboard.DayRow> byDay = days.entrySet().stream().map(day -> {
            long[] onBoard = boardedByDay.get(day.getKey());
            Long passengersOnBoard = onBoard == null ? null : onBoard[0];
            long engagedOnBoard = onBoard == null ? 0 : onBoard[1];
            return new Dashboard.DayRow(day.getKey(), day.getValue()[0], day.getValue()[1], day.getValue()[2],
                    day.getValue()[3], Dashboard.bar(day.getValue()[0], busiestDay), passengersOnBoard, engagedOnBoard,
                    Dashboard.rate(engagedOnBoard, passengersOnBoard));
        }).toList();

        // [flights monitored, passengers, checks] per country; the null key is away from any flight.
        Map<String, long[]> countries = new HashMap<>();
        monitored.forEach(count -> countries.computeIfAbsent(count.country(), c -> new long[3])[0] += count.flights());
        perCountry.forEach((country, passengers) -> countries.computeIfAbsent(country, c -> new long[3])[1]
                += passengers);
        checked.forEach(check -> countries.computeIfAbsent(check.flightId() == null ? null
                : checkedCountries.get(check.flightId()), c -> new long[3])[2]++);
        long busiestCountry = countries.values().stream().mapToLong(country -> country[1]).max().orElse(0);
        List<Dashboard.CountryRow> byCountry = countries.entrySet().stream()
                .map(country -> new Dashboard.CountryRow(country.getKey(), countryName(country.getKey()),
                        country.getValue()[0], country.getValue()[1], country.getValue()[2],
                        Dashboard.bar(country.getValue()[1], busiestCountry)))
                .sorted(Comparator.comparing((Dashboard.CountryRow row) -> row.code() == null)
                        .thenComparing(Dashboard.CountryRow::passengers, Comparator.reverseOrder())
                        .thenComparing(Dashboard.CountryRow::flightsMonitored, Comparator.reverseOrder())
                        .thenComparing(row -> Objects.requireNonNullElse(row.name(), "")))
                .toList();

        // A flight's row names a flight the operation met or monitors, which is its plan: only those
        // who see the operation's flights get it (analysts see figures summed over flights).
        List<Dashboard.FlightRow> byFlight = operation.plan() != null ? busiestFlights(id, flightRows) : List.of();
        long busiestLocation = perLocation.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Dashboard.PlaceRow> byLocation = perLocation.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(place -> new Dashboard.PlaceRow(place.getKey(), place.getValue(),
                        Dashboard.bar(place.getValue(), busiestLocation))).toList();

        Map<String, Long> languages = engagements.passengersByLanguage(id);
        long busiestLanguage = languages.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Dashboard.LanguageRow> byLanguage = languages.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(language -> new Dashboard.LanguageRow(language.getKey(), languageName(language.getKey()),
                        language.getValue(), Dashboard.bar(language.getValue(), busiestLanguage))).toList();

        long commonestOutcome = summary.outcomes().values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Dashboard.OutcomeRow> byOutcome = summary.outcomes().entrySet().stream()
                .map(outcome -> new Dashboard.OutcomeRow(outcome.getKey(), outcome.getValue(),
                        Dashboard.bar(outcome.getValue(), commonestOutcome))).toList();

        List<ResponseTimes.AgencyTimes> responseTimes = requests.seesResponseTimes(id, user)
                ? requests.responseTimes(id, user).byAgency() : List.of();
        return new Dashboard(summary, operation.plan() != null, byDay, byCountry, byFlight,
                engagements.flightsCounted(id),
                byLocation, byLanguage, byOutcome, responseTimes, clock.instant());
    }

    /**
     * The flights with the most passengers, busiest first, then by day and flight number; where
     * too few flights have any, the first monitored flights make up the list.
     */
    private List<Dashboard.FlightRow> busiestFlights(OperationId id, int count) {
        Map<FlightId, Long> busiest = engagements.busiestFlights(id, count);
        Map<FlightId, FlightOutline> listed = new HashMap<>();
        if (busiest.size() > OUTLINES_BY_ID) {
            flights.outlines(List.of(id)).stream().filter(flight -> busiest.containsKey(flight.id()))
                    .forEach(flight -> listed.put(flight.id(), flight));
        } else {
            flights.outlines(id, busiest.keySet()).forEach(flight -> listed.put(flight.id(), flight));
        }
        if (busiest.size() < count) {
            flights.firstMonitored(id, count).forEach(flight -> listed.putIfAbsent(flight.id(), flight));
        }
        long most = busiest.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Map<FlightId, Integer> onBoard = flights.passengersOnBoard(List.of(id));
        return listed.values().stream().map(flight -> {
            long passengers = busiest.getOrDefault(flight.id(), 0L);
            Integer aboard = onBoard.get(flight.id());
            return new Dashboard.FlightRow(flight.flightNumber(), flight.direction(), airports.shown(flight.airport()),
                    countryName(flight.country()), flight.date(), flight.status(), passengers,
                    Dashboard.bar(passengers, most), aboard,
                    Dashboard.rate(passengers, aboard == null ? null : aboard.longValue()));
        }).sorted(Comparator.comparing(Dashboard.FlightRow::passengers).reversed()
                .thenComparing(Dashboard.FlightRow::date).thenComparing(Dashboard.FlightRow::flightNumber))
                .limit(count).toList();
    }

    /** The yields per country and per route over every operation the user may see results of. */
    public Yields yields(WaymarkUser user) {
        if (!seesResults(user)) {
            throw new AccessDeniedException("yields are for coordinators, officers and analysts");
        }
        List<OperationView> seen = operations.visibleTo(user).stream()
                .filter(operation -> operations.statusForParticipant(operation.id(), user.agencyId()).isPresent())
                .toList();
        Map<OperationId, OperationView> byOperation = seen.stream()
                .collect(Collectors.toMap(OperationView::id, Function.identity()));
        Counted counted = sources.of(byOperation.keySet());
        Map<FlightId, FlightOutline> flightsById = byId(counted);
        Map<UUID, CheckFigure> checksById = counted.checks().stream()
                .collect(Collectors.toMap(CheckFigure::id, Function.identity()));

        // [flights monitored, passengers, checks, referrals] per country and per route
        // and, for routes, [4] passengers on board and [5] engaged on the monitored flights that passenger
        // data came for, [6] 1 where any did
        Map<String, long[]> countries = new TreeMap<>();
        Map<List<String>, long[]> routes = new LinkedHashMap<>();
        Map<FlightId, Integer> onBoard = flights.passengersOnBoard(byOperation.keySet());
        Map<FlightId, Long> engagedByFlight = new HashMap<>();
        if (!onBoard.isEmpty()) {
            counted.engaged().stream().filter(place -> place.flightId() != null && onBoard.containsKey(place.flightId()))
                    .forEach(place -> engagedByFlight.merge(place.flightId(), place.passengers(), Long::sum));
        }
        Function<FlightOutline, List<String>> route = flight -> List.of(
                byOperation.get(flight.operationId()).port().value(), flight.airport(), flight.direction().name(),
                flight.country());
        Map<OperationId, LocalDateTime> portNows = new HashMap<>();
        seen.forEach(operation -> portNows.put(operation.id(), portNow(operation)));
        counted.flights().stream().filter(flight -> flight.monitoredBy(portNows.get(flight.operationId())))
                .forEach(flight -> {
                    countries.computeIfAbsent(flight.country(), c -> new long[4])[0]++;
                    long[] figures = routes.computeIfAbsent(route.apply(flight), r -> new long[7]);
                    figures[0]++;
                    Integer aboard = onBoard.get(flight.id());
                    if (aboard != null) {
                        figures[4] += aboard;
                        figures[5] += engagedByFlight.getOrDefault(flight.id(), 0L);
                        figures[6] = 1;
                    }
                });
        counted.engaged().stream().filter(place -> flightsById.containsKey(place.flightId())).forEach(place -> {
            FlightOutline flight = flightsById.get(place.flightId());
            countries.computeIfAbsent(flight.country(), c -> new long[4])[1] += place.passengers();
            routes.computeIfAbsent(route.apply(flight), r -> new long[7])[1] += place.passengers();
        });
        counted.checks().stream().filter(check -> flightsById.containsKey(check.flightId())).forEach(check -> {
            FlightOutline flight = flightsById.get(check.flightId());
            countries.computeIfAbsent(flight.country(), c -> new long[4])[2]++;
            routes.computeIfAbsent(route.apply(flight), r -> new long[7])[2]++;
        });
        counted.referrals().stream().map(referral -> checksById.get(referral.checkId()))
                .filter(check -> check != null && flightsById.containsKey(check.flightId())).forEach(check -> {
                    FlightOutline flight = flightsById.get(check.flightId());
                    countries.computeIfAbsent(flight.country(), c -> new long[4])[3]++;
                    routes.computeIfAbsent(route.apply(flight), r -> new long[7])[3]++;
                });
        // Highest yield first, then the most passengers; ties in the order of their names.
        Comparator<long[]> byYield = Comparator.comparing((long[] f) -> f[1] == 0 ? 0 : (double) f[2] / f[1])
                .reversed().thenComparing(f -> -f[1]);
        List<Yields.CountryYield> byCountry = countries.entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue(byYield).thenComparing(Map.Entry.comparingByKey()))
                .map(country -> {
                    long[] f = country.getValue();
                    return new Yields.CountryYield(country.getKey(), countryName(country.getKey()), f[0], f[1], f[2],
                            f[3], Yields.per1000(f[2], f[1]), Yields.per1000(f[3], f[1]));
                }).toList();
        List<Yields.RouteYield> byRoute = routes.entrySet().stream()
                .sorted(Map.Entry.<List<String>, long[]>comparingByValue(byYield)
                        .thenComparing(entry -> String.join(" ", entry.getKey())))
                .map(entry -> {
                    List<String> r = entry.getKey();
                    long[] f = entry.getValue();
                    return new Yields.RouteYield(r.get(0), r.get(1), Direction.valueOf(r.get(2)), r.get(3),
                            countryName(r.get(3)), f[0], f[1], f[2], f[3], Yields.per1000(f[2], f[1]),
                            Yields.per1000(f[3], f[1]), airports.shown(r.get(0)), airports.shown(r.get(1)),
                            f[6] == 0 ? null : f[4], f[5], Dashboard.rate(f[5], f[6] == 0 ? null : f[4]));
                }).toList();
        return new Yields(seen.size(), byCountry, byRoute);
    }

    /**
     * The operation, if the user may have its results: 404 where they may not see it at all, 403
     * for partners, administrators and agencies not taking part.
     */
    OperationView entitled(OperationId id, WaymarkUser user) {
        OperationView operation = operations.get(id, user);
        if (!seesResults(user) || operations.statusForParticipant(id, user.agencyId()).isEmpty()) {
            throw new AccessDeniedException("results are for coordinators, officers and analysts taking part");
        }
        return operation;
    }

    Summary summary(OperationView operation) {
        List<OperationId> ids = List.of(operation.id());
        return summary(operation, flights.monitored(operation.id(), portNow(operation)), engagements.sums(ids),
                checks.checks(ids), referrals.submitted(ids), owed.count(ids), boarded(operation));
    }

    /** A monitored flight that passenger data came for: passengers on board, and those engaged on it. */
    private record Boarded(FlightOutline outline, long onBoard, long engaged) {
    }

    /**
     * The operation's flights monitored by now (their time come, as for flights monitored) that
     * passenger data came for, with their passengers on board and engaged.
     */
    private List<Boarded> boarded(OperationView operation) {
        Map<FlightId, Integer> onBoard = flights.passengersOnBoard(List.of(operation.id()));
        if (onBoard.isEmpty()) {
            return List.of();
        }
        LocalDateTime now = portNow(operation);
        Map<FlightId, Long> engaged = engagements.passengersByFlight(operation.id());
        List<FlightOutline> outlines = onBoard.size() > OUTLINES_BY_ID
                ? flights.outlines(List.of(operation.id())).stream().filter(f -> onBoard.containsKey(f.id())).toList()
                : flights.outlines(operation.id(), onBoard.keySet());
        return outlines.stream().filter(flight -> flight.monitoredBy(now))
                .map(flight -> new Boarded(flight, onBoard.get(flight.id()), engaged.getOrDefault(flight.id(), 0L)))
                .toList();
    }

    /**
     * The summary of the flights chosen for monitoring: those whose time has come count as
     * monitored, the others as still to come.
     */
    private static Summary summary(OperationView operation, List<MonitoredCount> chosen, Sums engaged,
            List<CheckFigure> checked, List<Referrals.Submitted> referred, long referralsOwed, List<Boarded> boarded) {
        Map<String, Long> monitoredByCountry = new TreeMap<>();
        long arrivals = 0;
        long departures = 0;
        long stillToCome = 0;
        for (MonitoredCount count : chosen) {
            if (count.stillToCome()) {
                stillToCome += count.flights();
                continue;
            }
            monitoredByCountry.merge(count.country(), count.flights(), Long::sum);
            if (count.direction() == Direction.ARRIVAL) {
                arrivals += count.flights();
            } else {
                departures += count.flights();
            }
        }
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
        checked.forEach(check -> check.outcomes().forEach(outcome -> outcomes.merge(outcome, 1L, Long::sum)));
        Long onBoard = boarded.isEmpty() ? null : boarded.stream().mapToLong(Boarded::onBoard).sum();
        long engagedOnBoard = boarded.stream().mapToLong(Boarded::engaged).sum();
        return new Summary(operation.id().value(), operation.name(), operation.port().value(), operation.startDate(),
                operation.endDate(), arrivals + departures, monitoredByCountry, arrivals, departures,
                engaged.passengers(), engaged.leaflets(), checked.size(),
                referred.stream().filter(referral -> referral.kind() == ReferralKind.NRM).count(),
                referred.stream().filter(referral -> referral.kind() == ReferralKind.DUTY_TO_NOTIFY).count(),
                referred.stream().filter(Referrals.Submitted::childReferral).count(), outcomes, referralsOwed,
                stillToCome, onBoard, engagedOnBoard, Dashboard.rate(engagedOnBoard, onBoard));
    }

    /** The time now at the operation's port, as its flights' scheduled times are written. */
    LocalDateTime portNow(OperationView operation) {
        return LocalDateTime.ofInstant(clock.instant(), zone(operation));
    }

    ZoneId zone(OperationView operation) {
        return airports.zoneOf(operation.port());
    }

    static String countryName(String code) {
        return code == null || !CountryCode.isValid(code) ? code : new CountryCode(code).displayName(Locale.UK);
    }

    static String languageName(String code) {
        return LanguageCode.isValid(code) ? new LanguageCode(code).displayName() : code;
    }

    private static Map<FlightId, FlightOutline> byId(Counted counted) {
        return counted.flights().stream().collect(Collectors.toMap(FlightOutline::id, Function.identity()));
    }
}
