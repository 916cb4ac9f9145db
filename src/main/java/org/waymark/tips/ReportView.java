package org.waymark.tips;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report as a member of staff sees it. {@code contact} is shown only to the officer it is
 * assigned to and to coordinators ({@code contactShown}); for anyone else it is null.
 * {@code disposedAt} says when its retention period ended and its words and contact details
 * were replaced by a marker.
 */
public record ReportView(UUID id, String reference, Instant receivedAt, ReportStatus status, String what,
        String where, String when, String who, String contact, boolean contactShown, boolean anonymous,
        UUID assigneeId, String assigneeName, UUID operationId, String operationName, List<NoteView> notes,
        Instant disposedAt) {

    public record NoteView(String author, Instant writtenAt, String text) {
    }
}
