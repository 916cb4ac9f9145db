package org.waymark.passengerdata;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.Disposal;

/**
 * The disposal of passenger data on its retention clock, for the retention schedule, which
 * decides what is due and when. The clock runs from each flight's time: when it lands, or when
 * it leaves where no landing time came, or (without either time) from the end of the day after
 * the day it leaves.
 * <p>
 * Masking a flight replaces its travellers' names, document numbers, booking references,
 * payers' names and contacts with {@link Disposal#MARKER}, empties dates of birth and the rest of
 * the documents, and drops the keyed hashes of card and frequent flyer numbers; the travel agency
 * is not a person and stays. Masking a message empties the message as received, which holds
 * everything. Deleting a flight removes its travellers and bookings but keeps the flight's row,
 * with its count of passengers, marked as deleted; deleting a message removes it whole.
 * <p>
 * A traveller kept for an enhanced check is left alone by this clock, and so is its booking: it
 * is masked and deleted with the check.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PassengerDataDisposal {

    /** What the register and the audit log call a flight's passenger data. */
    public static final String FLIGHT = "PD_FLIGHT";
    /** What the register and the audit log call a message as received. */
    public static final String MESSAGE = "PD_MESSAGE";
    /** What the register and the audit log call a traveller kept for an enhanced check. */
    public static final String TRAVELLER = "PD_TRAVELLER";

    /** A flight or message and the moment its clock runs from. */
    public record Due(UUID id, Instant since) {
    }

    /** The flight's time, as the clock runs from it. */
    private static final String FLIGHT_TIME = "COALESCE(f.arrival_utc, f.departure_utc)";

    /** Travellers kept for a check. */
    private static final String KEPT = "SELECT traveller_id FROM pd_kept_for_check";

    /** Bookings of travellers kept for a check. */
    private static final String KEPT_BOOKINGS = """
            SELECT t.booking_id FROM pd_traveller t JOIN pd_kept_for_check k ON k.traveller_id = t.id
            WHERE t.booking_id IS NOT NULL""";

    private final JdbcClient jdbc;

    /** Flights not masked yet whose time is before {@code before}, oldest first. */
    @Transactional(readOnly = true)
    public List<Due> flightsToMask(Instant before) {
        return flights("f.masked_at IS NULL", before);
    }

    /** Flights not deleted yet whose time is before {@code before}, oldest first. */
    @Transactional(readOnly = true)
    public List<Due> flightsToDelete(Instant before) {
        return flights("f.deleted_at IS NULL", before);
    }

    /**
     * Of these flights, those whose time is before {@code before}, masked and deleted or not: for
     * the records other modules keep of a flight's passengers, which follow its clock.
     */
    @Transactional(readOnly = true)
    public List<Due> flightsPast(Collection<UUID> flightIds, Instant before) {
        List<Due> due = new ArrayList<>();
        List<UUID> ids = List.copyOf(flightIds);
        for (int i = 0; i < ids.size(); i += 500) {
            due.addAll(flights("f.id IN (:ids)", before, ids.subList(i, Math.min(ids.size(), i + 500))));
        }
        return due;
    }

    /**
     * Messages not masked yet: those whose every flight's time is before {@code before}, and those
     * that speak of no flight (failed, or never applied) received before it; oldest first.
     */
    @Transactional(readOnly = true)
    public List<Due> messagesToMask(Instant before) {
        return messages("m.masked_at IS NULL", before);
    }

    /**
     * Messages as {@link #messagesToMask} finds them but by the deletion clock, masked or not,
     * leaving out those with a traveller kept for a check, which wait for the check.
     */
    @Transactional(readOnly = true)
    public List<Due> messagesToDelete(Instant before) {
        return messages("""
                NOT EXISTS (SELECT 1 FROM pd_traveller t WHERE t.message_id = m.id AND t.id IN (%s))
                AND NOT EXISTS (SELECT 1 FROM pd_booking b WHERE b.message_id = m.id AND b.id IN (%s))"""
                .formatted(KEPT, KEPT_BOOKINGS), before);
    }

    /** Masks the flight's passenger data but what is kept for a check; whether it was masked now. */
    public boolean maskFlight(UUID flightId, Instant now) {
        int masked = jdbc.sql("UPDATE pd_flight SET masked_at = :now WHERE id = :id AND masked_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", flightId).update();
        if (masked == 0) {
            return false;
        }
        maskTravellers("flight_id = :id AND id NOT IN (" + KEPT + ")", flightId);
        maskBookings("flight_id = :id AND id NOT IN (" + KEPT_BOOKINGS + ")", flightId);
        return true;
    }

    /**
     * Deletes the masked flight's travellers and bookings but what is kept for a check, and marks
     * the flight deleted, its counts kept; whether it was deleted now.
     */
    public boolean deleteFlight(UUID flightId, Instant now) {
        int deleted = jdbc.sql("""
                UPDATE pd_flight SET deleted_at = :now WHERE id = :id AND masked_at IS NOT NULL AND deleted_at IS NULL""")
                .param("now", Timestamp.from(now)).param("id", flightId).update();
        if (deleted == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM pd_traveller WHERE flight_id = :id AND id NOT IN (" + KEPT + ")").param("id", flightId)
                .update();
        deleteBookings("flight_id = :id AND id NOT IN (" + KEPT_BOOKINGS + ")", flightId);
        return true;
    }

    /** Empties the message as received; whether it was masked now. A masked message can no longer be replayed. */
    public boolean maskMessage(UUID messageId, Instant now) {
        return jdbc.sql("UPDATE pd_message SET raw = NULL, masked_at = :now WHERE id = :id AND masked_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", messageId).update() > 0;
    }

    /**
     * Deletes the message whole, with its warnings and the list of flights it spoke of; whether it
     * was deleted now. One that a traveller or booking still comes from waits.
     */
    public boolean deleteMessage(UUID messageId) {
        long from = jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM pd_traveller WHERE message_id = :id)
                    + (SELECT COUNT(*) FROM pd_booking WHERE message_id = :id)""")
                .param("id", messageId).query(Long.class).single();
        if (from > 0) {
            return false;
        }
        jdbc.sql("DELETE FROM pd_message_warning WHERE message_id = :id").param("id", messageId).update();
        jdbc.sql("DELETE FROM pd_message_flight WHERE message_id = :id").param("id", messageId).update();
        return jdbc.sql("DELETE FROM pd_message WHERE id = :id").param("id", messageId).update() > 0;
    }

    /**
     * Masks the travellers kept for the check, and their bookings unless a traveller kept for
     * another check has them too; the travellers masked now.
     */
    public List<UUID> maskKeptFor(UUID checkId) {
        List<UUID> travellers = jdbc.sql("""
                SELECT t.id FROM pd_traveller t JOIN pd_kept_for_check k ON k.traveller_id = t.id
                WHERE k.check_id = :check AND t.family_name <> :marker ORDER BY t.id""")
                .param("check", checkId).param("marker", Disposal.MARKER).query(UUID.class).list();
        if (travellers.isEmpty()) {
            return travellers;
        }
        String ofCheck = "SELECT traveller_id FROM pd_kept_for_check WHERE check_id = :id";
        maskTravellers("id IN (" + ofCheck + ")", checkId);
        maskBookings("id IN (SELECT booking_id FROM pd_traveller WHERE id IN (" + ofCheck + "))"
                + " AND id NOT IN (" + keptBookingsOfOtherChecks() + ")", checkId);
        return travellers;
    }

    /**
     * Lets go of the travellers kept for the check, deleting those of flights deleted already (the
     * others go with their flight) and then the bookings nobody on them is left of; the
     * travellers deleted now.
     */
    public List<UUID> deleteKeptFor(UUID checkId) {
        List<UUID> travellers = jdbc.sql("""
                SELECT t.id FROM pd_traveller t JOIN pd_kept_for_check k ON k.traveller_id = t.id
                JOIN pd_flight f ON f.id = t.flight_id
                WHERE k.check_id = :check AND f.deleted_at IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM pd_kept_for_check o WHERE o.traveller_id = t.id AND o.check_id <> :check)
                ORDER BY t.id""").param("check", checkId).query(UUID.class).list();
        List<UUID> bookings = jdbc.sql("""
                SELECT DISTINCT t.booking_id FROM pd_traveller t JOIN pd_kept_for_check k ON k.traveller_id = t.id
                WHERE k.check_id = :check AND t.booking_id IS NOT NULL""").param("check", checkId)
                .query(UUID.class).list();
        jdbc.sql("DELETE FROM pd_kept_for_check WHERE check_id = :check").param("check", checkId).update();
        for (UUID traveller : travellers) {
            jdbc.sql("DELETE FROM pd_traveller WHERE id = :id").param("id", traveller).update();
        }
        for (UUID booking : bookings) {
            deleteBookings("""
                    id = :id AND NOT EXISTS (SELECT 1 FROM pd_traveller t WHERE t.booking_id = pd_booking.id)
                    AND EXISTS (SELECT 1 FROM pd_flight f WHERE f.id = pd_booking.flight_id AND f.deleted_at IS NOT NULL)""",
                    booking);
        }
        return travellers;
    }

    private String keptBookingsOfOtherChecks() {
        return KEPT_BOOKINGS + " AND k.check_id <> :id";
    }

    private void maskTravellers(String which, UUID id) {
        jdbc.sql("""
                UPDATE pd_traveller SET family_name = :marker,
                    given_names = CASE WHEN given_names IS NULL THEN NULL ELSE :marker END,
                    birth_date = NULL, document_type = NULL,
                    document_number = CASE WHEN document_number IS NULL THEN NULL ELSE :marker END,
                    document_country = NULL, document_expiry = NULL,
                    booking_locator = CASE WHEN booking_locator IS NULL THEN NULL ELSE :marker END,
                    reference = CASE WHEN reference IS NULL THEN NULL ELSE :marker END
                WHERE\s""" + which).param("marker", Disposal.MARKER).param("id", id).update();
    }

    private void maskBookings(String which, UUID id) {
        String bookings = "SELECT id FROM pd_booking WHERE " + which;
        jdbc.sql("UPDATE pd_contact SET normalised = :marker WHERE booking_id IN (" + bookings + ")")
                .param("marker", Disposal.MARKER).param("id", id).update();
        jdbc.sql("DELETE FROM pd_frequent_flyer WHERE booking_id IN (" + bookings + ")").param("id", id).update();
        jdbc.sql("""
                UPDATE pd_booking SET locator = :marker, card_hash = NULL,
                    payer_name = CASE WHEN payer_name IS NULL THEN NULL ELSE :marker END
                WHERE\s""" + which).param("marker", Disposal.MARKER).param("id", id).update();
    }

    private void deleteBookings(String which, UUID id) {
        String bookings = "SELECT id FROM pd_booking WHERE " + which;
        jdbc.sql("DELETE FROM pd_contact WHERE booking_id IN (" + bookings + ")").param("id", id).update();
        jdbc.sql("DELETE FROM pd_frequent_flyer WHERE booking_id IN (" + bookings + ")").param("id", id).update();
        jdbc.sql("UPDATE pd_traveller SET booking_id = NULL WHERE booking_id IN (" + bookings + ")").param("id", id)
                .update();
        jdbc.sql("DELETE FROM pd_booking WHERE " + which).param("id", id).update();
    }

    private List<Due> flights(String condition, Instant before) {
        return flights(condition, before, List.of());
    }

    private List<Due> flights(String condition, Instant before, List<UUID> ids) {
        var statement = jdbc.sql("""
                SELECT f.id, COALESCE(f.arrival_utc, f.departure_utc) AS since, f.departure_date FROM pd_flight f
                WHERE %s AND (%s < :before OR (%s IS NULL AND f.departure_date <= :lastDay))
                ORDER BY f.departure_date, f.id""".formatted(condition, FLIGHT_TIME, FLIGHT_TIME));
        if (!ids.isEmpty()) {
            statement = statement.param("ids", ids);
        }
        return statement.param("before", Timestamp.from(before)).param("lastDay", Date.valueOf(lastDay(before)))
                .query((rs, row) -> {
                    Timestamp since = rs.getTimestamp(2);
                    return new Due(rs.getObject(1, UUID.class), since != null ? since.toInstant()
                            : rs.getDate(3).toLocalDate().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
                })
                .list();
    }

    private List<Due> messages(String condition, Instant before) {
        return jdbc.sql("""
                SELECT m.id, m.received_at FROM pd_message m WHERE %s AND (
                    (NOT EXISTS (SELECT 1 FROM pd_message_flight mf WHERE mf.message_id = m.id) AND m.received_at < :before)
                    OR (EXISTS (SELECT 1 FROM pd_message_flight mf WHERE mf.message_id = m.id)
                        AND NOT EXISTS (SELECT 1 FROM pd_message_flight mf JOIN pd_flight f ON f.id = mf.flight_id
                            WHERE mf.message_id = m.id
                            AND (%s >= :before OR (%s IS NULL AND f.departure_date > :lastDay)))))
                ORDER BY m.received_at, m.id""".formatted(condition, FLIGHT_TIME, FLIGHT_TIME))
                .param("before", Timestamp.from(before)).param("lastDay", Date.valueOf(lastDay(before)))
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
    }

    /**
     * The last day of departure whose flight, without times, has outlived the clock at
     * {@code before}: such a flight's clock runs from midnight (UTC) two days after the day it leaves.
     */
    static LocalDate lastDay(Instant before) {
        return before.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate().minusDays(2);
    }
}
