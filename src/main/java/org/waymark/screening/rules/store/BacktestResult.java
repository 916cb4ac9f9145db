package org.waymark.screening.rules.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.waymark.shared.UserId;

/**
 * A back-test of one rule version over the passenger data kept for some days: counts only, no
 * person named.
 *
 * @param reason why it was run, as the person gave it (it is logged with the run)
 * @param maskedFlights flights whose names, dates of birth, payers and contacts were masked already:
 *        conditions on those cannot hit there
 * @param hits passengers the version hit
 */
public record BacktestResult(UUID id, UUID ruleId, UUID versionId, int version, LocalDate from, LocalDate to,
        UserId runBy, Instant runAt, String reason, int flights, int maskedFlights, int passengers, int hits,
        Figures figures) {

    /**
     * What the figures of a run are, as stored with it.
     *
     * @param outcomes what became of the people hit, when outcomes are known
     * @param overlap per rule live at the time, how many of this version's hits it hit too
     */
    public record Figures(List<DayCount> byDay, List<RouteCount> byRoute, Outcomes outcomes, List<Overlap> overlap) {
    }

    /** Flights leaving that day (local at their origin), their passengers and the hits among them. */
    public record DayCount(LocalDate day, int flights, int passengers, int hits) {
    }

    /** A route as ORG-DST. */
    public record RouteCount(String route, int flights, int passengers, int hits) {
    }

    /**
     * What became of the people hit (each person once, however many flights), as the review of
     * earlier hits recorded it.
     *
     * @param known false where Waymark has no record of outcomes to compare with: the figures are then zero
     * @param people the people hit whose names were kept (not masked), whose outcomes could be looked up
     * @param byOutcome each outcome's code, with how many people had it last
     */
    public record Outcomes(boolean known, int people, Map<String, Integer> byOutcome) {

        public int count(String outcome) {
            return byOutcome.getOrDefault(outcome, 0);
        }

        /** People with any outcome recorded. */
        public int withOutcome() {
            return byOutcome.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** People spoken with, checked or referred: the hits that led somewhere. */
        public int engaged() {
            return count("SPOKE_WITH") + count("CHECK_STARTED") + count("REFERRED_ELSEWHERE");
        }

        /** Of those with an outcome, the share engaged, checked or referred, in percent; null when none had one. */
        public Integer precisionPercent() {
            int decided = withOutcome();
            return decided == 0 ? null : Math.round(100f * engaged() / decided);
        }
    }

    /** A rule live at the time of the run, and how many of this version's hits it hit too. */
    public record Overlap(UUID ruleId, String title, int version, int sharedHits) {
    }
}
