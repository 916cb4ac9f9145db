package org.waymark.engagement;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.flight.EngagedPassengers;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/** Passengers spoken to per flight, for the board and the totals; entries taken back do not count. */
@Component
class PassengerCounts implements EngagedPassengers {

    private final JdbcClient jdbc;

    PassengerCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<FlightId, Integer> byFlight(OperationId operationId) {
        Map<FlightId, Integer> totals = new HashMap<>();
        jdbc.sql("""
                SELECT flight_id, SUM(passengers) FROM engagement
                WHERE operation_id = :operation AND flight_id IS NOT NULL AND undone_at IS NULL
                GROUP BY flight_id""")
                .param("operation", operationId.value())
                .query((rs, row) -> totals.put(new FlightId(rs.getObject(1, UUID.class)), rs.getInt(2))).list();
        return totals;
    }
}
