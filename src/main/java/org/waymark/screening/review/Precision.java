package org.waymark.screening.review;

/**
 * What became of the hits of one rule or watch list: how many there were, how many a reviewer
 * decided, and what followed. An officer's result counts once per request.
 *
 * @param hits every hit, those nobody decided before their passenger data was masked included
 * @param decided hits a reviewer decided
 * @param asked hits whose passenger officers were asked to speak with, answered or not
 * @param spokeWith requests whose officers spoke with the passenger (no check started)
 * @param checkStarted requests that led to an enhanced check
 */
public record Precision(int hits, int decided, int asked, int spokeWith, int checkStarted, int notFound,
        int noConcern, int referredElsewhere) {

    /** Requests officers have answered. */
    public int answered() {
        return spokeWith + checkStarted + notFound;
    }
}
