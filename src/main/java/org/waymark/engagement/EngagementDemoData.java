package org.waymark.engagement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.flight.Airports;
import org.waymark.flight.Direction;
import org.waymark.flight.FlightStatus;
import org.waymark.flight.FlightView;
import org.waymark.flight.FlightFigures;
import org.waymark.flight.Flights;
import org.waymark.flight.FlightFigures.FlightOutline;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;

/**
 * Demo only: what the officers counted over the Stansted week of action so far, as the news told
 * it: more than 1,500 passengers spoken to, most of them off the monitored arrivals from
 * Bulgaria, Moldova and Türkiye (nearly all of each flight, met at the gate and through passport
 * control), some at the gates of the flights back and a few in the arrivals hall, in their
 * languages, with leaflets. Only flights whose passengers have been met (done, as the flight demo
 * data leaves them) are tallied, and the arrivals hall up to a little before the demo started.
 * {@link Engagements#record} takes its time as the tally's own, so the tallies are written here
 * on the day of their flight, near its time at the port, as the demo officer's. A fixed seed
 * gives every fresh demo the same figures for the same flights; the background fold takes them
 * up like any other tally. Nothing is written if the week's tallies are there already.
 */
@Component
@Profile("demo")
@Order(35)
@RequiredArgsConstructor
class EngagementDemoData implements ApplicationRunner {

    static final String ARRIVALS_HALL = "Arrivals hall";
    static final String OFFICER = "officer@demo.waymark.test";
    static final String KEY_PREFIX = "demo-tally-";
    private static final long SEED = 16_09_2026L;
    /** The arrivals hall is tallied up to this long before the demo starts: no tally of it is left to take back. */
    private static final Duration HALL_BEFORE = Duration.ofMinutes(10);

    /** A language and how likely a conversation is in it. */
    private record Spoken(String language, double weight) {
    }

    /** The languages heard on flights to and from each focus country, and in the arrivals hall. */
    private static final Map<String, List<Spoken>> LANGUAGES = Map.of(
            "BG", List.of(new Spoken("bg", 0.84), new Spoken("tr", 0.08), new Spoken("en", 0.08)),
            "MD", List.of(new Spoken("ro", 0.58), new Spoken("ru", 0.36), new Spoken("en", 0.06)),
            "TR", List.of(new Spoken("tr", 0.86), new Spoken("ku", 0.04), new Spoken("en", 0.10)),
            "", List.of(new Spoken("bg", 0.30), new Spoken("ro", 0.22), new Spoken("ru", 0.12),
                    new Spoken("tr", 0.24), new Spoken("en", 0.12)));

    /** One tally as an officer would have sent it. */
    private record Row(UUID flight, String country, String location, int passengers, int leaflets,
            Set<String> languages, LocalDateTime at) {
    }

