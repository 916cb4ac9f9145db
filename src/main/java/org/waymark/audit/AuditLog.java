package org.waymark.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/**
 * Writes and reads the audit log. Entries are written as the event is published, in the
 * publisher's transaction: a change that cannot be logged does not happen. Entries are never
 * changed, and deleted only at the end of the log's retention period; reading the log through
 * its page or API is itself logged. A record read more than once in one web request is logged
 * once.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditLog {

    static final int MAX_DETAIL = 300;
    static final int MAX_RECORD_ID = 64;
    static final int MAX_DISCLOSED_TO = 300;

    private static final String READS_LOGGED = AuditLog.class.getName() + ".READS_LOGGED";

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
        Set<String> readsLogged = readsLoggedInThisRequest(event);
        List<String> newReads = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(recordIds.size());
        for (String recordId : recordIds) {
            if (readsLogged != null) {
                String read = String.join("|", String.valueOf(user), String.valueOf(agency), event.action(),
                        event.recordType(), String.valueOf(recordId), String.valueOf(event.succeeded()),
                        String.valueOf(event.detail()), String.valueOf(event.disclosedTo()));
                if (!readsLogged.add(read)) {
                    continue;
                }
                newReads.add(read);
            }
            rows.add(new Object[] { at, user, agency, event.action(), event.recordType(), cut(recordId, MAX_RECORD_ID),
                    event.succeeded() ? "SUCCESS" : "FAILURE", cut(event.detail(), MAX_DETAIL),
                    cut(event.disclosedTo(), MAX_DISCLOSED_TO) });
        }
        if (rows.isEmpty()) {
            return;
        }
        forgetIfRolledBack(readsLogged, newReads);
        // One statement for a list read of many records, sent as one batch.
        batch.batchUpdate("""
                INSERT INTO audit_entry (occurred_at, user_id, agency_id, action, record_type, record_id, outcome,
                    detail, disclosed_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /**
     * The reads already logged in this web request, when the event is a read ({@code ..._READ})
     * made in one; null otherwise. A page put together from several services (or a list showing
     * several requests of one check) reads the same record more than once: the log says once
     * that it was shown, as the person saw it once. See ADR 0035.
     */
    private static Set<String> readsLoggedInThisRequest(Auditable event) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || event.action() == null || !event.action().endsWith("_READ")) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Set<String> logged = (Set<String>) request.getAttribute(READS_LOGGED, RequestAttributes.SCOPE_REQUEST);
        if (logged == null) {
            logged = new HashSet<>();
            request.setAttribute(READS_LOGGED, logged, RequestAttributes.SCOPE_REQUEST);
        }
        return logged;
    }

    /** A read whose entry was rolled back with its transaction is logged again by the next read. */
    private static void forgetIfRolledBack(Set<String> readsLogged, List<String> reads) {
        if (readsLogged == null || reads.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    reads.forEach(readsLogged::remove);
                }
            }
        });
    }

    /** The actions in the log, to choose from. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry").query(String.class).list();
    }

    /** The record types in the log, to choose from. */
    @Transactional(readOnly = true)
    public List<String> recordTypes() {
        return jdbc.sql("SELECT DISTINCT record_type FROM audit_entry").query(String.class).list();
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
        List<Object> params = new ArrayList<>();
        StringBuilder sql = filtered("SELECT * FROM audit_entry", query, params);
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

    /** How many entries match; not itself logged. */
    @Transactional(readOnly = true)
    public long count(AuditQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = filtered("SELECT COUNT(*) FROM audit_entry", query, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static StringBuilder filtered(String select, AuditQuery query, List<Object> params) {
        StringBuilder sql = new StringBuilder(select).append(" WHERE 1 = 1");
        where(sql, params, "action", query.action());
        where(sql, params, "record_type", query.recordType());
        where(sql, params, "record_id", query.recordId());
        where(sql, params, "user_id", query.userId());
        where(sql, params, "agency_id", query.agencyId());
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.until() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(Timestamp.from(query.until()));
        }
        return sql;
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
