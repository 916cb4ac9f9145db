package org.waymark.passengerdata;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.flight.Direction;
import org.waymark.flight.FlightFigures;
import org.waymark.flight.FlightFigures.FlightOutline;
import org.waymark.operation.KnownAirports;
import org.waymark.operation.Operations;
import org.waymark.shared.AirportCode;
import org.waymark.shared.DemoTime;

/**
 * Demo only: the airlines' passenger lists (API, PAXLST) for the week's flights to and from the
 * focus countries, each sent by the airline's gateway at check-in close (40 minutes before it
 * leaves) and so only for flights that have left by the time the demo starts; and one message
 * that broke off in transit, waiting in the failed queue. Every name and number is made up.
 * They are taken in through {@link PassengerDataIntake} like any other, so the flights of the
 * operation show their passengers on board and the results an engagement rate.
 */
@Component
@Profile("demo")
@Order(90)
@RequiredArgsConstructor
class PassengerDataDemoData implements ApplicationRunner {

    static final String FROM = "Demo: the airlines' gateway";
    private static final Duration FLYING = Duration.ofMinutes(175);
    private static final Duration CHECK_IN_CLOSES = Duration.ofMinutes(40);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final DateTimeFormatter BORN = DateTimeFormatter.ofPattern("yyMMdd");
    private static final List<String> FOCUS = List.of("SOF", "VAR", "PDV", "KIV", "SAW", "IST", "AYT");

    /** Made-up names as airlines write them, in Latin capitals, by the nationality of their documents. */
    private static final List<String[]> PEOPLE = List.of(
            new String[] { "BGR", "IVANOVA:MARIA", "PETROV:GEORGI", "DIMITROVA:ELENA", "GEORGIEV:NIKOLAY",
                    "TODOROVA:DESISLAVA", "STOYANOV:IVAN", "NIKOLOVA:YANA", "HRISTOV:DIMITAR" },
            new String[] { "MDA", "RUSU:ANA", "CEBAN:ION", "POPESCU:MARIANA", "LUNGU:VASILE", "CIOBANU:ELENA",
                    "ROTARU:ANDREI", "MUNTEANU:CRISTINA", "BOTNARU:SERGIU" },
            new String[] { "TUR", "YILMAZ:AYSE", "KAYA:MEHMET", "DEMIR:ELIF", "SAHIN:MUSTAFA", "CELIK:ZEYNEP",
                    "YILDIZ:EMRE", "AYDIN:FATMA", "OZTURK:BURAK" },
            new String[] { "GBR", "SMITH:JAMES", "JONES:SARAH", "TAYLOR:DAVID", "BROWN:EMMA" });

