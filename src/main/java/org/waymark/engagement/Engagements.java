package org.waymark.engagement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationStatus;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.shared.ConflictException;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;

/**
 * Records tallies exactly once per idempotency key and adds them up. Officers and coordinators
 * of the participating agencies record; everyone who sees the operation sees the totals.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Engagements {

    /** How long an officer may take back their last entry. */
    public static final Duration UNDO_WINDOW = Duration.ofMinutes(2);
    /** How far the clocks of two instances may disagree about when a tally was sent. */
    static final Duration CLOCKS_APART = Duration.ofMinutes(1);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Operations operations;
    private final TallyWriter writer;
    private final EngagementFigures figures;
    private final Clock clock;

    /** A recorded tally, and whether this call recorded it (false: the key had been seen). */
    public record Recorded(Engagement engagement, boolean created) {
    }

    /**
     * Records the tally unless this user already sent one with the same key, in which case the
     * first one is returned: a retried or double-tapped submission counts once. The earlier
     * entry is looked for only when the key was seen, or when recording is refused.
     */
    public Recorded record(OperationId operationId, Tally tally, String idempotencyKey, WaymarkUser user) {
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw new RuleViolationException("tally.idempotencyKey.invalid", "Idempotency-Key");
        }
        UUID id = UUID.randomUUID();
        // Microseconds, as the databases keep them, so that a repeat answers with the very same body.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            if (!writer.write(new TallyWriter.NewTally(id, operationId, tally, idempotencyKey, user, now))) {
                // Not allowed now; a repeat of a tally sent while it was allowed still gets its answer.
                Optional<Engagement> earlier = find(operationId, user, idempotencyKey);
                if (earlier.isPresent()) {
                    return repeated(earlier.get(), tally);
                }
                mayRecord(operationId, user);
                throw new AccessDeniedException("only officers and coordinators of participating agencies tally");
            }
        } catch (DuplicateKeyException keySeenBefore) {
            return repeated(find(operationId, user, idempotencyKey)
                    .orElseThrow(() -> new ConflictException("tally.idempotencyKey.reused", "Idempotency-Key")), tally);
        }
        return new Recorded(new Engagement(id, tally.flightId(), tally.location(), tally.passengers(),
                List.copyOf(new TreeSet<>(tally.languages())), tally.leaflets(), now, now.plus(UNDO_WINDOW)), true);
    }

    /**
     * The answer to a key sent again: the first tally, when this is the same one resent. Other
     * numbers under the same key are refused rather than answered as if they had been counted.
     */
    private static Recorded repeated(Engagement earlier, Tally tally) {
        boolean same = Objects.equals(earlier.flightId(), tally.flightId())
                && Objects.equals(earlier.location(), tally.location()) && earlier.passengers() == tally.passengers()
                && earlier.leaflets() == tally.leaflets() && Set.copyOf(earlier.languages()).equals(tally.languages());
        if (!same) {
            throw new UnprocessableException("tally.idempotencyKey.otherTally", "Idempotency-Key");
        }
        return new Recorded(earlier, false);
    }

    /**
     * The user's most recent entry in the operation, while they may still take it back. An entry
     * dated further ahead than the clocks of two instances could disagree was not sent just now
     * (the demo's week of tallies may lie ahead), so it is not the one to take back.
     */
    public Optional<Engagement> undoable(OperationId operationId, WaymarkUser user) {
        Instant now = clock.instant();
        return select("WHERE e.operation_id = :operation AND e.recorded_by = :user AND e.undone_at IS NULL "
                + "AND e.recorded_at > :since AND e.recorded_at < :ahead ORDER BY e.recorded_at DESC",
                Map.of("operation", operationId.value(), "user", user.id().value(), "since",
                        Timestamp.from(now.minus(UNDO_WINDOW)), "ahead", Timestamp.from(now.plus(CLOCKS_APART))))
                .stream().findFirst();
    }

    /** Takes back the user's own last entry, within two minutes of sending it. */
    public void undo(OperationId operationId, UUID engagementId, WaymarkUser user) {
        if (operations.get(operationId, user).status() == OperationStatus.CLOSED) {
            throw new ConflictException("operation.closed", null);
        }
        Engagement last = undoable(operationId, user)
                .orElseThrow(() -> new ConflictException("tally.undo.tooLate", null));
        if (!last.id().equals(engagementId)) {
            throw new ConflictException("tally.undo.notLast", null);
        }
        // Not once folded into the counts: then it is too late, however the clocks disagree.
        Integer undone = transaction.execute(status -> jdbc.sql(
                "UPDATE engagement SET undone_at = :now WHERE id = :id AND undone_at IS NULL AND fold_batch IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("id", engagementId).update());
        if (undone == null || undone == 0) {
            throw new ConflictException("tally.undo.tooLate", null);
        }
    }

    /** Everything counted; partners and analysts, who see no flights, get no per-flight figures. */
    public Totals totals(OperationId operationId, WaymarkUser user) {
        boolean seesFlights = operations.get(operationId, user).plan() != null;
        EngagementFigures.Sums sums = figures.sums(List.of(operationId));
        return new Totals(sums.passengers(), sums.leaflets(), !seesFlights ? List.of()
                : figures.passengersByFlight(operationId).entrySet().stream()
                        .map(entry -> new Totals.FlightTotal(entry.getKey(), entry.getValue())).toList());
    }

    /** Passengers recorded so far on one flight, or at one place, of the operation. */
    public long recordedAt(OperationId operationId, FlightId flightId, String location) {
        return figures.passengersAt(operationId, flightId, location);
    }

    /** Officers and coordinators of the participating agencies record, while the operation is open. */
    public boolean mayRecord(OperationView operation, WaymarkUser user) {
        return operation.plan() != null && operation.status() != OperationStatus.CLOSED
                && (user.hasRole(Role.OFFICER) || user.hasRole(Role.COORDINATOR))
                && operation.plan().agencyIds().contains(user.agencyId());
    }

    /** Explains a refusal: not found, closed, or not allowed. */
    private void mayRecord(OperationId operationId, WaymarkUser user) {
        OperationView operation = operations.get(operationId, user);
        if (operation.status() == OperationStatus.CLOSED) {
            throw new ConflictException("operation.closed", null);
        }
        if (!mayRecord(operation, user)) {
            throw new AccessDeniedException("only officers and coordinators of participating agencies tally");
        }
    }

    /** The user's earlier submission with this key in this operation; a key is the user's, per operation. */
    private Optional<Engagement> find(OperationId operationId, WaymarkUser user, String key) {
        return select("WHERE e.recorded_by = :user AND e.idempotency_key = :key AND e.operation_id = :operation",
                Map.of("user", user.id().value(), "key", key, "operation", operationId.value())).stream().findFirst();
    }

    private List<Engagement> select(String where, Map<String, Object> params) {
        Map<UUID, Set<String>> languages = new HashMap<>();
        List<Engagement> found = jdbc.sql("""
                SELECT e.id, e.flight_id, e.location, e.passengers, e.leaflets, e.recorded_at, e.undone_at
                FROM engagement e
                """ + where).params(params)
                .query((rs, row) -> {
                    Instant at = rs.getTimestamp("recorded_at").toInstant();
                    return new Engagement(rs.getObject("id", UUID.class),
                            rs.getObject("flight_id", UUID.class) == null ? null
                                    : new FlightId(rs.getObject("flight_id", UUID.class)),
                            rs.getString("location"), rs.getInt("passengers"), List.of(), rs.getInt("leaflets"), at,
                            rs.getTimestamp("undone_at") == null ? at.plus(UNDO_WINDOW) : null);
                }).list();
        if (found.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT engagement_id, language FROM engagement_language WHERE engagement_id IN (:ids)")
                .param("ids", found.stream().map(Engagement::id).toList())
                .query((rs, row) -> languages.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashSet<>())
                        .add(rs.getString(2)))
                .list();
        return found.stream().map(e -> new Engagement(e.id(), e.flightId(), e.location(), e.passengers(),
                List.copyOf(new TreeSet<>(languages.getOrDefault(e.id(), Set.of()))), e.leaflets(), e.recordedAt(),
                e.undoableUntil())).toList();
    }
}
