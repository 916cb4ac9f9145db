package org.waymark.safeguarding;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.OperationId;

/**
 * An operation's checks in figures, whatever their status: how many, and how many closed with
 * each outcome. Counts only; the reports that use them decide who sees them.
 */
@Component
public class CheckFigures {

    /** The number of checks, and of each outcome (every outcome present, zero where none). */
    public record Figures(long checks, Map<Outcome, Long> outcomes) {
    }

    private final JdbcClient jdbc;

    CheckFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Figures of(OperationId operationId) {
        long checks = jdbc.sql("SELECT COUNT(*) FROM enhanced_check WHERE operation_id = ?")
                .param(operationId.value()).query(Long.class).single();
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
        jdbc.sql("""
                SELECT o.outcome, COUNT(*) AS checks FROM check_outcome o
                JOIN enhanced_check c ON c.id = o.check_id
                WHERE c.operation_id = ? GROUP BY o.outcome""")
                .param(operationId.value())
                .query(rs -> {
                    outcomes.put(Outcome.valueOf(rs.getString("outcome")), rs.getLong("checks"));
                });
        return new Figures(checks, outcomes);
    }
}
