package org.waymark.screening.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.flight.AskedToSpeakWith;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.shared.ConflictException;
import org.waymark.shared.FlightId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

/**
 * Requests to speak with a passenger, as officers see them on their flight's page: those of the
 * flight for the officers assigned to it and the coordinators of the agency that leads the
 * operation, nobody else (see ADR 0046). Each request shown is logged; an officer records what came of it, once.
 * Once its passenger data is masked, a request is no longer shown and takes no result.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class EngagementRequests implements AskedToSpeakWith {

    private final JdbcClient jdbc;
    private final Flights flights;
    private final Operations operations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Override
    @Transactional
    public List<PassengerRequest> shownTo(OperationId operation, FlightView flight, WaymarkUser user) {
        if (!sees(operation, flight, user)) {
            return List.of();
        }
        List<PassengerRequest> requests = jdbc.sql("""
                SELECT id, name, seat, description, why, asked_at, result, result_at FROM screening_request
                WHERE operation_id = :operation AND flight_id = :flight AND masked_at IS NULL ORDER BY asked_at, id""")
                .param("operation", operation.value()).param("flight", flight.id().value())
                .query((rs, row) -> new PassengerRequest(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("seat"), rs.getString("description"), rs.getString("why"),
                        Hits.instant(rs, "asked_at"), rs.getString("result"), Hits.instant(rs, "result_at")))
                .list();
        if (!requests.isEmpty()) {
            events.publishEvent(new ReviewEvents.RequestsRead(requests.stream().map(PassengerRequest::id).toList(),
                    user.actor()));
        }
        return requests;
    }

    /**
     * The flight's requests for the user, as the API gives them: not found for a flight of an
     * operation their agency does not take part in, refused for partners and analysts, and none
     * for an officer not assigned to the flight.
     */
    @Transactional
    public List<PassengerRequest> forFlight(OperationId operation, FlightId flight, WaymarkUser user) {
        return shownTo(operation, flights.get(operation, flight, user), user);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<FlightId, Integer> waitingByFlight(OperationId operation) {
        Map<FlightId, Integer> waiting = new HashMap<>();
        jdbc.sql("""
                SELECT flight_id, COUNT(*) FROM screening_request WHERE operation_id = :operation AND result IS NULL
                    AND masked_at IS NULL
                GROUP BY flight_id""").param("operation", operation.value())
                .query((rs, row) -> waiting.put(new FlightId(rs.getObject(1, UUID.class)), rs.getInt(2))).list();
        return waiting;
    }

    /**
     * Records what came of a request, once, by an officer assigned to its flight or a coordinator
     * of the lead agency; a second result is refused as a conflict.
     */
    @Transactional
    public void recordResult(OperationId operation, FlightId flight, UUID request, RequestResult result, String note,
            WaymarkUser user) {
        FlightView shown = flights.get(operation, flight, user);
        if (!sees(operation, shown, user)) {
            throw new AccessDeniedException("only the flight's officers and the coordinators record results");
        }
        Optional<Boolean> masked = jdbc.sql("SELECT masked_at IS NOT NULL FROM screening_request WHERE id = :id"
                + " AND operation_id = :operation AND flight_id = :flight").param("id", request)
                .param("operation", operation.value()).param("flight", flight.value()).query(Boolean.class).optional();
        if (masked.isEmpty()) {
            throw new NotFoundException("request", request);
        }
        if (masked.get()) {
            throw new ConflictException("screening.review.result.masked", "result");
        }
        if (result == null) {
            throw new RuleViolationException("screening.review.result.required", "result");
        }
        String typed = PlainText.typed(note == null ? null : note.replaceAll("\\R+", " "));
        PlainText.check(typed, MAX_NOTE, "screening.review.resultNote.tooLong", "resultNote");
        int recorded = jdbc.sql("""
                UPDATE screening_request SET result = :result, result_by = :user, result_at = :at, result_note = :note
                WHERE id = :id AND result IS NULL""").param("result", result.name()).param("user", user.id().value())
                .param("at", Timestamp.from(clock.instant())).param("note", typed).param("id", request).update();
        if (recorded == 0) {
            throw new ConflictException("screening.review.result.alreadyRecorded", "result");
        }
        events.publishEvent(new ReviewEvents.ResultRecorded(request, result.name(), user.actor()));
    }

    /** The officers assigned to the flight and the coordinators of the agency that leads the operation. */
    private boolean sees(OperationId operation, FlightView flight, WaymarkUser user) {
        return user.hasRole(Role.OFFICER) && flight.officers().contains(user.id())
                || user.hasRole(Role.COORDINATOR) && operations.leadAgencyOf(operation).equals(user.agencyId());
    }
}
