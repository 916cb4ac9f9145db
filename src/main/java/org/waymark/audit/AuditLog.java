package org.waymark.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/**
 * Writes and reads the audit log. Entries are written as the event is published, in the
 * publisher's transaction: a change that cannot be logged does not happen. Entries are never
 * changed, and deleted only at the end of the log's retention period; reading the log through
 * its page or API is itself logged.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditLog {

    static final int MAX_DETAIL = 300;
    static final int MAX_RECORD_ID = 64;
    static final int MAX_DISCLOSED_TO = 300;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    void record(Auditable event) {
        Timestamp at = Timestamp.from(clock.instant());
        UUID user = event.actor() == null ? null : event.actor().userId().value();
        UUID agency = event.actor() == null ? null : event.actor().agencyId().value();
        List<String> recordIds = event.recordIds() == null || event.recordIds().isEmpty()
                ? Collections.singletonList(event.recordId()) : event.recordIds();
        List<Object[]> rows = new ArrayList<>(recordIds.size());
        for (String recordId : recordIds) {
            rows.add(new Object[] { at, user, agency, event.action(), event.recordType(), cut(recordId, MAX_RECORD_ID),
                    event.succeeded() ? "SUCCESS" : "FAILURE", cut(event.detail(), MAX_DETAIL),
                    cut(event.disclosedTo(), MAX_DISCLOSED_TO) });
        }
        // One statement for a list read of many records, sent as one batch.
        batch.batchUpdate("""
                INSERT INTO audit_entry (occurred_at, user_id, agency_id, action, record_type, record_id, outcome,
                    detail, disclosed_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /**
     * The newest entries first, {@code size} at a time, for someone reading the log: the read is
     * itself logged, with the filters used.
     */
    @Transactional
    public List<AuditEntry> read(AuditQuery query, int page, int size, Actor reader) {
        List<AuditEntry> found = find(query, page, size);
        record(new AuditRead(reader, query, page));
        return found;
    }

    /** The newest entries first, {@code size} at a time; not itself logged (see {@link #read}). */
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditQuery query, int page, int size) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        where(sql, params, "action", query.action());
        where(sql, params, "record_type", query.recordType());
        where(sql, params, "record_id", query.recordId());
        where(sql, params, "user_id", query.userId());
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("user_id", UUID.class), rs.getObject("agency_id", UUID.class),
                        rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"),
                        rs.getString("outcome"), rs.getString("detail"), rs.getString("disclosed_to")))
                .list();
    }

    /** How many entries are older than {@code before}. */
    @Transactional(readOnly = true)
    public long countBefore(Instant before) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE occurred_at < :before")
                .param("before", Timestamp.from(before)).query(Long.class).single();
    }

    /**
     * Deletes up to {@code batch} of the oldest entries older than {@code before}, at the end of
     * the log's retention period: the only way an entry ever leaves the log. Returns how many.
     */
    @Transactional
    public int deleteBefore(Instant before, int batch) {
        List<Long> ids = jdbc.sql("""
                SELECT id FROM audit_entry WHERE occurred_at < :before ORDER BY id FETCH FIRST %d ROWS ONLY"""
                .formatted(batch)).param("before", Timestamp.from(before)).query(Long.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM audit_entry WHERE id IN (:ids)").param("ids", ids).update();
    }

    private static void where(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
