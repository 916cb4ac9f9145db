package org.waymark.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.safeguarding.Outcome;

/** The figures a press summary is approved against. */
class SummaryTest {

    /**
     * Referrals owed and flights still to come are work to do, not results: the figures approved
     * leave them out, written exactly as they were before they were counted, so that no approval
     * made then goes stale.
     */
    @Test
    void theResultsApprovedLeaveOutTheWorkToDoAndReadAsBeforeItWasCounted() {
        UUID id = UUID.fromString("6f1c2f6e-0b7a-4c1e-9d55-3f7e1f0a2b11");
        Summary owing = new Summary(id, "Week of action", "STN", LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 19),
                2, Map.of("BG", 2L), 2, 0, 1600, 40, 3, 1, 0, 0, Map.of(Outcome.NRM_REFERRAL, 2L), 1, 3);
        Summary done = new Summary(id, "Week of action", "STN", LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 19),
                2, Map.of("BG", 2L), 2, 0, 1600, 40, 3, 1, 0, 0, Map.of(Outcome.NRM_REFERRAL, 2L), 0, 0);

        assertThat(owing.results()).isEqualTo(done.results()).isEqualTo("Summary[operationId=" + id
                + ", name=Week of action, port=STN, startDate=2026-09-16, endDate=2026-09-19, flightsMonitored=2, "
                + "flightsMonitoredByCountry={BG=2}, arrivalsMonitored=2, departuresMonitored=0, "
                + "passengersEngaged=1600, leaflets=40, enhancedChecks=3, nrmReferrals=1, dutyToNotify=0, "
                + "childReferrals=0, outcomes={NRM_REFERRAL=2}]");
    }
}
