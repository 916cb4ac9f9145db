package org.waymark.flight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Schedule imports started from the page run in the background on the node that received the
 * file, so that the page can show how far a large file has got. Their progress and result are
 * kept in the database, so that any node of a cluster answers the page. Each import is visible
 * to the user who started it, for the operation it was started for, until an hour after it
 * finished. An unfinished import whose node stopped beating its heartbeat is shown as stopped.
 */
@Component
public class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration KEPT = Duration.ofHours(1);
    /** How often the node holding an import says it still does, queued or running. */
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** Four heartbeats missed: the node died or lost the database. */
    static final Duration STOPPED_AFTER = Duration.ofMinutes(2);
    /** The count of flights is written at most this often, besides at the end. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    /**
     * One import as the page shows it: the flights saved so far, then the result or the message
     * code of the problem that refused the whole file; stopped when its node stopped before it
     * finished.
     */
    public record Job(UUID id, int saved, ImportResult result, String problem, boolean stopped) {

        public boolean finished() {
            return result != null || problem != null;
        }

        public boolean running() {
            return !finished() && !stopped;
        }
    }

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "schedule-import-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    /** The imports this node holds, queued or running: the ones its heartbeat speaks for. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final Flights flights;
    private final JdbcClient jdbc;
    /**
     * Each write commits at once: progress is written from inside the import's own transaction,
     * which other nodes would not see until the whole file is saved.
     */
    private final TransactionTemplate ownTransaction;
    private final JsonMapper json;
    private final Clock clock;

    ImportJobs(Flights flights, JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json,
            Clock clock) {
        this.flights = flights;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Starts importing the file in the background; returns the import's id for its page. */
    public UUID start(OperationId operation, byte[] file, WaymarkUser user) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        ownTransaction.executeWithoutResult(status -> {
            // An import's heartbeat is last written when it finishes or stops: an hour on, it is forgotten.
            jdbc.sql("DELETE FROM schedule_import WHERE heartbeat < :forgotten")
                    .param("forgotten", Timestamp.from(now.minus(KEPT))).update();
            jdbc.sql("""
                    INSERT INTO schedule_import (id, started_by, operation_id, started_at, saved, heartbeat)
                    VALUES (:id, :user, :operation, :now, 0, :now)""")
                    .param("id", id).param("user", user.id().value()).param("operation", operation.value())
                    .param("now", Timestamp.from(now)).update();
        });
        held.add(id);
        executor.submit(() -> run(id, operation, file, user));
        return id;
    }

    /** The import, if this user started it for this operation and it is not yet forgotten. */
    public Optional<Job> find(UUID id, OperationId operation, WaymarkUser user) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT id, saved, heartbeat, finished_at, result, problem FROM schedule_import
                WHERE id = :id AND started_by = :user AND operation_id = :operation AND heartbeat >= :forgotten""")
                .param("id", id).param("user", user.id().value()).param("operation", operation.value())
                .param("forgotten", Timestamp.from(now.minus(KEPT)))
                .query((rs, row) -> job(rs, now)).optional();
    }

    private Job job(ResultSet rs, Instant now) throws SQLException {
        String result = rs.getString("result");
        boolean finished = rs.getTimestamp("finished_at") != null;
        boolean stopped = !finished && rs.getTimestamp("heartbeat").toInstant().isBefore(now.minus(STOPPED_AFTER));
        return new Job(rs.getObject("id", UUID.class), rs.getInt("saved"),
                result == null ? null : json.readValue(result, ImportResult.class), rs.getString("problem"), stopped);
    }

    private void run(UUID id, OperationId operation, byte[] file, WaymarkUser user) {
        try {
            finished(id, flights.importSchedule(operation, file, user, new Progress(id)));
        } catch (RuleViolationException e) {
            refused(id, e.messageCode());
        } catch (RuntimeException e) {
            log.error("Schedule import {} failed", id, e);
            refused(id, "error.500.text");
        } finally {
            held.remove(id);
        }
    }

    private void finished(UUID id, ImportResult result) {
        String written = json.writeValueAsString(result);
        recordEnd(id, () -> jdbc.sql("""
                UPDATE schedule_import SET saved = :saved, result = :result, heartbeat = :now, finished_at = :now
                WHERE id = :id""").param("saved", result.accepted()).param("result", written)
                .param("now", Timestamp.from(clock.instant())).param("id", id).update());
    }

    private void refused(UUID id, String problem) {
        recordEnd(id, () -> jdbc.sql("""
                UPDATE schedule_import SET problem = :problem, heartbeat = :now, finished_at = :now
                WHERE id = :id""").param("problem", problem)
                .param("now", Timestamp.from(clock.instant())).param("id", id).update());
    }

    private void recordEnd(UUID id, Runnable update) {
        try {
            ownTransaction.executeWithoutResult(status -> update.run());
        } catch (DataAccessException e) {
            // The page will show it as stopped, and importing the file again skips what was saved.
            log.error("The end of schedule import {} could not be recorded", id, e);
        }
    }

    /** Writes the count of flights saved, at most once every PROGRESS_EVERY. */
    private final class Progress implements IntConsumer {

        private final UUID id;
        private Instant written = clock.instant();

        Progress(UUID id) {
            this.id = id;
        }

        @Override
        public void accept(int saved) {
            Instant now = clock.instant();
            if (now.isBefore(written.plus(PROGRESS_EVERY))) {
                return;
            }
            written = now;
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.sql(
                        "UPDATE schedule_import SET saved = :saved, heartbeat = :now WHERE id = :id")
                        .param("saved", saved).param("now", Timestamp.from(now)).param("id", id).update());
            } catch (DataAccessException e) {
                // A count missed is no reason to stop the import: the next one, or the end, is written.
                log.warn("Progress of schedule import {} could not be written", id, e);
            }
        }
    }

    /** Says for every import this node holds that it still holds it. */
    void beat() {
        List<UUID> ids = List.copyOf(held);
        if (ids.isEmpty()) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(
                    "UPDATE schedule_import SET heartbeat = :now WHERE id IN (:ids) AND finished_at IS NULL")
                    .param("now", Timestamp.from(clock.instant())).param("ids", ids).update());
        } catch (RuntimeException e) {
            // An exception would end the schedule; the next beat tries again.
            log.warn("Heartbeat of {} schedule imports could not be written", ids.size(), e);
        }
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        executor.shutdownNow();
    }
}
