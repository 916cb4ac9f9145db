package org.waymark.reporting;

import java.util.List;

import org.waymark.flight.Direction;

/**
 * How often talking to passengers led to an enhanced check or a referral, across every operation
 * the reader may see: per country of the other airport and per route, each per 1,000 passengers
 * engaged on those flights. Checks and referrals away from any flight have no route and are left
 * out. A rate is null where nobody was engaged.
 */
public record Yields(int operations, List<CountryYield> byCountry, List<RouteYield> byRoute) {

    public record CountryYield(String country, String countryName, long flightsMonitored, long passengersEngaged,
            long enhancedChecks, long referrals, Double checksPer1000, Double referralsPer1000) {
    }

    /**
     * Arrivals from {@code airport} to {@code port}, or departures from {@code port} to {@code airport}
     * (codes), with each airport as people read it ({@code portShown}, {@code airportShown}).
     * {@code passengersOnBoard} sums the passengers on board the route's monitored flights that
     * passenger data came for (null where none came), {@code passengersEngagedOnBoard} those engaged
     * on those flights, and {@code engagementRate} is the one as a percentage of the other.
     */
    public record RouteYield(String port, String airport, Direction direction, String country, String countryName,
            long flightsMonitored, long passengersEngaged, long enhancedChecks, long referrals, Double checksPer1000,
            Double referralsPer1000, String portShown, String airportShown, Long passengersOnBoard,
            long passengersEngagedOnBoard, Double engagementRate) {
    }

    /** Per 1,000, to one decimal place; null when there is nothing to divide by. */
    static Double per1000(long count, long passengers) {
        return passengers == 0 ? null : Math.round(count * 10_000.0 / passengers) / 10.0;
    }
}
