package org.waymark.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for reading the audit log; a null filter matches everything. {@code from} is the first
 * moment included, {@code until} the first moment left out.
 */
public record AuditQuery(String action, String recordType, String recordId, UUID userId, UUID agencyId,
        Instant from, Instant until) {

    public AuditQuery(String action, String recordType, String recordId, UUID userId) {
        this(action, recordType, recordId, userId, null, null, null);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }
}
