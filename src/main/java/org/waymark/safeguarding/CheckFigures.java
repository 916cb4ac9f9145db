package org.waymark.safeguarding;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/**
 * Operations' checks in figures, whatever their status: when and where each began and what came
 * of it. Counts only; the reports that use them decide who sees them.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CheckFigures {

    /** One check in figures: where and when it began, and what came of it; nothing about the person. */
    public record CheckFigure(UUID id, OperationId operationId, FlightId flightId, Instant startedAt,
            Set<Outcome> outcomes) {
    }

    private final JdbcClient jdbc;

    /** Every check of the operations, whatever its status, in the order they began. */
    @Transactional(readOnly = true)
    public List<CheckFigure> checks(Collection<OperationId> operationIds) {
        if (operationIds.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = operationIds.stream().map(OperationId::value).toList();
        Map<UUID, Set<Outcome>> outcomes = new HashMap<>();
        jdbc.sql("""
                SELECT o.check_id, o.outcome FROM check_outcome o JOIN enhanced_check c ON c.id = o.check_id
                WHERE c.operation_id IN (:operations)""")
                .param("operations", ids)
                .query(rs -> {
                    outcomes.computeIfAbsent(rs.getObject(1, UUID.class), id -> EnumSet.noneOf(Outcome.class))
                            .add(Outcome.valueOf(rs.getString(2)));
                });
        return jdbc.sql("""
                SELECT id, operation_id, flight_id, started_at FROM enhanced_check
                WHERE operation_id IN (:operations) ORDER BY started_at""")
                .param("operations", ids)
                .query((rs, row) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID flight = rs.getObject(3, UUID.class);
                    return new CheckFigure(id, new OperationId(rs.getObject(2, UUID.class)),
                            flight == null ? null : new FlightId(flight), rs.getTimestamp(4).toInstant(),
                            Set.copyOf(outcomes.getOrDefault(id, Set.of())));
                }).list();
    }
}
