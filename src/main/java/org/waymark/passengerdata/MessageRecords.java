package org.waymark.passengerdata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.passengerdata.Receipt.Failure;
import org.waymark.passengerdata.Receipt.FlightSeen;
import org.waymark.passengerdata.Receipt.Warning;
import org.waymark.passengerdata.edifact.MessageType;
import org.waymark.passengerdata.edifact.ParseWarning;
import org.waymark.passengerdata.edifact.ParsedInterchange;
import org.waymark.shared.PlainText;
import org.waymark.shared.UserId;

/** The received messages: stored once each, with what became of them. */
@Repository
@RequiredArgsConstructor
class MessageRecords {

    private final JdbcClient jdbc;
    private final RowMapper<Receipt> receipts = this::receipt;

    /** A message as first stored: read (or not), never applied yet. */
    record NewMessage(String hash, byte[] raw, int size, String from, UserId sender, Instant receivedAt,
            ParsedInterchange parsed, Failure failure) {
    }

    Optional<UUID> byHash(String hash) {
        return jdbc.sql("SELECT id FROM pd_message WHERE content_hash = :hash").param("hash", hash).query(UUID.class)
                .optional();
    }

    /** Stores the message: RECEIVED when it was read (it is applied next), FAILED when it could not be. */
    UUID store(NewMessage message) {
        UUID id = UUID.randomUUID();
        ParsedInterchange parsed = message.parsed();
        jdbc.sql("""
                INSERT INTO pd_message (id, received_at, received_from, sender_user_id, content_hash, raw, size_bytes,
                    status, type, version, sender, reference, prepared_at, passengers, bookings,
                    failure, failure_segment, failure_position)
                VALUES (:id, :receivedAt, :from, :sender, :hash, :raw, :size, :status, :type, :version, :interchangeSender,
                    :reference, :preparedAt, :passengers, :bookings, :failure, :failureSegment, :failurePosition)""")
                .param("id", id).param("receivedAt", Timestamp.from(message.receivedAt()))
                .param("from", message.from())
                .param("sender", message.sender() == null ? null : message.sender().value())
                .param("hash", message.hash()).param("raw", message.raw()).param("size", message.size())
                .param("status", (parsed == null ? MessageStatus.FAILED : MessageStatus.RECEIVED).name())
                .param("type", parsed == null ? null : parsed.type().name())
                .param("version", parsed == null ? null : cut(parsed.version(), 10))
                .param("interchangeSender", parsed == null ? null : cut(parsed.sender(), 100))
                .param("reference", parsed == null ? null : cut(parsed.reference(), 100))
                .param("preparedAt", parsed == null || parsed.preparedAt() == null ? null
                        : Timestamp.valueOf(parsed.preparedAt()))
                .param("passengers", parsed == null ? 0 : parsed.passengers())
                .param("bookings", parsed == null ? 0 : parsed.bookings())
                .param("failure", message.failure() == null ? null : cut(message.failure().message(), 1000))
                .param("failureSegment", message.failure() == null ? null : cut(message.failure().segment(), 10))
                .param("failurePosition", message.failure() == null ? null : message.failure().position())
                .update();
        if (parsed != null) {
            warn(id, parsed.warnings());
        }
        return id;
    }

    void warn(UUID id, List<ParseWarning> warnings) {
        int first = jdbc.sql("SELECT COUNT(*) FROM pd_message_warning WHERE message_id = :id").param("id", id)
                .query(Integer.class).single();
        int ordinal = first;
        for (ParseWarning warning : warnings) {
            jdbc.sql("""
                    INSERT INTO pd_message_warning (message_id, ordinal, segment, position, text)
                    VALUES (:id, :ordinal, :segment, :position, :text)""")
                    .param("id", id).param("ordinal", ordinal++).param("segment", cut(warning.segment(), 10))
                    .param("position", warning.position()).param("text", cut(warning.text(), 500)).update();
        }
    }

    void flights(UUID id, List<UUID> flights) {
        int ordinal = 0;
        for (UUID flight : flights) {
            jdbc.sql("INSERT INTO pd_message_flight (message_id, ordinal, flight_id) VALUES (:id, :ordinal, :flight)")
                    .param("id", id).param("ordinal", ordinal++).param("flight", flight).update();
        }
    }

