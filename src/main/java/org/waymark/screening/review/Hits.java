package org.waymark.screening.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.passengerdata.Purpose;
import org.waymark.screening.passenger.ScreenedFlights;
import org.waymark.shared.ConflictException;
import org.waymark.shared.FlightId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;

/**
 * What screening found, waiting for a person: hits recorded once each, an operation's review
 * queue, one hit opened, and the reviewer's decision. Only users with the passenger data role
 * whose agency takes part in the operation see its queue, always with a purpose stated (see
 * ADR 0046); every hit shown is logged with it. Nothing reaches an officer but by a decision to
 * ask them.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Hits {

    /**
     * The neutral words a request to officers starts with: why to speak with someone, never the
     * suspicion that found them.
     */
    public static final String NEUTRAL_WHY_CODE = "screening.review.why.neutral";

    /** The most hits a queue shows at once. */
    public static final int QUEUE_LIMIT = 500;

    private final JdbcClient jdbc;
    private final Operations operations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A hit as the queue lists it. */
    public record QueueRow(UUID id, String name, String seat, Instant departure, HitKind kind, String title,
            int priority, Double score, HitStatus status) {
    }

    /**
     * An operation's queue: open hits first, those of flights still to come first, each by departure
     * then priority; and how many are open, decided, and expired (nobody decided before their
     * passenger data was masked); and whether hits were left out to keep it short.
     */
    public record Queue(OperationId operation, String operationName, List<QueueRow> hits, int open, int decided,
            int expired, boolean cut) {
    }

    /** How many hits of an operation are open, decided, and expired undecided: nothing of a person. */
    public record Counts(int open, int decided, int expired) {
    }

    /** The request a decision to ask made, as the reviewer sees it. */
    public record RequestView(UUID id, String description, String why, Instant askedAt, RequestResult result,
            Instant resultAt, String resultNote) {
    }

    /**
     * One hit with all a reviewer reads.
     *
     * @param travellerId the traveller's row when the hit was recorded or last refreshed; it may be gone
     * @param reasons why, one sentence each
     * @param request the request to officers, once a reviewer asked; null otherwise
     */
    public record HitView(UUID id, OperationId operation, String operationName, FlightId flight, UUID pdFlightId,
            UUID travellerId, String name, String seat, Instant departure, HitKind kind, UUID sourceId,
            UUID sourceOwnerId, String title, int priority, Double score, List<String> reasons, HitStatus status,
            Instant decidedAt, String note, String referredTo, Instant foundAt, RequestView request) {
    }

    /** What a decision did: the status the hit took and, for a decision to ask, the request made. */
    public record Decided(UUID hit, HitStatus status, UUID request) {
    }

    /**
     * Records a hit once for its operation, passenger-data flight, person, kind and source: the
     * same hit recorded again (a later message, or several at once) keeps one. While it is open,
     * a later recording refreshes its traveller, name, seat, departure, title, priority, score and
     * reasons; once decided it stays as the reviewer saw it. Each statement stands on its own, so
     * that two recordings at once cannot spoil a caller's transaction. Returns the hit's id.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public UUID record(NewHit hit) {
        if (hit.operation() == null || hit.flight() == null || hit.pdFlightId() == null || hit.personKey() == null
                || hit.kind() == null || hit.sourceId() == null) {
            throw new IllegalArgumentException("a hit needs its operation, flights, person, kind and source");
        }
        Optional<UUID> found = find(hit);
        if (found.isPresent()) {
            refresh(hit);
            return found.get();
        }
        try {
            jdbc.sql("""
                    INSERT INTO screening_hit (id, operation_id, flight_id, pd_flight_id, traveller_id, person_key, name,
                        seat, departure, kind, source_id, source_owner_id, title, priority, score, reasons, status, found_at)
                    VALUES (:id, :operation, :flight, :pdFlight, :traveller, :person, :name, :seat, :departure, :kind,
                        :source, :owner, :title, :priority, :score, :reasons, 'OPEN', :at)""")
                    .param("id", UUID.randomUUID()).param("operation", hit.operation().value())
                    .param("flight", hit.flight().value()).param("pdFlight", hit.pdFlightId())
                    .param("traveller", hit.travellerId()).param("person", hit.personKey())
                    .param("name", cut(hit.name(), 300, "")).param("seat", cut(hit.seat(), 10, null))
                    .param("departure", timestamp(hit.departure())).param("kind", hit.kind().name())
                    .param("source", hit.sourceId()).param("owner", hit.sourceOwnerId())
                    .param("title", cut(hit.title(), 300, "")).param("priority", hit.priority())
                    .param("score", hit.score()).param("reasons", reasons(hit.reasons()))
                    .param("at", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException recordedAtOnce) {
            refresh(hit);
        }
        return find(hit).orElseThrow();
    }

    /** How many hits of the operation are open and decided; nothing of a person, so no purpose is asked. */
    @Transactional(readOnly = true)
    public Counts counts(OperationId operation, WaymarkUser user) {
        reviewerOf(operation, user);
        return counts(operation);
    }

    /** The operation's queue, for the purpose stated: each hit shown is logged with it. */
    @Transactional
    public Queue queue(OperationId operation, Purpose purpose, WaymarkUser user) {
        String name = reviewerOf(operation, user);
        List<QueueRow> rows = jdbc.sql("""
                SELECT id, name, seat, departure, kind, title, priority, score, status FROM screening_hit
                WHERE operation_id = :operation
                ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END,
                    CASE WHEN departure >= :stillToCome THEN 0 WHEN departure IS NULL THEN 1 ELSE 2 END,
                    CASE WHEN departure >= :stillToCome THEN departure END, departure DESC, priority, found_at, id
                FETCH FIRST %d ROWS ONLY""".formatted(QUEUE_LIMIT)).param("operation", operation.value())
                // Flights still to come, soonest first, then those gone, latest first: whom officers can still meet.
                .param("stillToCome", Timestamp.from(clock.instant().minus(ScreenedFlights.STILL_TO_COME)))
                .query((rs, row) -> new QueueRow(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("seat"), instant(rs, "departure"), HitKind.valueOf(rs.getString("kind")),
                        rs.getString("title"), rs.getInt("priority"), (Double) rs.getObject("score", Double.class),
                        HitStatus.valueOf(rs.getString("status"))))
                .list();
        if (!rows.isEmpty()) {
            events.publishEvent(new ReviewEvents.HitsListed(rows.stream().map(QueueRow::id).toList(),
                    purpose.detail(), user.actor()));
        }
        Counts counts = counts(operation);
        return new Queue(operation, name, rows, counts.open(), counts.decided(), counts.expired(),
                rows.size() < counts.open() + counts.decided() + counts.expired());
    }

    /** The operation a hit is of, if the user may review it; nothing of the person. */
    @Transactional(readOnly = true)
    public OperationId operationOf(UUID hit, WaymarkUser user) {
        mayReview(user);
        OperationId operation = jdbc.sql("SELECT operation_id FROM screening_hit WHERE id = :id").param("id", hit)
                .query(UUID.class).optional().map(OperationId::new)
                .orElseThrow(() -> new NotFoundException("hit", hit));
        if (operations.statusForParticipant(operation, user.agencyId()).isEmpty()) {
            throw new NotFoundException("hit", hit);
        }
        return operation;
    }

    /** One hit, for the purpose stated for its operation; the read is logged. */
    @Transactional
    public HitView hit(UUID id, Purpose purpose, WaymarkUser user) {
        OperationId operation = operationOf(id, user);
        HitView hit = load(id, operations.outline(operation).name());
        events.publishEvent(new ReviewEvents.HitRead(id, purpose.detail(), user.actor()));
        return hit;
    }

    /**
     * A reviewer's decision, made once: a second decision, or one made at the same moment by
     * someone else, is refused as a conflict. A decision to ask makes the request officers of the
     * flight see.
     */
    @Transactional
    public Decided decide(UUID id, Decision decision, WaymarkUser user) {
        OperationId operation = operationOf(id, user);
        Decision checked = checked(decision);
        Instant now = clock.instant();
        if (checked.kind() == Decision.Kind.ASK && flightGone(id, now)) {
            // Officers meet people at the gate: a flight that left long ago has nobody left to meet.
            throw new UnprocessableException("screening.review.decision.flightGone",
                    Map.of("decision", "screening.review.decision.flightGone"));
        }
        int decided = jdbc.sql("""
                UPDATE screening_hit SET status = :status, decided_by = :user, decided_at = :at, decision_note = :note,
                    referred_to = :referredTo
                WHERE id = :id AND status = 'OPEN'""").param("status", checked.kind().status().name())
                .param("user", user.id().value()).param("at", Timestamp.from(now)).param("note", checked.note())
                .param("referredTo", checked.referredTo()).param("id", id).update();
        if (decided == 0) {
            boolean expired = jdbc.sql("SELECT status FROM screening_hit WHERE id = :id").param("id", id)
                    .query(String.class).single().equals(HitStatus.EXPIRED.name());
            throw new ConflictException(expired ? "screening.review.decision.expired"
                    : "screening.review.decision.alreadyMade", "decision");
        }
        UUID request = null;
        UUID waiting = checked.kind() == Decision.Kind.ASK ? waitingRequestForThePerson(id) : null;
        if (waiting != null) {
            // Officers are asked about them on this flight already (another rule or list found them): one request.
            askedThrough(id, waiting);
            return finish(id, checked, user, null, waiting);
        }
        if (checked.kind() == Decision.Kind.ASK) {
            request = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO screening_request (id, hit_id, operation_id, flight_id, name, seat, description, why,
                        asked_by, asked_at)
                    SELECT :request, id, operation_id, flight_id, name, seat, :description, :why, :user, :at
                    FROM screening_hit WHERE id = :id""").param("request", request).param("id", id)
                    .param("description", checked.description()).param("why", checked.why())
                    .param("user", user.id().value()).param("at", Timestamp.from(now)).update();
            askedThrough(id, request);
        }
        return finish(id, checked, user, request, request);
    }

    /** The request a hit was asked through, so that the officer's result counts for its rule or list too. */
    private void askedThrough(UUID hit, UUID request) {
        jdbc.sql("UPDATE screening_hit SET request_id = :request WHERE id = :id").param("request", request)
                .param("id", hit).update();
    }

    private Decided finish(UUID id, Decision decision, WaymarkUser user, UUID made, UUID request) {
        events.publishEvent(new ReviewEvents.HitDecided(id, decision.kind().status().name(), user.actor()));
        if (made != null) {
            events.publishEvent(new ReviewEvents.EngagementRequested(made, user.actor()));
        }
        return new Decided(id, decision.kind().status(), request);
    }

    /** The request officers of the hit's flight have about the same person and have not answered yet, if any. */
    private UUID waitingRequestForThePerson(UUID hit) {
        return jdbc.sql("""
                SELECT r.id FROM screening_request r JOIN screening_hit asked ON asked.id = r.hit_id
                JOIN screening_hit mine ON mine.id = :id
                WHERE r.operation_id = mine.operation_id AND r.flight_id = mine.flight_id
                    AND asked.person_key = mine.person_key AND r.result IS NULL
                ORDER BY r.asked_at FETCH FIRST 1 ROWS ONLY""").param("id", hit).query(UUID.class).optional()
                .orElse(null);
    }

    private boolean flightGone(UUID hit, Instant now) {
        Timestamp departure = jdbc.sql("SELECT departure FROM screening_hit WHERE id = :id").param("id", hit)
                .query(Timestamp.class).optional().orElse(null);
        return departure != null && departure.toInstant().isBefore(now.minus(ScreenedFlights.STILL_TO_COME));
    }

    /** Whether the user may review hits at all (with a purpose stated for each operation). */
    public static boolean mayReviewHits(WaymarkUser user) {
        return user != null && user.hasRole(Role.PASSENGER_DATA);
    }

    private static void mayReview(WaymarkUser user) {
        if (!mayReviewHits(user)) {
            throw new AccessDeniedException("hits are reviewed only by those with the passenger data role");
        }
    }

    /** The operation's name, if the user reviews its hits: their agency takes part in it. */
    private String reviewerOf(OperationId operation, WaymarkUser user) {
        mayReview(user);
        if (operations.statusForParticipant(operation, user.agencyId()).isEmpty()) {
            throw new NotFoundException("operation", operation);
        }
        return operations.outline(operation).name();
    }

    /** The decision with its texts trimmed, or every problem of it at once. */
    static Decision checked(Decision decision) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (decision == null || decision.kind() == null) {
            throw new UnprocessableException("screening.review.decision.required",
                    Map.of("decision", "screening.review.decision.required"));
        }
        String description = null;
        String why = null;
        String note = null;
        String referredTo = null;
        switch (decision.kind()) {
            case ASK -> {
                description = text(decision.description(), Decision.MAX_TEXT, "description", true, problems);
                why = text(decision.why(), Decision.MAX_TEXT, "why", true, problems);
            }
            case NO_CONCERN -> note = text(decision.note(), Decision.MAX_TEXT, "note", false, problems);
            case REFER_ELSEWHERE -> referredTo = text(decision.referredTo(), Decision.MAX_REFERRED_TO, "referredTo",
                    true, problems);
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableException(problems.values().iterator().next(), problems);
        }
        return new Decision(decision.kind(), description, why, note, referredTo);
    }

    /** Typed text on one line, checked: line breaks become spaces; other control characters are refused. */
    private static String text(String value, int max, String field, boolean required, Map<String, String> problems) {
        String typed = PlainText.typed(value == null ? null : value.replaceAll("\\R+", " "));
        if (typed == null) {
            if (required) {
                problems.put(field, "screening.review." + field + ".required");
            }
            return null;
        }
        try {
            PlainText.check(typed, max, "screening.review." + field + ".tooLong", field);
        } catch (RuleViolationException e) {
            problems.put(field, e.messageCode());
        }
        return typed;
    }

    private Counts counts(OperationId operation) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN status NOT IN ('OPEN', 'EXPIRED') THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN status = 'EXPIRED' THEN 1 ELSE 0 END), 0)
                FROM screening_hit WHERE operation_id = :operation""").param("operation", operation.value())
                .query((rs, row) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    private HitView load(UUID id, String operationName) {
        // Its own request, or the one made about the same person on the flight that it joined when asked about.
        Optional<RequestView> request = jdbc.sql("""
                SELECT r.id, r.description, r.why, r.asked_at, r.result, r.result_at, r.result_note
                FROM screening_request r JOIN screening_hit mine ON mine.request_id = r.id
                WHERE mine.id = :id""").param("id", id)
                .query((rs, row) -> new RequestView(rs.getObject("id", UUID.class), rs.getString("description"),
                        rs.getString("why"), instant(rs, "asked_at"),
                        rs.getString("result") == null ? null : RequestResult.valueOf(rs.getString("result")),
                        instant(rs, "result_at"), rs.getString("result_note")))
                .optional();
        return jdbc.sql("SELECT * FROM screening_hit WHERE id = :id").param("id", id)
                .query((rs, row) -> new HitView(id, new OperationId(rs.getObject("operation_id", UUID.class)),
                        operationName, new FlightId(rs.getObject("flight_id", UUID.class)),
                        rs.getObject("pd_flight_id", UUID.class), rs.getObject("traveller_id", UUID.class),
                        rs.getString("name"), rs.getString("seat"), instant(rs, "departure"),
                        HitKind.valueOf(rs.getString("kind")), rs.getObject("source_id", UUID.class),
                        rs.getObject("source_owner_id", UUID.class), rs.getString("title"), rs.getInt("priority"),
                        (Double) rs.getObject("score", Double.class),
                        Arrays.stream(rs.getString("reasons").split("\n")).filter(line -> !line.isBlank()).toList(),
                        HitStatus.valueOf(rs.getString("status")), instant(rs, "decided_at"),
                        rs.getString("decision_note"), rs.getString("referred_to"), instant(rs, "found_at"),
                        request.orElse(null)))
                .single();
    }

    private Optional<UUID> find(NewHit hit) {
        return jdbc.sql("""
                SELECT id FROM screening_hit WHERE operation_id = :operation AND pd_flight_id = :pdFlight
                    AND person_key = :person AND kind = :kind AND source_id = :source""")
                .param("operation", hit.operation().value()).param("pdFlight", hit.pdFlightId())
                .param("person", hit.personKey()).param("kind", hit.kind().name()).param("source", hit.sourceId())
                .query(UUID.class).optional();
    }

    /** What a later message says of an open hit; a decided hit stays as the reviewer saw it. */
    private void refresh(NewHit hit) {
        jdbc.sql("""
                UPDATE screening_hit SET traveller_id = :traveller, name = :name, seat = :seat, departure = :departure,
                    title = :title, priority = :priority, score = :score, reasons = :reasons
                WHERE operation_id = :operation AND pd_flight_id = :pdFlight AND person_key = :person
                    AND kind = :kind AND source_id = :source AND status = 'OPEN'""")
                .param("traveller", hit.travellerId()).param("name", cut(hit.name(), 300, ""))
                .param("seat", cut(hit.seat(), 10, null)).param("departure", timestamp(hit.departure()))
                .param("title", cut(hit.title(), 300, "")).param("priority", hit.priority())
                .param("score", hit.score()).param("reasons", reasons(hit.reasons()))
                .param("operation", hit.operation().value()).param("pdFlight", hit.pdFlightId())
                .param("person", hit.personKey()).param("kind", hit.kind().name()).param("source", hit.sourceId())
                .update();
    }

    /** The reasons one a line, without control characters, within the column. */
    private static String reasons(List<String> reasons) {
        String lines = reasons == null ? "" : reasons.stream().filter(reason -> reason != null && !reason.isBlank())
                .map(reason -> PlainText.withoutControlCharacters(reason.replaceAll("\\R+", " ")).strip())
                .collect(Collectors.joining("\n"));
        return lines.length() > 4000 ? lines.substring(0, 4000) : lines;
    }

    private static String cut(String text, int max, String none) {
        String plain = PlainText.withoutControlCharacters(text);
        if (plain == null || plain.isBlank()) {
            return none;
        }
        plain = plain.strip();
        return plain.length() > max ? plain.substring(0, max) : plain;
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }
}
