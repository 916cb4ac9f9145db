package org.waymark.safeguarding;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * A closed check whose outcome calls for a referral: which ({@code NRM_REFERRAL} or
     * {@code DUTY_TO_NOTIFY}), when it closed, and whether the person is treated as a child;
     * nothing else about them.
     */
    public record ReferralOutcome(UUID checkId, OperationId operationId, Outcome outcome, boolean child,
            Instant closedAt) {
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

    /**
     * The closed checks of the operations whose outcome calls for an NRM referral or a Duty to
     * Notify, in the order they closed; not those disposed of at the end of their retention
     * period, from which no referral can be made.
     */
    @Transactional(readOnly = true)
    public List<ReferralOutcome> closedWithReferralOutcome(Collection<OperationId> operationIds) {
        if (operationIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, ReferralOutcome> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.id, c.operation_id, o.outcome, c.under18, c.closed_at FROM enhanced_check c
                JOIN check_outcome o ON o.check_id = c.id
                WHERE c.operation_id IN (:operations) AND c.status = 'CLOSED' AND c.masked_at IS NULL
                AND o.outcome IN ('NRM_REFERRAL', 'DUTY_TO_NOTIFY')
                ORDER BY c.closed_at, c.id, o.outcome DESC""")
                .param("operations", operationIds.stream().map(OperationId::value).toList())
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    // Were a check ever to hold both, the NRM referral (first by the order) is what it calls for.
                    found.putIfAbsent(id, new ReferralOutcome(id, new OperationId(rs.getObject(2, UUID.class)),
                            Outcome.valueOf(rs.getString(3)), Under18.valueOf(rs.getString(4)) != Under18.NO,
                            rs.getTimestamp(5).toInstant()));
                });
        return List.copyOf(found.values());
    }
}
