package org.waymark.retention;

import java.util.UUID;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/**
 * Events of retention, each in the audit log: every disposal, by the system (no user), and every
 * hold placed or lifted and every run asked for, by the administrator. They carry identifiers only.
 */
public final class RetentionEvents {

    private RetentionEvents() {
    }

    /** A record masked or deleted at the end of its retention period. */
    public record RecordDisposed(RecordClass recordClass, String recordType, UUID id, String disposal)
            implements Auditable {
        public Actor actor() { return null; }
        public String action() { return "RECORD_" + disposal; }
        public String recordId() { return id.toString(); }
        public String detail() { return recordClass + " retention period ended"; }
    }

    /** Tallies or log entries deleted together at the end of their retention period. */
    public record RecordsDeleted(RecordClass recordClass, String recordType, long records) implements Auditable {
        public Actor actor() { return null; }
        public String action() { return "RECORDS_DELETED"; }
        public String recordId() { return null; }
        public String detail() { return records + " deleted: " + recordClass + " retention period ended"; }
    }

    public record HoldPlaced(UUID holdId, HeldType type, UUID heldId, Actor actor) implements Auditable {
        public String action() { return "RETENTION_HOLD_PLACED"; }
        public String recordType() { return type.name(); }
        public String recordId() { return heldId.toString(); }
        public String detail() { return "hold " + holdId; }
    }

    public record HoldLifted(UUID holdId, HeldType type, UUID heldId, Actor actor) implements Auditable {
        public String action() { return "RETENTION_HOLD_LIFTED"; }
        public String recordType() { return type.name(); }
        public String recordId() { return heldId.toString(); }
        public String detail() { return "hold " + holdId; }
    }

    /** An administrator asked for the daily run now. */
    public record RunRequested(Actor actor) implements Auditable {
        public String action() { return "RETENTION_RUN_REQUESTED"; }
        public String recordType() { return "RETENTION"; }
        public String recordId() { return null; }
    }
}
