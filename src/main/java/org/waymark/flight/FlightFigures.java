package org.waymark.flight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/**
 * Operations' flights in figures, for reports, which decide themselves who sees them: counts of
 * flights monitored done in the database, and outlines of flights, never who met them.
 */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FlightFigures {

    /**
     * A flight in figures: where to or from, on which day and time (local at the port), whether
     * monitored; nothing about who.
     */
    public record FlightOutline(FlightId id, OperationId operationId, String flightNumber, Direction direction,
            String airport, String country, LocalDate date, LocalDateTime scheduled, FlightStatus status) {

        /** Chosen for monitoring: MONITORING, or DONE once its passengers were met. */
        public boolean monitored() {
            return status == FlightStatus.MONITORING || status == FlightStatus.DONE;
        }

        /**
         * Monitored by this time at the port: DONE, or MONITORING and its scheduled time come.
         * A flight chosen whose time is still to come has not been monitored yet.
         */
        public boolean monitoredBy(LocalDateTime portNow) {
            return status == FlightStatus.DONE || status == FlightStatus.MONITORING && !scheduled.isAfter(portNow);
        }
    }

    /**
     * How many flights of an operation chosen for monitoring are scheduled on one day, to or from
     * one country, one way; and whether their time is still to come.
     */
    public record MonitoredCount(OperationId operationId, LocalDate date, String country, Direction direction,
            boolean stillToCome, long flights) {
    }

    private static final String OUTLINE = "SELECT id, operation_id, flight_number, direction, airport, country, "
            + "scheduled_date, scheduled, status FROM flight";
    /** Flights asked for by id at a time. */
    private static final int BY_ID = 1000;
    private static final String MONITORED = "status IN ('MONITORING', 'DONE')";

    private final JdbcClient jdbc;
    /** The passenger data module, where it is part of the application; otherwise no counts are known. */
    private final ObjectProvider<PassengersOnBoard> onBoard;

    /**
     * Passengers on board each flight of the operations, as airline passenger data count them:
     * counts only; a flight no data came for is absent.
     */
    public Map<FlightId, Integer> passengersOnBoard(Collection<OperationId> operationIds) {
        PassengersOnBoard counts = onBoard.getIfAvailable();
        if (counts == null) {
            return Map.of();
        }
        Map<FlightId, Integer> all = new HashMap<>();
        operationIds.forEach(operation -> all.putAll(counts.byFlight(operation)));
        return all;
    }

    /** The flights of the operations in outline, in the order they are scheduled. */
    public List<FlightOutline> outlines(Collection<OperationId> operationIds) {
        if (operationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(OUTLINE + " WHERE operation_id IN (:operations) ORDER BY scheduled, flight_number")
                .param("operations", ids(operationIds))
                .query((rs, row) -> outline(rs)).list();
    }

    /** These flights of the operation in outline, in the order they are scheduled. */
    public List<FlightOutline> outlines(OperationId operationId, Collection<FlightId> flightIds) {
        if (flightIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(OUTLINE
                + " WHERE operation_id = :operation AND id IN (:flights) ORDER BY scheduled, flight_number")
                .param("operation", operationId.value())
                .param("flights", flightIds.stream().map(FlightId::value).toList())
                .query((rs, row) -> outline(rs)).list();
    }

    /** The first flights of the operation to be monitored, in the order they are scheduled. */
    public List<FlightOutline> firstMonitored(OperationId operationId, int count) {
        return jdbc.sql(OUTLINE + " WHERE operation_id = :operation AND " + MONITORED
                + " ORDER BY scheduled, flight_number FETCH FIRST :count ROWS ONLY")
                .param("operation", operationId.value()).param("count", count)
                .query((rs, row) -> outline(rs)).list();
    }

    /**
     * The operation's flights chosen for monitoring, counted by day, country, direction and
     * whether they are still to come at this time at its port: MONITORING and scheduled later.
     * A DONE flight has been met, whatever its time.
     */
    public List<MonitoredCount> monitored(OperationId operationId, LocalDateTime portNow) {
        return jdbc.sql("""
                SELECT operation_id, scheduled_date, country, direction, to_come, COUNT(*) FROM (
                    SELECT operation_id, scheduled_date, country, direction,
                           CASE WHEN status = 'MONITORING' AND scheduled > :now THEN 1 ELSE 0 END AS to_come
                    FROM flight WHERE operation_id = :operation AND %s) chosen
                GROUP BY operation_id, scheduled_date, country, direction, to_come""".formatted(MONITORED))
                .param("operation", operationId.value()).param("now", portNow)
                .query((rs, row) -> new MonitoredCount(new OperationId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, LocalDate.class), rs.getString(3), Direction.valueOf(rs.getString(4)),
                        rs.getInt(5) == 1, rs.getLong(6)))
                .list();
    }

    /** The countries of these flights (of their other airports), whichever operations they are in. */
    public Map<FlightId, String> countries(Collection<FlightId> flightIds) {
        Map<FlightId, String> countries = new HashMap<>();
        List<UUID> ids = flightIds.stream().map(FlightId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += BY_ID) {
            jdbc.sql("SELECT id, country FROM flight WHERE id IN (:flights)")
                    .param("flights", ids.subList(from, Math.min(ids.size(), from + BY_ID)))
                    .query(rs -> {
                        countries.put(new FlightId(rs.getObject(1, UUID.class)), rs.getString(2));
                    });
        }
        return countries;
    }

    /**
     * The day each of these flights is scheduled on, at its operation's port (its local day),
     * whichever operations they are in; flights that are no more are left out.
     */
    public Map<FlightId, LocalDate> days(Collection<FlightId> flightIds) {
        Map<FlightId, LocalDate> days = new HashMap<>();
        List<UUID> ids = flightIds.stream().map(FlightId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += BY_ID) {
            jdbc.sql("SELECT id, scheduled_date FROM flight WHERE id IN (:flights)")
                    .param("flights", ids.subList(from, Math.min(ids.size(), from + BY_ID)))
                    .query(rs -> {
                        days.put(new FlightId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class));
                    });
        }
        return days;
    }

    private static List<UUID> ids(Collection<OperationId> operationIds) {
        return operationIds.stream().map(OperationId::value).toList();
    }

    private static FlightOutline outline(ResultSet rs) throws SQLException {
        return new FlightOutline(new FlightId(rs.getObject(1, UUID.class)),
                new OperationId(rs.getObject(2, UUID.class)), rs.getString(3), Direction.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDateTime.class), FlightStatus.valueOf(rs.getString(9)));
    }
}
