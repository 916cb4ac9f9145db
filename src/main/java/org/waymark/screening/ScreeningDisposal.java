package org.waymark.screening;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.screening.review.HitStatus;
import org.waymark.shared.Disposal;

/**
 * The masking of screening's hits and requests to officers on their passenger data's clock, for
 * the retention schedule, which decides when a passenger-data flight is due. Masking a flight's
 * hits replaces the name, reasons, notes and whom it was referred to with {@link Disposal#MARKER},
 * empties the seat, replaces the person key (a hash of names and date of birth) with one of the
 * hit's own, forgets the traveller's row and, for a watch list, the entry that matched (it names
 * a person; the list stays). Its requests lose name, seat, how to find them, why and the
 * officer's note. What the figures count stays: the operation, the flights, the kind, the rule
 * and its version, the list, the decision and the result. A hit still open can no longer be acted
 * on and is closed as {@link HitStatus#EXPIRED}. Masked hits name no one and are kept, so that
 * each rule's and list's precision reads the same.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ScreeningDisposal {

    /** What the register and the audit log call a hit. */
    public static final String HIT = "SCREENING_HIT";
    /** What the register and the audit log call a request to speak with a passenger. */
    public static final String REQUEST = "ENGAGEMENT_REQUEST";

    /** The most flights asked about in one statement. */
    private static final int BATCH = 500;

    private final JdbcClient jdbc;

    /** What masking one flight's screening records masked now. */
    public record Masked(List<UUID> hits, List<UUID> requests) {
    }

    /** The passenger-data flights that have hits not masked yet. */
    @Transactional(readOnly = true)
    public List<UUID> flightsToMask() {
        return jdbc.sql("SELECT DISTINCT pd_flight_id FROM screening_hit WHERE masked_at IS NULL ORDER BY pd_flight_id")
                .query(UUID.class).list();
    }

    /** The hits and requests not masked yet of these passenger-data flights: each one record to mask. */
    @Transactional(readOnly = true)
    public List<UUID> toMask(Collection<UUID> pdFlights) {
        List<UUID> ids = new ArrayList<>();
        List<UUID> flights = List.copyOf(pdFlights);
        for (int i = 0; i < flights.size(); i += BATCH) {
            List<UUID> batch = flights.subList(i, Math.min(flights.size(), i + BATCH));
            ids.addAll(jdbc.sql("SELECT id FROM screening_hit WHERE masked_at IS NULL AND pd_flight_id IN (:flights)")
                    .param("flights", batch).query(UUID.class).list());
            ids.addAll(jdbc.sql("""
                    SELECT r.id FROM screening_request r JOIN screening_hit h ON h.id = r.hit_id
                    WHERE r.masked_at IS NULL AND h.pd_flight_id IN (:flights)""")
                    .param("flights", batch).query(UUID.class).list());
        }
        return ids;
    }

    /** Masks the hits of the passenger-data flight and their requests; those masked now. */
    public Masked maskFlight(UUID pdFlightId, Instant now) {
        List<UUID> hits = jdbc.sql("""
                SELECT id FROM screening_hit WHERE pd_flight_id = :flight AND masked_at IS NULL ORDER BY id""")
                .param("flight", pdFlightId).query(UUID.class).list();
        List<UUID> requests = jdbc.sql("""
                SELECT r.id FROM screening_request r JOIN screening_hit h ON h.id = r.hit_id
                WHERE h.pd_flight_id = :flight AND r.masked_at IS NULL ORDER BY r.id""")
                .param("flight", pdFlightId).query(UUID.class).list();
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                UPDATE screening_request SET name = :marker, seat = NULL, description = :marker, why = :marker,
                    result_note = CASE WHEN result_note IS NULL THEN NULL ELSE :marker END, masked_at = :at
                WHERE masked_at IS NULL
                AND hit_id IN (SELECT id FROM screening_hit WHERE pd_flight_id = :flight)""")
                .param("marker", Disposal.MARKER).param("at", at).param("flight", pdFlightId).update();
        jdbc.sql("""
                UPDATE screening_hit SET person_key = :marker || ' ' || CAST(id AS VARCHAR(36)), traveller_id = NULL,
                    name = :marker, seat = NULL, reasons = :marker,
                    decision_note = CASE WHEN decision_note IS NULL THEN NULL ELSE :marker END,
                    referred_to = CASE WHEN referred_to IS NULL THEN NULL ELSE :marker END,
                    source_id = CASE WHEN kind = 'WATCH_LIST' THEN id ELSE source_id END,
                    status = CASE WHEN status = :open THEN :expired ELSE status END, masked_at = :at
                WHERE pd_flight_id = :flight AND masked_at IS NULL""")
                .param("marker", Disposal.MARKER).param("open", HitStatus.OPEN.name())
                .param("expired", HitStatus.EXPIRED.name()).param("at", at).param("flight", pdFlightId).update();
        return new Masked(hits, requests);
    }
}
