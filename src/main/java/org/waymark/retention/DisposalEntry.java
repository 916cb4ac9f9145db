package org.waymark.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * A line of the disposal register: a record masked or deleted, or a number of tallies or log
 * entries deleted together ({@code recordId} empty, {@code records} the number).
 *
 * @param action {@code MASKED} or {@code DELETED}
 */
public record DisposalEntry(long id, Instant occurredAt, RecordClass recordClass, String recordType, UUID recordId,
        String action, long records) {
}
