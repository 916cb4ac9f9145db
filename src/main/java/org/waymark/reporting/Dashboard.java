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

    public record DayRow(LocalDate day, long passengers, long leaflets, long flightsMonitored, long checks,
            int bar) {
    }

    /** A country's figures; {@code code} is null for what happened away from any flight. */
    public record CountryRow(String code, String name, long flightsMonitored, long passengers, long checks,
            int bar) {
    }

    public record FlightRow(String flightNumber, Direction direction, String airport, String country,
            LocalDate date, FlightStatus status, long passengers, int bar) {
    }

    public record PlaceRow(String location, long passengers, int bar) {
    }

    public record LanguageRow(String code, String name, long passengers, int bar) {
    }

    public record OutcomeRow(Outcome outcome, long checks, int bar) {
    }

    static int bar(long value, long largest) {
        return largest <= 0 ? 0 : (int) Math.round(100.0 * value / largest);
    }
}
