package org.waymark.engagement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.flight.FlightFigures;
import org.waymark.shared.FlightId;

/**
 * Folds tallies that can no longer be taken back into the counts per place and day, so that
 * the figures of an operation cost as much to read with a million tallies as with a thousand.
 * Each tally is marked with the batch that folds it, in the same transaction, so that it is
 * counted once: a tally being taken back at the same moment is either taken back first (and
 * not counted) or finds itself folded (and may no longer be taken back). A backlog, after
 * downtime or an upgrade, is folded in batches that each commit, so that no transaction grows
 * with it.
 */
@Component
@RequiredArgsConstructor
class Folding {

    /** Past the undo window, with room for a request still on its way to the database. */
    static final Duration AFTER = Engagements.UNDO_WINDOW.plusMinutes(1);

    /** Tallies folded in one transaction, or a few more where several were recorded at the same instant. */
    static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final FlightFigures flights;
    private final Clock clock;
    /** Whether every count has its flight's country, as every one folded since does. */
    private volatile boolean countsPlaced;

    /** Folds everything due; returns the number of tallies folded (taken-back ones included). */
    public int fold() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(AFTER));
        int folded = 0;
        Batch batch = new Batch(0, null);
        do {
            Timestamp after = batch.until();
            batch = transaction.execute(status -> foldBatch(after, cutoff));
            folded += batch.marked();
        } while (batch.until() != null);
        if (!countsPlaced) {
            countsPlaced = placeCountsFromBefore();
        }
        return folded;
    }

    /** How many tallies a batch folded, and the time of the last of them, unless it was the last batch. */
    private record Batch(int marked, Timestamp until) {
    }

    /**
     * Gives counts of flights folded from tallies recorded before tallies carried their flight's
     * country the country, a batch of flights at a time; after the first fold there are none.
     */
    private boolean placeCountsFromBefore() {
        List<FlightId> unplaced;
        do {
            unplaced = jdbc.sql("""
                    SELECT DISTINCT flight_id FROM engagement_count WHERE flight_id IS NOT NULL AND country IS NULL
                    FETCH FIRST 1000 ROWS ONLY""")
                    .query((rs, row) -> new FlightId(rs.getObject(1, UUID.class))).list();
            Map<FlightId, String> countries = flights.countries(unplaced);
            transaction.executeWithoutResult(status -> countries.forEach((flight, country) -> jdbc.sql(
                    "UPDATE engagement_count SET country = :country WHERE flight_id = :flight AND country IS NULL")
                    .param("country", country).param("flight", flight.value()).update()));
            if (countries.size() < unplaced.size()) {
                return false; // a flight that is no more: nothing to place it by
            }
        } while (!unplaced.isEmpty());
        return true;
    }

    /**
     * Folds the earliest due tallies recorded after the last batch, up to the time of the
     * BATCH-th of them. Starting after the last batch spares PostgreSQL from stepping over the
     * index entries the earlier batches left behind until vacuum.
     */
    private Batch foldBatch(Timestamp after, Timestamp cutoff) {
        String since = after == null ? "" : " AND recorded_at > :after";
        Timestamp until = jdbc.sql("""
                SELECT recorded_at FROM engagement WHERE fold_batch IS NULL AND recorded_at < :cutoff%s
                ORDER BY recorded_at OFFSET :last ROWS FETCH NEXT 1 ROW ONLY""".formatted(since))
                .param("cutoff", cutoff).param("last", BATCH - 1).param("after", after)
                .query(Timestamp.class).optional().orElse(null);
        UUID batch = UUID.randomUUID();
        int marked = jdbc.sql("UPDATE engagement SET fold_batch = :batch WHERE fold_batch IS NULL" + since
                + (until == null ? " AND recorded_at < :until" : " AND recorded_at <= :until"))
                .param("batch", batch).param("after", after).param("until", until == null ? cutoff : until).update();
        if (marked == 0) {
            return new Batch(0, until);
        }
        jdbc.sql("""
                SELECT operation_id, flight_id, location, recorded_on, MAX(country), SUM(passengers), SUM(leaflets)
                FROM engagement WHERE fold_batch = :batch AND undone_at IS NULL
                GROUP BY operation_id, flight_id, location, recorded_on""")
                .param("batch", batch)
                .query((rs, row) -> new PlaceSum(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getLong(6),
                        rs.getLong(7)))
                .list().forEach(this::add);
        jdbc.sql("""
                SELECT e.operation_id, l.language, SUM(e.passengers) FROM engagement e
                JOIN engagement_language l ON l.engagement_id = e.id
                WHERE e.fold_batch = :batch AND e.undone_at IS NULL
                GROUP BY e.operation_id, l.language""")
                .param("batch", batch)
                .query((rs, row) -> new LanguageSum(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .list().forEach(this::add);
        return new Batch(marked, until);
    }

    private record PlaceSum(UUID operation, UUID flight, String location, LocalDate day, String country,
            long passengers, long leaflets) {
    }

    private record LanguageSum(UUID operation, String language, long passengers) {
    }

    private void add(PlaceSum sum) {
        String place = sum.flight() != null ? sum.flight().toString() : "@" + sum.location();
        int updated = jdbc.sql("""
                UPDATE engagement_count SET passengers = passengers + :passengers, leaflets = leaflets + :leaflets,
                       country = COALESCE(country, :country)
                WHERE operation_id = :operation AND place = :place AND recorded_on = :day""")
                .param("passengers", sum.passengers()).param("leaflets", sum.leaflets()).param("country", sum.country())
                .param("operation", sum.operation()).param("place", place).param("day", sum.day()).update();
        if (updated == 0) {
            // Another instance inserting the same row at once fails this fold whole; the next one takes it.
            jdbc.sql("""
                    INSERT INTO engagement_count (operation_id, place, flight_id, location, country, recorded_on,
                                                  passengers, leaflets)
                    VALUES (:operation, :place, :flight, :location, :country, :day, :passengers, :leaflets)""")
                    .param("operation", sum.operation()).param("place", place).param("flight", sum.flight())
                    .param("country", sum.country())
                    .param("location", sum.location()).param("day", sum.day()).param("passengers", sum.passengers())
                    .param("leaflets", sum.leaflets()).update();
        }
    }

    private void add(LanguageSum sum) {
        int updated = jdbc.sql("""
                UPDATE engagement_language_count SET passengers = passengers + :passengers
                WHERE operation_id = :operation AND language = :language""")
                .param("passengers", sum.passengers()).param("operation", sum.operation())
                .param("language", sum.language()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO engagement_language_count (operation_id, language, passengers)
                    VALUES (:operation, :language, :passengers)""")
                    .param("operation", sum.operation()).param("language", sum.language())
                    .param("passengers", sum.passengers()).update();
        }
    }
}
