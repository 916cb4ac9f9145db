package org.waymark.audit;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit log. User and agency are empty where nobody was signed in. */
public record AuditEntry(long id, Instant occurredAt, UUID userId, UUID agencyId, String action, String recordType,
        String recordId, String outcome, String detail) {
}