    private final JdbcClient jdbc;
    private final Operations operations;
    private final Flights flights;
    private final FlightFigures flightFigures;
    private final Airports airports;
    private final Users users;
    private final Clock clock;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        operations.demoOperation().ifPresent(operation -> {
            UserSummary officer = users.all().stream().filter(user -> user.email().equals(OFFICER)).findFirst()
                    .orElse(null);
            if (officer == null || recorded(operation, officer)) {
                return;
            }
            List<FlightOutline> monitored = flightFigures.outlines(List.of(operation.id())).stream()
                    .filter(FlightOutline::monitored).toList();
            if (monitored.isEmpty()) {
                return;
            }
            ZoneId port = airports.zoneOf(operation.port());
            LocalDateTime hallUntil = LocalDateTime.now(clock.withZone(port)).minus(HALL_BEFORE);
            // Every flight and day draws its figures, met or not, so that each keeps the same ones whenever the demo starts.
            Random random = new Random(SEED);
            List<Row> rows = new ArrayList<>();
            for (FlightOutline flight : monitored) {
                LocalDateTime scheduled = flights.of(operation.id(), flight.id()).map(FlightView::scheduled)
                        .orElse(flight.date().atTime(12, 0));
                List<Row> tallies = flight.direction() == Direction.ARRIVAL ? arrival(flight, scheduled, random)
                        : departure(flight, scheduled, random);
                if (flight.status() == FlightStatus.DONE) {
                    rows.addAll(tallies);
                }
            }
            operation.startDate().datesUntil(operation.endDate().plusDays(1))
                    .forEach(day -> arrivalsHall(day.atTime(10, 0), random).stream()
                            .filter(row -> row.at().isBefore(hallUntil)).forEach(rows::add));
            int key = 0;
            for (Row row : rows) {
                insert(operation, row, KEY_PREFIX + ++key, officer, port);
            }
        });
    }

    /** Whether the week's tallies are there already (folded tallies keep their rows and keys). */
    private boolean recorded(OperationView operation, UserSummary officer) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM engagement
                WHERE operation_id = :operation AND recorded_by = :officer AND idempotency_key LIKE :demo""")
                .param("operation", operation.id().value()).param("officer", officer.id().value())
                .param("demo", KEY_PREFIX + "%").query(Long.class).single() > 0;
    }

    /** Officers meet an arrival at the gate and through passport control: most conversations of the week. */
    private static List<Row> arrival(FlightOutline flight, LocalDateTime scheduled, Random random) {
        int passengers = between(random, 145, 178);
        return spread(flight, passengers, 12, scheduled.plusMinutes(10), 50, random);
    }

    /** At the gate of a flight back, before boarding: fewer, shorter conversations. */
    private static List<Row> departure(FlightOutline flight, LocalDateTime scheduled, Random random) {
        int passengers = between(random, 11, 21);
        return spread(flight, passengers, 4, scheduled.minusMinutes(80), 50, random);
    }

    /** Passengers in the arrivals hall between flights, not counted on any one of them. */
    private static List<Row> arrivalsHall(LocalDateTime opening, Random random) {
        List<Row> rows = new ArrayList<>();
        int tallies = between(random, 3, 5);
        for (int i = 0; i < tallies; i++) {
            int passengers = between(random, 2, 6);
            LocalDateTime at = opening.plusMinutes(i * 110L + random.nextInt(60)).plusSeconds(random.nextInt(60));
            rows.add(new Row(null, null, ARRIVALS_HALL, passengers, leaflets(passengers, random),
                    languages("", random), at));
        }
        return rows;
    }

    /** The flight's passengers as tallies of a few at a time, sent over {@code minutes} from {@code from}. */
    private static List<Row> spread(FlightOutline flight, int passengers, int largest, LocalDateTime from,
            int minutes, Random random) {
        List<Integer> sizes = new ArrayList<>();
        for (int left = passengers; left > 0;) {
            int size = Math.min(left, between(random, 1, largest));
            sizes.add(size);
            left -= size;
        }
        String country = flight.country() == null ? "" : flight.country();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            long seconds = (long) minutes * 60 * i / sizes.size() + random.nextInt(40);
            rows.add(new Row(flight.id().value(), flight.country(), null, sizes.get(i),
                    leaflets(sizes.get(i), random), languages(country, random), from.plusSeconds(seconds)));
        }
        return rows;
    }

    /** Most people take a leaflet; some tallies record none. */
    private static int leaflets(int passengers, Random random) {
        return random.nextDouble() < 0.15 ? 0 : (int) Math.round(passengers * (0.5 + random.nextDouble() / 2));
    }

    /** The main language of the conversations, and sometimes English or a second language besides. */
    private static Set<String> languages(String country, Random random) {
        List<Spoken> spoken = LANGUAGES.getOrDefault(country, LANGUAGES.get(""));
        Set<String> used = new TreeSet<>();
        used.add(pick(spoken, random));
        if (random.nextDouble() < 0.25) {
            used.add(pick(spoken, random));
        }
        if (random.nextDouble() < 0.12) {
            used.add("en");
        }
        return used;
    }

    private static String pick(List<Spoken> spoken, Random random) {
        double left = random.nextDouble();
        for (Spoken each : spoken) {
            left -= each.weight();
            if (left < 0) {
                return each.language();
            }
        }
        return spoken.get(spoken.size() - 1).language();
    }

    private static int between(Random random, int least, int most) {
        return least + random.nextInt(most - least + 1);
    }

    private void insert(OperationView operation, Row row, String key, UserSummary officer, ZoneId port) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO engagement (id, operation_id, flight_id, country, location, passengers, leaflets,
                                        recorded_by, agency_id, recorded_at, recorded_on, idempotency_key)
                VALUES (:id, :operation, :flight, :country, :location, :passengers, :leaflets, :user, :agency, :at,
                        :day, :key)""")
                .param("id", id).param("operation", operation.id().value()).param("flight", row.flight())
                .param("country", row.country())
                .param("location", row.location()).param("passengers", row.passengers())
                .param("leaflets", row.leaflets()).param("user", officer.id().value())
                .param("agency", officer.agencyId().value())
                .param("at", Timestamp.from(row.at().atZone(port).toInstant().truncatedTo(ChronoUnit.MICROS)))
                .param("day", row.at().toLocalDate()).param("key", key)
                .update();
        for (String language : row.languages()) {
            jdbc.sql("INSERT INTO engagement_language (engagement_id, language) VALUES (:id, :language)")
                    .param("id", id).param("language", language).update();
        }
    }
}
