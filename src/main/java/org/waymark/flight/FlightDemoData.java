package org.waymark.flight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.operation.Operations;
import org.waymark.shared.CountryCode;
import org.waymark.shared.UserId;

/**
 * Demo only: a schedule for the Stansted week of action, arrivals from Bulgaria, Moldova and
 * Türkiye and departures back, with a few flights from elsewhere, added at the briefing on its
 * first morning. The focus flights are monitored, the demo officer meets all of them and the
 * Border Force officer the arrivals; those whose passengers have been met ({@link #MET} after
 * their time, before the demo started) are done, and the engagement demo data tallies them.
 * Those still to come, later today and on the days ahead, are monitored without a tally.
 */
@Component
@Profile("demo")
@Order(30)
@RequiredArgsConstructor
class FlightDemoData implements ApplicationRunner {

    static final String OFFICER = "officer@demo.waymark.test";
    static final String BORDER_FORCE_OFFICER = "borderforce@demo.waymark.test";

    record Route(String number, String airline, Direction direction, String airport, LocalTime time) {
    }

    /** How long after its time a flight's passengers have been met: an arrival's are through by then. */
    static final Duration MET = Duration.ofMinutes(70);
    static final LocalTime BRIEFING = LocalTime.of(6, 0);

    static final List<Route> DAILY = List.of(
            new Route("FR 1234", "Ryanair", Direction.ARRIVAL, "SOF", LocalTime.of(7, 35)),
            new Route("W6 4301", "Wizz Air", Direction.ARRIVAL, "VAR", LocalTime.of(9, 10)),
            new Route("W6 4311", "Wizz Air", Direction.ARRIVAL, "SOF", LocalTime.of(10, 20)),
            new Route("FR 3021", "Ryanair", Direction.ARRIVAL, "KIV", LocalTime.of(11, 50)),
            new Route("FR 5520", "Ryanair", Direction.ARRIVAL, "PDV", LocalTime.of(12, 30)),
            new Route("PC 1171", "Pegasus", Direction.ARRIVAL, "SAW", LocalTime.of(13, 25)),
            new Route("FR 8812", "Ryanair", Direction.ARRIVAL, "DUB", LocalTime.of(14, 5)),
            new Route("TK 1987", "Turkish Airlines", Direction.ARRIVAL, "IST", LocalTime.of(16, 40)),
            new Route("W6 3783", "Wizz Air", Direction.ARRIVAL, "KIV", LocalTime.of(17, 55)),
            new Route("FR 1236", "Ryanair", Direction.ARRIVAL, "SOF", LocalTime.of(19, 45)),
            new Route("FR 7741", "Ryanair", Direction.ARRIVAL, "AYT", LocalTime.of(20, 30)),
            new Route("FR 1235", "Ryanair", Direction.DEPARTURE, "SOF", LocalTime.of(8, 20)),
            new Route("FR 3022", "Ryanair", Direction.DEPARTURE, "KIV", LocalTime.of(12, 40)),
            new Route("PC 1172", "Pegasus", Direction.DEPARTURE, "SAW", LocalTime.of(14, 30)),
            new Route("FR 2206", "Ryanair", Direction.DEPARTURE, "MAD", LocalTime.of(18, 15)));

    private final FlightRepository flights;
    private final Airports airports;
    private final Operations operations;
    private final Users users;
    private final Clock clock;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        operations.demoOperation().ifPresent(operation -> {
            if (!flights.findByOperationIdOrderByScheduledAscFlightNumberAsc(operation.id().value()).isEmpty()) {
                return;
            }
            Set<String> focus = operation.plan().focusCountries().stream().map(CountryCode::value)
                    .collect(Collectors.toSet());
            ZoneId port = airports.zoneOf(operation.port());
            Instant briefing = operation.startDate().atTime(BRIEFING).atZone(port).toInstant();
            LocalDateTime now = LocalDateTime.now(clock.withZone(port));
            Set<UserId> meetArrivals = officers(OFFICER, BORDER_FORCE_OFFICER);
            Set<UserId> meetDepartures = officers(OFFICER);
            operation.startDate().datesUntil(operation.endDate().plusDays(1)).forEach(day -> DAILY.forEach(route -> {
                Airport other = airports.find(route.airport()).orElseThrow();
                LocalDateTime scheduled = LocalDateTime.of(day, route.time());
                Flight flight = Flight.schedule(operation.id(), new ScheduledFlight(route.number(), route.airline(),
                        route.direction(), route.airport(), scheduled, "1", null), other, briefing);
                if (focus.contains(other.country().value())) {
                    flight.monitor();
                    flight.assign(route.direction() == Direction.ARRIVAL ? meetArrivals : meetDepartures);
                    if (!scheduled.plus(MET).isAfter(now)) {
                        flight.changeStatus(FlightStatus.DONE);
                    }
                }
                flights.save(flight);
            }));
        });
    }

    private Set<UserId> officers(String... emails) {
        Set<String> wanted = Set.of(emails);
        return users.all().stream().filter(user -> wanted.contains(user.email())).map(UserSummary::id)
                .collect(Collectors.toSet());
    }
}