    /**
     * Locks the message's row for the applying transaction; whether it still waits to be applied
     * (a second replay at the same moment waits here, then finds it applied).
     */
    boolean claim(UUID id) {
        return jdbc.sql("SELECT status FROM pd_message WHERE id = :id FOR UPDATE").param("id", id).query(String.class)
                .optional().filter(status -> MessageStatus.RECEIVED.name().equals(status)
                        || MessageStatus.QUEUED.name().equals(status))
                .isPresent();
    }

    /** A message the queue did not take: stored and not applied, for a replay to apply (unless a node applied it meanwhile). */
    void unqueue(UUID id) {
        jdbc.sql("UPDATE pd_message SET status = 'RECEIVED' WHERE id = :id AND status = 'QUEUED'").param("id", id)
                .update();
    }

    /** A message stored and not applied, put on the queue again: whether it was still waiting (not applied meanwhile). */
    boolean requeue(UUID id) {
        return jdbc.sql("UPDATE pd_message SET status = 'QUEUED' WHERE id = :id AND status IN ('RECEIVED', 'QUEUED')")
                .param("id", id).update() == 1;
    }

    /** The message's status, if it is kept. */
    Optional<MessageStatus> statusOf(UUID id) {
        return jdbc.sql("SELECT status FROM pd_message WHERE id = :id").param("id", id).query(String.class)
                .optional().map(MessageStatus::valueOf);
    }

    /**
     * Marks a message that waits to be applied (queued, or stored and not applied) as failed, with
     * the reason; whether it did (not when it was applied meanwhile).
     */
    boolean fail(UUID id, Failure failure) {
        return jdbc.sql("""
                UPDATE pd_message SET status = 'FAILED', failure = :failure, failure_segment = :segment,
                    failure_position = :position
                WHERE id = :id AND status IN ('QUEUED', 'RECEIVED')""")
                .param("id", id).param("failure", cut(failure.message(), 1000))
                .param("segment", cut(failure.segment(), 10)).param("position", failure.position()).update() > 0;
    }

    void status(UUID id, MessageStatus status) {
        jdbc.sql("UPDATE pd_message SET status = :status WHERE id = :id").param("status", status.name())
                .param("id", id).update();
    }

