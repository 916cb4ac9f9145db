package org.waymark.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.waymark.flight.Direction;
import org.waymark.flight.FlightStatus;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.ResponseTimes;

/**
 * An operation's results as the dashboard shows them: the summary, and the same figures broken
 * down by day, country, flight, place, language and outcome, with partners' response times.
 * Counts only, never anything about a person. A row's {@code bar} is its passengers (checks for
 * outcomes) as a percentage of the largest in its list, for the chart drawn beside the table.
 *
 * @param byFlight the busiest flights, most passengers first (as many as asked for); where too few
 *            flights have passengers, monitored flights without any make up the list. Empty for
 *            readers who do not see the operation's flights (analysts)
 * @param flightsWithPassengers how many flights have passengers counted, listed or not
 * @param linksToRecords whether the reader sees the records behind the figures: the flights one by
 *            one, and links to the checks and referrals (analysts see figures summed over them only)
 */
public record Dashboard(Summary summary, boolean linksToRecords, List<DayRow> byDay, List<CountryRow> byCountry,
        List<FlightRow> byFlight, long flightsWithPassengers, List<PlaceRow> byLocation, List<LanguageRow> byLanguage,
        List<OutcomeRow> byOutcome, List<ResponseTimes.AgencyTimes> responseTimes, Instant asOf) {

    /**
     * A day's figures; {@code passengersOnBoard} sums the passengers on board its monitored flights
     * that passenger data came for (null where none came), {@code passengersEngagedOnBoard} those
     * engaged on those flights, {@code engagementRate} the one as a percentage of the other.
     */
    public record DayRow(LocalDate day, long passengers, long leaflets, long flightsMonitored, long checks,
            int bar, Long passengersOnBoard, long passengersEngagedOnBoard, Double engagementRate) {

        public DayRow(LocalDate day, long passengers, long leaflets, long flightsMonitored, long checks, int bar) {
            this(day, passengers, leaflets, flightsMonitored, checks, bar, null, 0, null);
        }
    }

    /** A country's figures; {@code code} is null for what happened away from any flight. */
    public record CountryRow(String code, String name, long flightsMonitored, long passengers, long checks,
            int bar) {
    }

    /**
     * A flight's figures: {@code passengers} engaged; {@code passengersOnBoard} as passenger data
     * count them (null where none came); {@code engagementRate} the one as a percentage of the other.
     */
    public record FlightRow(String flightNumber, Direction direction, String airport, String country,
            LocalDate date, FlightStatus status, long passengers, int bar, Integer passengersOnBoard,
            Double engagementRate) {
    }

    public record PlaceRow(String location, long passengers, int bar) {
    }

    public record LanguageRow(String code, String name, long passengers, int bar) {
    }

    public record OutcomeRow(Outcome outcome, long checks, int bar) {
    }

    /** Engaged as a percentage of those on board, to one decimal place; null when nobody is known to be on board. */
    static Double rate(long engaged, Long onBoard) {
        return onBoard == null || onBoard == 0 ? null : Math.round(engaged * 1000.0 / onBoard) / 10.0;
    }

    static int bar(long value, long largest) {
        return largest <= 0 ? 0 : (int) Math.round(100.0 * value / largest);
    }
}
