package org.waymark.engagement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import lombok.RequiredArgsConstructor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.flight.Airports;
import org.waymark.flight.Flights;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;

/**
 * Writes new tallies: checks that their officer may record in the operation now and that their
 * flight is the operation's, and inserts them. Officers at a gate tally in bursts, and a commit
 * and the checks cost the database more than the tally itself, so tallies that arrive together
 * are written together: one thread takes whatever is waiting, checks each operation and flight
 * once, inserts the lot with two batched statements and commits once, while each request waits
 * for its own. Alone, a tally is written at once; while others tally it waits a moment for
 * company, and under load the batches grow by themselves.
 * A tally that is anything but plainly allowed and new (a key sent before, a refusal, a
 * failure) is handed back to its request to be written alone, as if there were no batches.
 */
@Component
@RequiredArgsConstructor
class TallyWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TallyWriter.class);
    /** Enough to take a burst of every request thread at once. */
    static final int MAX_BATCH = 250;
    /**
     * How long a tally may wait for others to join its batch, when the batch before had company
     * (at a few hundred tallies a second most batches would otherwise hold one or two).
     */
    static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** A batch this recent, with company, says that others are tallying now. */
    static final long COMPANY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /**
     * How long a request waits for its batch before writing its tally alone: far longer than a
     * batch takes, and short enough that a writer stuck on something never holds an officer for
     * ever. Written alone, a tally its batch wrote meanwhile is found by its key and counts once.
     */
    static final long BATCH_WAIT_SECONDS = 10;

    /** A tally to write, with the id and the time it was sent, both settled by its request. */
    record NewTally(UUID id, OperationId operationId, Tally tally, String key, WaymarkUser user, Instant at) {
    }

    private record Waiting(NewTally tally, long since, CompletableFuture<Boolean> written) {
    }

    /** Where and when a tally counts, once allowed. */
    private record Row(NewTally tally, String country, ZoneId port) {
    }

    /** How long before a flight on the next day its passengers may be tallied. */
    static final Duration TALLY_LEAD = Duration.ofHours(6);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Operations operations;
    private final Flights flights;
    private final Airports airports;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private volatile Thread writer;

    /**
     * Writes the tally, in a batch with others when it can. Returns false, having written
     * nothing, when its officer may not record in the operation now.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the officer sent its key before
     * @throws RuleViolationException when its flight is not the operation's
     */
    boolean write(NewTally tally) {
        // Inside a caller's transaction the tally must commit or roll back with it.
        if (writer != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
            var waiting = new Waiting(tally, System.nanoTime(), new CompletableFuture<>());
            queue.add(waiting);
            if (writer == null) {
                handBackWaiting(); // stopped meanwhile, perhaps after handing back the others
            }
            if (writtenInBatch(waiting)) {
                return true;
            }
        }
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Optional<ZoneId> port = portIfMayRecordNow(tally.operationId(), tally.user());
            if (port.isEmpty()) {
                return false;
            }
            Flights.CountryAndTime flight = tally.tally().flightId() == null ? null
                    : flights.countryAndTimeOf(tally.tally().flightId(), tally.operationId()).orElseThrow(
                            () -> new RuleViolationException("tally.flight.notInOperation", "flightId"));
            if (flight != null && !due(flight, tally.at(), port.get())) {
                throw new UnprocessableException("tally.flight.notYet", "flightId");
            }
            insert(List.of(new Row(tally, flight == null ? null : flight.country(), port.get())));
            return true;
        }));
    }

    private boolean writtenInBatch(Waiting waiting) {
        try {
            return waiting.written().get(BATCH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            queue.remove(waiting);
            log.warn("A tally waited {} s for its batch and is written alone", BATCH_WAIT_SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a tally was written", e);
        }
    }

    /** Writes the tallies that are plainly allowed and new, in one transaction; hands back the rest. */
    private void writeTogether(List<Waiting> batch) {
        Set<Waiting> written = new HashSet<>();
        try {
            transaction.executeWithoutResult(status -> {
                Map<List<Object>, Optional<ZoneId>> ports = new HashMap<>();
                Map<List<Object>, Optional<Flights.CountryAndTime>> countries = new HashMap<>();
                Set<List<Object>> keys = new HashSet<>();
                List<Row> rows = new ArrayList<>();
                for (Waiting waiting : batch) {
                    NewTally tally = waiting.tally();
                    WaymarkUser user = tally.user();
                    Optional<ZoneId> port = !tallies(user) ? Optional.empty()
                            : ports.computeIfAbsent(List.of(tally.operationId(), user.agencyId()),
                                    k -> openPortForParticipant(tally.operationId(), user));
                    FlightId flightId = tally.tally().flightId();
                    Optional<Flights.CountryAndTime> flight = flightId == null ? Optional.empty()
                            : countries.computeIfAbsent(List.of(tally.operationId(), flightId),
                                    k -> flights.countryAndTimeOf(flightId, tally.operationId()));
                    // The second of a double tap is handed back, to be answered as a repeat of the first;
                    // so is a tally refused, to be refused on its own.
                    if (port.isPresent() && (flightId == null || flight.isPresent() && due(flight.get(), tally.at(),
                            port.get())) && keys.add(List.of(user.id(), tally.key()))) {
                        rows.add(new Row(tally, flight.map(Flights.CountryAndTime::country).orElse(null), port.get()));
                        written.add(waiting);
                    }
                }
                insert(rows);
            });
        } catch (RuntimeException e) {
            // A key sent before refuses the whole batch: each tally is then written on its own.
            log.debug("A batch of {} tallies is handed back to be written one by one: {}", batch.size(), e.toString());
            written.clear();
        } catch (Error e) {
            written.clear(); // rolled back: nothing of the batch is written
            throw e;
        } finally {
            for (Waiting waiting : batch) {
                waiting.written().complete(written.contains(waiting));
            }
        }
    }

    /**
     * Passengers of a flight are met on the day it flies, or in the hours before it when that is
     * the day before (a departure just after midnight): a tally on a flight further ahead is a
     * mistake that would count on a day still to come.
     */
    private static boolean due(Flights.CountryAndTime flight, Instant at, ZoneId port) {
        LocalDateTime now = LocalDateTime.ofInstant(at, port);
        return !flight.scheduled().toLocalDate().isAfter(now.toLocalDate())
                || !flight.scheduled().isAfter(now.plus(TALLY_LEAD));
    }

    /**
     * An officer or coordinator of an agency in an open operation; the port's time zone tells
     * the day the tally counts for.
     */
    private Optional<ZoneId> portIfMayRecordNow(OperationId operationId, WaymarkUser user) {
        return tallies(user) ? openPortForParticipant(operationId, user) : Optional.empty();
    }

    private static boolean tallies(WaymarkUser user) {
        return user.hasRole(Role.OFFICER) || user.hasRole(Role.COORDINATOR);
    }

    private Optional<ZoneId> openPortForParticipant(OperationId operationId, WaymarkUser user) {
        return operations.openPortForParticipant(operationId, user.agencyId()).map(airports::zoneOf);
    }

    private void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO engagement (id, operation_id, flight_id, country, location, passengers, leaflets,
                                        recorded_by, agency_id, recorded_at, recorded_on, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Row row = rows.get(i);
                NewTally t = row.tally();
                ps.setObject(1, t.id());
                ps.setObject(2, t.operationId().value());
                if (t.tally().flightId() == null) {
                    ps.setNull(3, Types.OTHER);
                } else {
                    ps.setObject(3, t.tally().flightId().value());
                }
                ps.setString(4, row.country());
                ps.setString(5, t.tally().location());
                ps.setInt(6, t.tally().passengers());
                ps.setInt(7, t.tally().leaflets());
                ps.setObject(8, t.user().id().value());
                ps.setObject(9, t.user().agencyId().value());
                ps.setTimestamp(10, Timestamp.from(t.at()));
                ps.setObject(11, t.at().atZone(row.port()).toLocalDate());
                ps.setString(12, t.key());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        List<Object[]> languages = new ArrayList<>();
        for (Row row : rows) {
            for (String language : row.tally().tally().languages()) {
                languages.add(new Object[] { row.tally().id(), language });
            }
        }
        if (!languages.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO engagement_language (engagement_id, language) VALUES (?, ?)", languages);
        }
    }

    private void writeBatches() {
        List<Waiting> batch = new ArrayList<>(MAX_BATCH);
        int lastSize = 0;
        long lastAt = 0;
        while (writer == Thread.currentThread()) {
            try {
                Waiting first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (lastSize > 1 && first.since() - lastAt < COMPANY_NANOS) {
                    // Others are tallying too: a moment's wait brings theirs into the same commit.
                    for (long wait; (wait = first.since() + GATHER_NANOS - System.nanoTime()) > 0;) {
                        LockSupport.parkNanos(wait);
                    }
                }
                queue.drainTo(batch, MAX_BATCH - 1);
                lastSize = batch.size();
                lastAt = System.nanoTime();
                writeTogether(batch);
            } catch (InterruptedException stopping) {
                break;
            } catch (Throwable e) {
                // The batch was handed back; the writer must live on for the tallies still to come.
                log.error("A batch of {} tallies failed and was handed back to be written one by one", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
        handBackWaiting();
    }

    private void handBackWaiting() {
        for (Waiting waiting; (waiting = queue.poll()) != null;) {
            waiting.written().complete(false);
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::writeBatches, "tally-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            thread.interrupt();
        }
        handBackWaiting();
    }

    /** Started before the web server and stopped after it, so that requests still being answered find it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }
}
