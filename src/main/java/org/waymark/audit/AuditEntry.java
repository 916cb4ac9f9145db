package org.waymark.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit log. User and agency are empty where nobody was signed in; disclosedTo
 * says to whom a disclosure went, and is empty for every other entry.
 */
public record AuditEntry(long id, Instant occurredAt, UUID userId, UUID agencyId, String action, String recordType,
        String recordId, String outcome, String detail, String disclosedTo) {
}