    /** The raw message for a replay, and where it came from; empty once masked. */
    Optional<NewMessage> forReplay(UUID id) {
        return jdbc.sql("""
                SELECT content_hash, raw, size_bytes, received_from, sender_user_id, received_at FROM pd_message
                WHERE id = :id AND raw IS NOT NULL""").param("id", id)
                .query((rs, row) -> new NewMessage(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, UUID.class) == null ? null : new UserId(rs.getObject(5, UUID.class)),
                        rs.getTimestamp(6).toInstant(), null, null))
                .optional();
    }

    /**
     * Replaces what an earlier reading found with what a replay found; whether it did (not when
     * the message was applied meanwhile).
     */
    boolean reread(UUID id, byte[] raw, ParsedInterchange parsed, Failure failure) {
        int changed = jdbc.sql("""
                UPDATE pd_message SET raw = :raw, status = :status, type = :type, version = :version,
                    sender = :sender, reference = :reference, prepared_at = :preparedAt, passengers = :passengers,
                    bookings = :bookings, failure = :failure, failure_segment = :failureSegment,
                    failure_position = :failurePosition
                WHERE id = :id AND status IN ('FAILED', 'RECEIVED')""")
                .param("id", id).param("raw", raw)
                .param("status", (parsed == null ? MessageStatus.FAILED : MessageStatus.RECEIVED).name())
                .param("type", parsed == null ? null : parsed.type().name())
                .param("version", parsed == null ? null : cut(parsed.version(), 10))
                .param("sender", parsed == null ? null : cut(parsed.sender(), 100))
                .param("reference", parsed == null ? null : cut(parsed.reference(), 100))
                .param("preparedAt", parsed == null || parsed.preparedAt() == null ? null
                        : Timestamp.valueOf(parsed.preparedAt()))
                .param("passengers", parsed == null ? 0 : parsed.passengers())
                .param("bookings", parsed == null ? 0 : parsed.bookings())
                .param("failure", failure == null ? null : cut(failure.message(), 1000))
                .param("failureSegment", failure == null ? null : cut(failure.segment(), 10))
                .param("failurePosition", failure == null ? null : failure.position())
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM pd_message_warning WHERE message_id = :id").param("id", id).update();
        if (parsed != null) {
            warn(id, parsed.warnings());
        }
        return true;
    }

    Optional<Receipt> receipt(UUID id) {
        return jdbc.sql(RECEIPT + " WHERE id = :id").param("id", id).query(receipts).optional();
    }

    /** Messages newest first, of one status or any, of one sender or any. */
    List<Receipt> list(MessageStatus status, UserId sender, int limit) {
        String where = " WHERE 1 = 1" + (status == null ? "" : " AND status = :status")
                + (sender == null ? "" : " AND sender_user_id = :sender");
        var query = jdbc.sql(RECEIPT + where + " ORDER BY received_at DESC, id LIMIT :limit").param("limit", limit);
        if (status != null) {
            query = query.param("status", status.name());
        }
        if (sender != null) {
            query = query.param("sender", sender.value());
        }
        return query.query(receipts).list();
    }

    Optional<UserId> senderOf(UUID id) {
        return jdbc.sql("SELECT sender_user_id FROM pd_message WHERE id = :id").param("id", id)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class)).map(UserId::new)).optional()
                .flatMap(sender -> sender);
    }

    private static final String RECEIPT = """
            SELECT id, status, type, passengers, bookings, failure, failure_segment, failure_position, received_at,
                received_from FROM pd_message""";

    private Receipt receipt(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String failure = rs.getString("failure");
        Integer position = rs.getObject("failure_position") == null ? null : rs.getInt("failure_position");
        String type = rs.getString("type");
        return new Receipt(id, MessageStatus.valueOf(rs.getString("status")),
                type == null ? null : MessageType.valueOf(type), flightsOf(id), rs.getInt("passengers"),
                rs.getInt("bookings"), warningsOf(id), false,
                failure == null ? null : new Failure(failure, rs.getString("failure_segment"), position),
                rs.getTimestamp("received_at").toInstant(), rs.getString("received_from"));
    }

    private List<Warning> warningsOf(UUID id) {
        return jdbc.sql("SELECT segment, position, text FROM pd_message_warning WHERE message_id = :id ORDER BY ordinal")
                .param("id", id)
                .query((rs, row) -> new Warning(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    }

    private List<FlightSeen> flightsOf(UUID id) {
        return jdbc.sql("""
                SELECT f.carrier, f.number, f.origin, f.destination, f.departure_local, f.departure_utc,
                    f.arrival_local, f.arrival_utc
                FROM pd_message_flight m JOIN pd_flight f ON f.id = m.flight_id
                WHERE m.message_id = :id ORDER BY m.ordinal""").param("id", id)
                .query((rs, row) -> new FlightSeen(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        atOffset(rs.getTimestamp(5), rs.getTimestamp(6)), atOffset(rs.getTimestamp(7), rs.getTimestamp(8))))
                .list();
    }

    /** A local time with the offset its port had then (the difference to the same moment in UTC). */
    static OffsetDateTime atOffset(Timestamp local, Timestamp utc) {
        if (local == null || utc == null) {
            return null;
        }
        var localTime = local.toLocalDateTime();
        long seconds = java.time.Duration.between(utc.toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime(), localTime)
                .getSeconds();
        return localTime.atOffset(ZoneOffset.ofTotalSeconds((int) seconds));
    }

    /**
     * Text from a message as kept: without control characters or direction overrides (which
     * PostgreSQL refuses, in the case of NUL, and which would break or disguise a page), no
     * longer than its column.
     */
    static String cut(String text, int max) {
        String kept = PlainText.withoutControlCharacters(text);
        return kept == null || kept.length() <= max ? kept : kept.substring(0, max);
    }
}