    private final PassengerDataIntake intake;
    private final Operations operations;
    private final FlightFigures flights;
    private final KnownAirports airports;
    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM pd_message").query(Long.class).single() > 0) {
            return;
        }
        operations.demoOperation().ifPresent(operation -> {
            ZoneId port = airports.zoneOf(operation.port());
            Instant now = clock.instant();
            for (FlightOutline flight : flights.outlines(List.of(operation.id()))) {
                if (!FOCUS.contains(flight.airport())) {
                    continue;
                }
                Instant atPort = flight.scheduled().atZone(port).toInstant();
                Instant leaves = flight.direction() == Direction.ARRIVAL ? atPort.minus(FLYING) : atPort;
                Instant sent = leaves.minus(CHECK_IN_CLOSES);
                if (sent.isBefore(now)) {
                    byte[] message = passengerList(flight, operation.port().value(), leaves, sent);
                    DemoTime.at(sent, () -> intake.receive(message, FROM));
                }
            }
            byte[] brokenOff = ("UNB+UNOA:4+AURORA+GBUKBF+" + BORN.format(now.atZone(port)) + ":0600+9001'"
                    + "UNH+1+PAXLST:D:05B:UN:IATA+AU0001+01:F'BGM+745'NAD+MS+++AURORA API DESK'")
                    .getBytes(StandardCharsets.US_ASCII);
            DemoTime.at(now.minus(Duration.ofMinutes(20)), () -> intake.receive(brokenOff, FROM));
        });
    }

    /** A PAXLST D:05B passenger list of made-up people (180 to 229 on an arrival, 120 to 169 on a departure), the same each time for a flight. */
    private byte[] passengerList(FlightOutline flight, String port, Instant leaves, Instant sent) {
        String number = flight.flightNumber().replace(" ", "");
        boolean arrival = flight.direction() == Direction.ARRIVAL;
        String origin = arrival ? flight.airport() : port;
        String destination = arrival ? port : flight.airport();
        ZoneId originZone = airports.zoneOf(new AirportCode(origin));
        ZoneId destinationZone = airports.zoneOf(new AirportCode(destination));
        LocalDateTime departure = LocalDateTime.ofInstant(leaves, originZone);
        LocalDateTime arrives = LocalDateTime.ofInstant(leaves.plus(FLYING), destinationZone);
        String reference = String.valueOf(Math.abs((number + departure.toLocalDate()).hashCode()) % 1_000_000);
        Random random = new Random((number + departure.toLocalDate()).hashCode());
        String[] home = flight.airport().equals("KIV") ? PEOPLE.get(1)
                : List.of("SAW", "IST", "AYT").contains(flight.airport()) ? PEOPLE.get(2) : PEOPLE.get(0);

        StringBuilder edi = new StringBuilder("UNA:+.? '")
                .append("UNB+UNOA:4+").append(number, 0, 2).append("+GBUKBF+")
                .append(DateTimeFormatter.ofPattern("yyMMdd:HHmm").format(LocalDateTime.ofInstant(sent, originZone)))
                .append('+').append(reference).append('\'')
                .append("UNH+").append(reference).append("+PAXLST:D:05B:UN:IATA+").append(number)
                .append(BORN.format(departure)).append("+01:F'")
                .append("BGM+745'")
                .append("TDT+20+").append(number).append("+++").append(number, 0, 2).append('\'')
                .append("LOC+125+").append(origin).append('\'')
                .append("DTM+189:").append(WHEN.format(departure)).append(":201'")
                .append("LOC+87+").append(destination).append('\'')
                .append("DTM+232:").append(WHEN.format(arrives)).append(":201'");
        int segments = 9;
        // Full flights, as the week's arrivals are: more aboard than the officers spoke to off them
        int passengers = (arrival ? 180 : 120) + random.nextInt(50);
        LocalDate day = departure.toLocalDate();
        for (int i = 0; i < passengers; i++) {
            String[] people = random.nextInt(10) < 8 ? home : PEOPLE.get(random.nextInt(PEOPLE.size()));
            String name = people[1 + random.nextInt(people.length - 1)];
            boolean female = name.split(":")[0].endsWith("A") || List.of("AYSE", "ELIF", "ZEYNEP", "FATMA", "SARAH",
                    "EMMA").contains(name.split(":")[1]);
            LocalDate born = day.minusYears(random.nextInt(100) < 3 ? 1 : 16 + random.nextInt(50))
                    .minusDays(random.nextInt(365));
            edi.append("NAD+FL+++").append(name).append('\'')
                    .append("ATT+2++").append(female ? 'F' : 'M').append('\'')
                    .append("DTM+329:").append(BORN.format(born)).append('\'')
                    .append("NAT+2+").append(people[0]).append('\'')
                    .append("RFF+AVF:").append(locator(random)).append('\'')
                    .append("DOC+P:110:111+").append(people[0], 0, 2).append(1_000_000 + random.nextInt(9_000_000))
                    .append('\'')
                    .append("DTM+36:").append(BORN.format(day.plusYears(1 + random.nextInt(9)))).append('\'')
                    .append("LOC+91+").append(people[0]).append('\'');
            segments += 8;
        }
        edi.append("CNT+42:").append(passengers).append('\'')
                .append("UNT+").append(segments + 1).append('+').append(reference).append('\'')
                .append("UNZ+1+").append(reference).append('\'');
        return edi.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String locator(Random random) {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder locator = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            locator.append(letters.charAt(random.nextInt(letters.length())));
        }
        return locator.toString();
    }
}
