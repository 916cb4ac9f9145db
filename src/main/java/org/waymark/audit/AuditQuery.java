package org.waymark.audit;

import java.util.UUID;

/** Filters for reading the audit log; a null filter matches everything. */
public record AuditQuery(String action, String recordType, String recordId, UUID userId) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }
}
