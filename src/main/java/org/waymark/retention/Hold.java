package org.waymark.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * A hold on a record under review, such as a complaint, an investigation or a subject access
 * request: the record is not disposed of while the hold stands. Lifted holds are kept.
 */
public record Hold(UUID id, HeldType recordType, UUID recordId, String reason, Instant placedAt, UUID placedBy,
        Instant liftedAt, UUID liftedBy) {

    public boolean active() {
        return liftedAt == null;
    }
}
