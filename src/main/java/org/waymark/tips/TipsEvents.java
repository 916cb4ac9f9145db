package org.waymark.tips;

import java.util.List;
import java.util.UUID;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/** Events of the triage of reports from the public, each in the audit log. */
public final class TipsEvents {

    private static final String REPORT = "PUBLIC_REPORT";

    private TipsEvents() {
    }

    /** A report was shown to a member of staff: {@code WITH_CONTACT} or {@code WITHOUT_CONTACT}, or refused. */
    public record ReportRead(UUID reportId, String view, Actor actor, boolean succeeded) implements Auditable {
        public String action() { return "PUBLIC_REPORT_READ"; }
        public String recordType() { return REPORT; }
        public String recordId() { return reportId.toString(); }
        public String detail() { return view; }
    }

    /**
     * The queue was shown: what each report says in short, never contact details. The log has an
     * entry for each report shown, so that a report's own entries say who saw it in the queue;
     * one entry with no report when the queue was empty.
     */
    public record QueueRead(List<UUID> reportIds, Actor actor) implements Auditable {
        public String action() { return "PUBLIC_REPORTS_LISTED"; }
        public String recordType() { return REPORT; }
        public String recordId() { return null; }
        public String detail() { return reportIds.size() + " reports"; }
        public List<String> recordIds() { return reportIds.stream().map(UUID::toString).toList(); }
    }

    /** A change in the triage: {@code ASSIGNED}, {@code LINKED}, {@code STATUS} or {@code NOTE}. */
    public record ReportTriaged(UUID reportId, String change, Actor actor) implements Auditable {
        public String action() { return "PUBLIC_REPORT_TRIAGED"; }
        public String recordType() { return REPORT; }
        public String recordId() { return reportId.toString(); }
        public String detail() { return change; }
    }
}
