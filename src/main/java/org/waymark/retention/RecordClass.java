package org.waymark.retention;

/** The classes of record with a retention period of their own. */
public enum RecordClass {
    /** An enhanced check that led to no submitted referral, with any draft referral of it. */
    CHECK_WITHOUT_REFERRAL,
    /** A submitted NRM referral or Duty to Notify, with the check it was made from. */
    REFERRAL_PACKAGE,
    /** A report from the public. */
    PUBLIC_REPORT,
    /** Single passenger engagement tallies; the counts they were folded into are kept. */
    ENGAGEMENT,
    /** Entries of the audit log. */
    AUDIT_LOG,
    /**
     * Airline passenger data (API and PNR): each flight's travellers and bookings, and the
     * messages as received; the flights and their counts are kept.
     */
    PASSENGER_DATA;

    /** Whether records of the class are masked before they are deleted (tallies and log entries hold no personal details to mask). */
    public boolean masked() {
        return this != ENGAGEMENT && this != AUDIT_LOG;
    }
}
