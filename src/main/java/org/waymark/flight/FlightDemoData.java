package org.waymark.flight;

import java.time.Clock;
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
import org.waymark.operation.Operations;
import org.waymark.shared.CountryCode;

/**
 * Demo only: a schedule for the Stansted week of action, arrivals from Bulgaria, Moldova and
 * Türkiye and departures back, with a few flights from elsewhere; the focus flights are monitored.
 */
@Component
@Profile("demo")
@Order(30)
@RequiredArgsConstructor
class FlightDemoData implements ApplicationRunner {

    record Route(String number, String airline, Direction direction, String airport, LocalTime time) {
    }

    static final List<Route> DAILY = List.of(
            new Route("FR 1234", "Ryanair", Direction.ARRIVAL, "SOF", LocalTime.of(7, 35)),
            new Route("W6 4301", "Wizz Air", Direction.ARRIVAL, "VAR", LocalTime.of(9, 10)),
            new Route("FR 3021", "Ryanair", Direction.ARRIVAL, "KIV", LocalTime.of(11, 50)),
            new Route("PC 1171", "Pegasus", Direction.ARRIVAL, "SAW", LocalTime.of(13, 25)),
            new Route("FR 8812", "Ryanair", Direction.ARRIVAL, "DUB", LocalTime.of(14, 5)),
            new Route("TK 1987", "Turkish Airlines", Direction.ARRIVAL, "IST", LocalTime.of(16, 40)),
            new Route("FR 1235", "Ryanair", Direction.DEPARTURE, "SOF", LocalTime.of(8, 20)),
            new Route("FR 3022", "Ryanair", Direction.DEPARTURE, "KIV", LocalTime.of(12, 40)),
            new Route("PC 1172", "Pegasus", Direction.DEPARTURE, "SAW", LocalTime.of(14, 30)),
            new Route("FR 2206", "Ryanair", Direction.DEPARTURE, "MAD", LocalTime.of(18, 15)));

    private final FlightRepository flights;
    private final Airports airports;
    private final Operations operations;
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
            operation.startDate().datesUntil(operation.endDate().plusDays(1)).forEach(day -> DAILY.forEach(route -> {
                Airport other = airports.find(route.airport()).orElseThrow();
                Flight flight = Flight.schedule(operation.id(), new ScheduledFlight(route.number(), route.airline(),
                        route.direction(), route.airport(), LocalDateTime.of(day, route.time()), "1", null), other,
                        clock.instant());
                if (focus.contains(other.country().value())) {
                    flight.monitor();
                }
                flights.save(flight);
            }));
        });
    }
}
