package org.waymark.engagement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deletion of single tallies at the end of their retention period, for the retention
 * schedule. Only tallies already folded into the counts per place and day are deleted, so the
 * figures never change: the counts are kept; only the rows behind them go.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TallyDisposal {

    /** Tallies deleted in one transaction. */
    static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Folding folding;
    private final TransactionTemplate transaction;

    /** How many tallies were recorded before {@code before}. */
    public long countBefore(Instant before) {
        return jdbc.sql("SELECT COUNT(*) FROM engagement WHERE recorded_at < :before")
                .param("before", Timestamp.from(before)).query(Long.class).single();
    }

    /**
     * Folds what is due, then deletes the folded tallies recorded before {@code before}, in
     * batches that each commit; returns how many were deleted.
     */
    public long deleteBefore(Instant before) {
        folding.fold();
        long deleted = 0;
        Integer batch;
        do {
            batch = transaction.execute(status -> deleteBatch(before));
            deleted += batch;
        } while (batch >= BATCH);
        return deleted;
    }

    private int deleteBatch(Instant before) {
        List<UUID> ids = jdbc.sql("""
                SELECT id FROM engagement WHERE fold_batch IS NOT NULL AND recorded_at < :before
                ORDER BY recorded_at FETCH FIRST %d ROWS ONLY""".formatted(BATCH))
                .param("before", Timestamp.from(before)).query(UUID.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM engagement_language WHERE engagement_id IN (:ids)").param("ids", ids).update();
        jdbc.sql("DELETE FROM engagement WHERE id IN (:ids)").param("ids", ids).update();
        return ids.size();
    }
}
