package org.waymark.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.flight.FlightFigures.FlightOutline;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/**
 * An operation's figures for publication: one row per day, country and measure (and outcome),
 * with every count below the threshold shown as &lt; and the threshold, so that no person can be picked
 * out. Only the finest breakdown is given, with no totals, so that a suppressed count cannot be
 * worked out by subtraction. A blank country is what happened away from any flight.
 */
@Service
@Transactional(readOnly = true)
public class OpenData {

    private final Results results;
    private final Counted.Sources sources;
    private final int suppressBelow;

    OpenData(Results results, Counted.Sources sources,
            @Value("${waymark.open-data.suppress-below:5}") int suppressBelow) {
        if (suppressBelow < 1) {
            throw new IllegalStateException("waymark.open-data.suppress-below must be 1 or more");
        }
        this.results = results;
        this.sources = sources;
        this.suppressBelow = suppressBelow;
    }

    /** Counts below this are published as &lt; and this number. */
    public int suppressBelow() {
        return suppressBelow;
    }

    private record Key(LocalDate date, String country, String measure, String outcome) {
    }

    public String csv(OperationId id, WaymarkUser user) {
        OperationView operation = results.entitled(id, user);
        Counted counted = sources.of(List.of(id));
        ZoneId zone = results.zone(operation);
        Map<FlightId, FlightOutline> flights = counted.flights().stream()
                .collect(Collectors.toMap(FlightOutline::id, Function.identity()));
        Function<FlightId, String> country = flight -> flight == null || !flights.containsKey(flight) ? ""
                : flights.get(flight).country();

        Map<Key, Long> counts = new TreeMap<>(Comparator.comparing(Key::date).thenComparing(Key::country)
                .thenComparing(Key::measure).thenComparing(Key::outcome));
        LocalDateTime portNow = results.portNow(operation);
        counted.flights().stream().filter(flight -> flight.monitoredBy(portNow)).forEach(flight -> counts
                .merge(new Key(flight.date(), flight.country(), "flights_monitored", ""), 1L, Long::sum));
        counted.engaged().forEach(place -> {
            counts.merge(new Key(place.day(), country.apply(place.flightId()), "passengers_engaged", ""),
                    place.passengers(), Long::sum);
            counts.merge(new Key(place.day(), country.apply(place.flightId()), "leaflets", ""), place.leaflets(),
                    Long::sum);
        });
        counted.checks().forEach(check -> {
            LocalDate day = check.startedAt().atZone(zone).toLocalDate();
            counts.merge(new Key(day, country.apply(check.flightId()), "enhanced_checks", ""), 1L, Long::sum);
            check.outcomes().forEach(outcome -> counts.merge(new Key(day, country.apply(check.flightId()),
                    "checks_with_outcome", outcome.name()), 1L, Long::sum));
        });

        Csv csv = new Csv().row("date", "country", "measure", "outcome", "count");
        counts.forEach((key, count) -> {
            if (count > 0) {
                csv.row(key.date(), key.country(), key.measure(), key.outcome(),
                        count < suppressBelow ? "<" + suppressBelow : count);
            }
        });
        return csv.toString();
    }
}
