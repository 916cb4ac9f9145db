package org.waymark.flight;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.shared.FlightId;
import org.waymark.shared.UserId;

/**
 * Reads many flights in two queries (the flights, then their officers) instead of one query
 * per flight: a national schedule can put thousands of flights on one day.
 */
@Component
@RequiredArgsConstructor
class FlightQueries {

    private final JdbcClient jdbc;
    private final Airports airports;

    /** The operation's flights in time order, of one day or (date null) of every day. */
    List<FlightView> list(UUID operationId, LocalDate date, Set<String> focusCountries) {
        String sql = "SELECT * FROM flight WHERE operation_id = :operation"
                + (date == null ? "" : " AND scheduled_date = :date") + " ORDER BY scheduled, flight_number";
        var query = jdbc.sql(sql).param("operation", operationId);
        if (date != null) {
            query = query.param("date", date);
        }
        Map<UUID, Set<UserId>> officers = officers(operationId, date);
        return query.query((rs, row) -> {
            UUID id = rs.getObject("id", UUID.class);
            return new FlightView(new FlightId(id), rs.getString("flight_number"), rs.getString("airline"),
                    Direction.valueOf(rs.getString("direction")), airports.find(rs.getString("airport")).orElseThrow(),
                    rs.getObject("scheduled", LocalDateTime.class), rs.getString("terminal"), rs.getString("stand"),
                    FlightStatus.valueOf(rs.getString("status")), focusCountries.contains(rs.getString("country")),
                    Set.copyOf(officers.getOrDefault(id, Set.of())), rs.getBoolean("from_passenger_data"), null);
        }).list();
    }

    private Map<UUID, Set<UserId>> officers(UUID operationId, LocalDate date) {
        Map<UUID, Set<UserId>> officers = new HashMap<>();
        var query = jdbc.sql("SELECT o.flight_id, o.user_id FROM flight_officer o JOIN flight f ON f.id = o.flight_id "
                + "WHERE f.operation_id = :operation" + (date == null ? "" : " AND f.scheduled_date = :date"))
                .param("operation", operationId);
        if (date != null) {
            query = query.param("date", date);
        }
        query.query((rs, row) -> officers.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashSet<>())
                .add(new UserId(rs.getObject(2, UUID.class)))).list();
        return officers;
    }
}
