package org.waymark.engagement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.flight.EngagedPassengers;
import org.waymark.flight.FlightFigures;
import org.waymark.operation.LanguagesSpoken;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/**
 * Passengers and leaflets counted per place and day: the folded counts and the tallies not yet
 * folded, read in one statement so that a fold committing meanwhile neither doubles nor loses
 * anything. Entries taken back do not count. Counts only; the reports that use them decide who
 * sees them.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class EngagementFigures implements EngagedPassengers, LanguagesSpoken {

    /**
     * What was counted on one flight (or at one location) of an operation on one day at its port:
     * the flight's day, or the day the tallies at the location were made.
     */
    public record PlaceDay(OperationId operationId, FlightId flightId, String location, LocalDate day,
            long passengers, long leaflets) {
    }

    /** Passengers spoken to and leaflets handed out. */
    public record Sums(long passengers, long leaflets) {
    }

    /**
     * Every tally of the operations that counts, as place, day, passengers and leaflets: the
     * folded counts and the tallies not folded yet, taken-back ones left out.
     */
    private static final String COUNTED = """
            (SELECT operation_id, flight_id, location, country, recorded_on, passengers, leaflets
             FROM engagement_count WHERE operation_id IN (:operations)
             UNION ALL
             SELECT operation_id, flight_id, location, country, recorded_on, CAST(passengers AS BIGINT),
                    CAST(leaflets AS BIGINT)
             FROM engagement
             WHERE operation_id IN (:operations) AND fold_batch IS NULL AND undone_at IS NULL) counted""";

    private final JdbcClient jdbc;
    private final FlightFigures flights;

    /** Everything counted in the operations. */
    @Transactional(readOnly = true)
    public Sums sums(Collection<OperationId> operations) {
        if (operations.isEmpty()) {
            return new Sums(0, 0);
        }
        return jdbc.sql("SELECT COALESCE(SUM(passengers), 0), COALESCE(SUM(leaflets), 0) FROM " + COUNTED)
                .param("operations", ids(operations))
                .query((rs, row) -> new Sums(rs.getLong(1), rs.getLong(2))).single();
    }

    /**
     * What was counted on each day at the operation's port, in date order: on a flight, the
     * flight's day; elsewhere, the day the tally was made.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, Sums> byDay(OperationId operation) {
        Map<LocalDate, Sums> byDay = new TreeMap<>();
        byPlaceAndDay(operation).forEach(place -> byDay.merge(place.day(),
                new Sums(place.passengers(), place.leaflets()),
                (a, b) -> new Sums(a.passengers() + b.passengers(), a.leaflets() + b.leaflets())));
        return byDay;
    }

    /** Passengers counted on each flight of the operation that has any. */
    @Transactional(readOnly = true)
    public Map<FlightId, Long> passengersByFlight(OperationId operation) {
        Map<FlightId, Long> byFlight = new HashMap<>();
        jdbc.sql("SELECT flight_id, SUM(passengers) FROM " + COUNTED
                + " WHERE flight_id IS NOT NULL GROUP BY flight_id")
                .param("operations", List.of(operation.value()))
                .query(rs -> {
                    byFlight.put(new FlightId(rs.getObject(1, UUID.class)), rs.getLong(2));
                });
        return byFlight;
    }

    /**
     * Passengers counted per country of their flights (of the other airports); the null key holds
     * those counted away from any flight.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> passengersByCountry(OperationId operation) {
        Map<String, Long> byCountry = new HashMap<>();
        boolean unplaced = jdbc.sql("""
                SELECT country, CASE WHEN flight_id IS NULL THEN 0 ELSE 1 END, SUM(passengers) FROM %s
                GROUP BY country, CASE WHEN flight_id IS NULL THEN 0 ELSE 1 END""".formatted(COUNTED))
                .param("operations", List.of(operation.value()))
                .query((rs, row) -> {
                    boolean onFlight = rs.getInt(2) == 1;
                    if (onFlight && rs.getString(1) == null) {
                        return true;
                    }
                    byCountry.merge(onFlight ? rs.getString(1) : null, rs.getLong(3), Long::sum);
                    return false;
                }).list().contains(true);
        if (unplaced) {
            // Counted before tallies carried their flight's country, and not placed by a fold yet.
            Map<FlightId, Long> perFlight = new HashMap<>();
            jdbc.sql("SELECT flight_id, SUM(passengers) FROM " + COUNTED
                    + " WHERE flight_id IS NOT NULL AND country IS NULL GROUP BY flight_id")
                    .param("operations", List.of(operation.value()))
                    .query(rs -> {
                        perFlight.put(new FlightId(rs.getObject(1, UUID.class)), rs.getLong(2));
                    });
            Map<FlightId, String> countries = flights.countries(perFlight.keySet());
            perFlight.forEach((flight, passengers) -> byCountry.merge(countries.get(flight), passengers, Long::sum));
        }
        return byCountry;
    }

    /**
     * The flights with the most passengers counted, busiest first, as many as asked for; flights
     * with as many passengers are taken in the order of their ids, so that the choice is the same
     * each time.
     */
    @Transactional(readOnly = true)
    public Map<FlightId, Long> busiestFlights(OperationId operation, int count) {
        Map<FlightId, Long> busiest = new LinkedHashMap<>();
        jdbc.sql("SELECT flight_id, SUM(passengers) FROM " + COUNTED
                + " WHERE flight_id IS NOT NULL GROUP BY flight_id ORDER BY 2 DESC, 1 FETCH FIRST :count ROWS ONLY")
                .param("operations", List.of(operation.value())).param("count", count)
                .query(rs -> {
                    busiest.put(new FlightId(rs.getObject(1, UUID.class)), rs.getLong(2));
                });
        return busiest;
    }

    /** How many flights of the operation have passengers counted. */
    @Transactional(readOnly = true)
    public long flightsCounted(OperationId operation) {
        return jdbc.sql("SELECT COUNT(DISTINCT flight_id) FROM " + COUNTED)
                .param("operations", List.of(operation.value())).query(Long.class).single();
    }

    /** Passengers counted at each location away from any flight, by location. */
    @Transactional(readOnly = true)
    public Map<String, Long> passengersByLocation(OperationId operation) {
        Map<String, Long> byLocation = new TreeMap<>();
        // Tallies on flights have no location and fall under the null key, left out. Asking for
        // flight_id IS NULL instead had H2 read every tally away from a flight through its index.
        jdbc.sql("SELECT location, SUM(passengers) FROM " + COUNTED + " GROUP BY location")
                .param("operations", List.of(operation.value()))
                .query(rs -> {
                    if (rs.getString(1) != null) {
                        byLocation.put(rs.getString(1), rs.getLong(2));
                    }
                });
        return byLocation;
    }

    /**
     * What was counted per place and day, for reports that break the figures down further. A
     * tally on a flight counts on the flight's day at the port, however late it was made (ADR
     * 0032); one at a place, on the day it was made there.
     */
    @Transactional(readOnly = true)
    public List<PlaceDay> byPlaceAndDay(OperationId operation) {
        return byPlaceAndDay(List.of(operation));
    }

    @Transactional(readOnly = true)
    public List<PlaceDay> byPlaceAndDay(Collection<OperationId> operations) {
        if (operations.isEmpty()) {
            return List.of();
        }
        List<PlaceDay> made = new ArrayList<>();
        jdbc.sql("SELECT operation_id, flight_id, location, recorded_on, SUM(passengers), SUM(leaflets) FROM "
                + COUNTED + " GROUP BY operation_id, flight_id, location, recorded_on")
                .param("operations", ids(operations))
                .query(rs -> {
                    UUID flight = rs.getObject(2, UUID.class);
                    made.add(new PlaceDay(new OperationId(rs.getObject(1, UUID.class)),
                            flight == null ? null : new FlightId(flight), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getLong(6)));
                });
        // The flight module keeps each flight's day; a flight that is no more keeps the day made.
        Map<FlightId, LocalDate> flightDays = flights.days(made.stream().map(PlaceDay::flightId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<List<Object>, PlaceDay> counted = new LinkedHashMap<>();
        for (PlaceDay place : made) {
            LocalDate day = place.flightId() == null ? place.day()
                    : flightDays.getOrDefault(place.flightId(), place.day());
            counted.merge(Arrays.asList(place.operationId(), place.flightId(), place.location(), day),
                    new PlaceDay(place.operationId(), place.flightId(), place.location(), day, place.passengers(),
                            place.leaflets()),
                    (a, b) -> new PlaceDay(a.operationId(), a.flightId(), a.location(), a.day(),
                            a.passengers() + b.passengers(), a.leaflets() + b.leaflets()));
        }
        return List.copyOf(counted.values());
    }

    /** Passengers counted so far on one flight, or at one location, of the operation. */
    @Transactional(readOnly = true)
    public long passengersAt(OperationId operation, FlightId flight, String location) {
        String place = flight != null ? "flight_id = :place" : "flight_id IS NULL AND location = :place";
        return jdbc.sql("""
                SELECT COALESCE(SUM(passengers), 0) FROM (
                    SELECT passengers FROM engagement_count WHERE operation_id = :operation AND %1$s
                    UNION ALL
                    SELECT CAST(passengers AS BIGINT) FROM engagement
                    WHERE operation_id = :operation AND %1$s AND fold_batch IS NULL AND undone_at IS NULL
                ) counted""".formatted(place))
                .param("operation", operation.value()).param("place", flight != null ? flight.value() : location)
                .query(Long.class).single();
    }

    /** Passengers of the tallies in which each language was used, by language code, in code order. */
    @Transactional(readOnly = true)
    public Map<String, Long> passengersByLanguage(OperationId operation) {
        Map<String, Long> byLanguage = new TreeMap<>();
        jdbc.sql("""
                SELECT language, SUM(passengers) FROM (
                    SELECT language, passengers FROM engagement_language_count WHERE operation_id = :operation
                    UNION ALL
                    SELECT l.language, CAST(e.passengers AS BIGINT) FROM engagement e
                    JOIN engagement_language l ON l.engagement_id = e.id
                    WHERE e.operation_id = :operation AND e.fold_batch IS NULL AND e.undone_at IS NULL
                ) counted
                GROUP BY language""")
                .param("operation", operation.value())
                .query(rs -> {
                    byLanguage.put(rs.getString(1), rs.getLong(2));
                });
        return byLanguage;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> mostSpoken(OperationId operation) {
        return passengersByLanguage(operation).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<FlightId, Integer> byFlight(OperationId operation) {
        Map<FlightId, Integer> totals = new HashMap<>();
        passengersByFlight(operation).forEach((flight, passengers) -> totals.put(flight, Math.toIntExact(passengers)));
        return totals;
    }

    private static List<UUID> ids(Collection<OperationId> operations) {
        return operations.stream().map(OperationId::value).toList();
    }
}
