package org.waymark.reporting;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.waymark.safeguarding.Outcome;

/**
 * An operation's results: flights monitored (DONE, or MONITORING with their scheduled time come
 * at the port) and from or to where, passengers engaged and leaflets, enhanced checks whatever
 * their status, referrals once submitted, and the checks' outcomes; and the work still to do on them, the referrals owed
 * (checks closed with an NRM referral or Duty to Notify outcome, and no referral submitted); and
 * the flights chosen for monitoring whose time is still to come.
 *
 * @param passengersOnMonitoredFlights passengers on board the flights monitored, as airline
 *            passenger data count them, summed over those flights data came for; null where
 *            none came
 * @param passengersEngagedOnFlightsWithPassengerData passengers engaged on those same flights
 * @param engagementRate those engaged as a percentage of those on board, to one decimal place;
 *            null where it is not known
 */
public record Summary(UUID operationId, String name, String port, LocalDate startDate, LocalDate endDate,
        long flightsMonitored, Map<String, Long> flightsMonitoredByCountry, long arrivalsMonitored,
        long departuresMonitored, long passengersEngaged, long leaflets, long enhancedChecks, long nrmReferrals,
        long dutyToNotify, long childReferrals, Map<Outcome, Long> outcomes, long referralsOwed,
        long flightsStillToCome, Long passengersOnMonitoredFlights, long passengersEngagedOnFlightsWithPassengerData,
        Double engagementRate) {

    /** A summary of an operation no passenger data came for. */
    public Summary(UUID operationId, String name, String port, LocalDate startDate, LocalDate endDate,
            long flightsMonitored, Map<String, Long> flightsMonitoredByCountry, long arrivalsMonitored,
            long departuresMonitored, long passengersEngaged, long leaflets, long enhancedChecks, long nrmReferrals,
            long dutyToNotify, long childReferrals, Map<Outcome, Long> outcomes, long referralsOwed,
            long flightsStillToCome) {
        this(operationId, name, port, startDate, endDate, flightsMonitored, flightsMonitoredByCountry,
                arrivalsMonitored, departuresMonitored, passengersEngaged, leaflets, enhancedChecks, nrmReferrals,
                dutyToNotify, childReferrals, outcomes, referralsOwed, flightsStillToCome, null, 0, null);
    }

    /**
     * The results alone, as a press summary speaks of them: without the referrals owed and the
     * flights still to come, which are work to do rather than results, nor the passengers on board
     * that passenger data count, which a press summary does not speak of; written as they were
     * before those were counted, so that a press summary approved then still matches its figures.
     */
    String results() {
        String all = toString();
        return all.substring(0, all.lastIndexOf(", referralsOwed=" + referralsOwed + ", flightsStillToCome=")) + "]";
    }
}
