package org.waymark.tips;

/** Where a report from the public stands in the triage queue. */
public enum ReportStatus {
    NEW,
    IN_REVIEW,
    ACTIONED,
    NO_FURTHER_ACTION
}
