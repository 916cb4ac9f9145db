package org.waymark.tips;

import java.time.Instant;
import java.util.UUID;

/** A report in the triage queue: when, what in short, where it stands; never the contact details. */
public record ReportSummary(UUID id, String reference, Instant receivedAt, ReportStatus status, String gist,
        String where, String assigneeName, String operationName) {
}
