package org.waymark.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.retention.RetentionEvents.RecordDisposed;
import org.waymark.retention.RetentionEvents.RecordsDeleted;

/** The register of disposals, written with the audit log in the disposal's own transaction. */
@Component
@RequiredArgsConstructor
class DisposalRegister {

    static final String MASKED = "MASKED";
    static final String DELETED = "DELETED";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** One record masked or deleted. */
    void record(RecordClass recordClass, HeldType type, UUID id, String action) {
        record(recordClass, type.name(), id, action);
    }

    /** One record masked or deleted, of a type that cannot be held. */
    void record(RecordClass recordClass, String recordType, UUID id, String action) {
        insert(recordClass, recordType, id, action, 1);
        events.publishEvent(new RecordDisposed(recordClass, recordType, id, action));
    }

    /** Tallies or log entries deleted together. */
    void deleted(RecordClass recordClass, String recordType, long records) {
        insert(recordClass, recordType, null, DELETED, records);
        events.publishEvent(new RecordsDeleted(recordClass, recordType, records));
    }

    /** The newest entries first, {@code size} at a time. */
    @Transactional(readOnly = true)
    List<DisposalEntry> page(int page, int size) {
        return jdbc.sql("""
                SELECT id, occurred_at, record_class, record_type, record_id, action, records FROM retention_disposal
                ORDER BY id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY""")
                .param("offset", (long) page * size).param("size", size)
                .query((rs, row) -> new DisposalEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        RecordClass.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, UUID.class),
                        rs.getString(6), rs.getLong(7)))
                .list();
    }

    private void insert(RecordClass recordClass, String recordType, UUID id, String action, long records) {
        jdbc.sql("""
                INSERT INTO retention_disposal (occurred_at, record_class, record_type, record_id, action, records)
                VALUES (:at, :class, :type, :id, :action, :records)""")
                .param("at", Timestamp.from(clock.instant())).param("class", recordClass.name())
                .param("type", recordType).param("id", id).param("action", action).param("records", records)
                .update();
    }
}
