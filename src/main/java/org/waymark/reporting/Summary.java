package org.waymark.reporting;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.waymark.safeguarding.Outcome;

/**
 * An operation's results: flights monitored (MONITORING or DONE) and from or to where,
 * passengers engaged and leaflets, enhanced checks whatever their status, referrals once
 * submitted, and the checks' outcomes.
 */
public record Summary(UUID operationId, String name, String port, LocalDate startDate, LocalDate endDate,
        long flightsMonitored, Map<String, Long> flightsMonitoredByCountry, long arrivalsMonitored,
        long departuresMonitored, long passengersEngaged, long leaflets, long enhancedChecks, long nrmReferrals,
        long dutyToNotify, long childReferrals, Map<Outcome, Long> outcomes) {
}
