package org.waymark.safeguarding;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.flight.Airports;
import org.waymark.flight.Direction;
import org.waymark.flight.FlightView;
import org.waymark.flight.FlightFigures;
import org.waymark.flight.Flights;
import org.waymark.flight.FlightFigures.FlightOutline;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.shared.CountryCode;
import org.waymark.shared.LanguageCode;

/**
 * Demo only: the enhanced checks of the Stansted week of action. One is under way, with three
 * indicators and a navigator asked for, so that the officer and the navigator each have
 * something to open. Three more were made on monitored arrivals during the week and are closed:
 * two with safeguarding advice, and one whose person consented to the NRM referral that the
 * referral module's demo data submits. Every check is made through {@link Checks}, so that it is
 * valid. The check under way is made when the operation has no checks, the week's when it has
 * none on a flight, so that a demo database from before the week's checks gets them too.
 *
 * <p>The week's checks are made now, and {@link OnTheirDays} then sets them on their flights'
 * days. It runs after the referral demo data (order 50), because a referral's consent may not
 * come before its check: had the checks been moved first, a week still ahead (a demo started
 * before September) would have left no time at which the consent could be given.
 */
@Component
@Profile("demo")
@Order(40)
class SafeguardingDemoData implements ApplicationRunner {

    static final String OFFICER = "officer@demo.waymark.test";

    /**
     * A check of the week: on which arrival of which day of the operation (0 is the first), how
     * long after it landed it began, with whom, and what came of it.
     */
    record WeekCheck(int day, String flightNumber, int minutesAfterLanding, Person person,
            List<Checks.IndicatorEntry> indicators, Set<ExploitationType> suspected, String account,
            String opinion, List<AdviceKind> advice, Set<Outcome> outcomes, String outcomeNote) {
    }

    static final List<WeekCheck> WEEK = List.of(
            new WeekCheck(0, "FR3021", 25, new Person(null, true, null, null, Under18.NO, Gender.FEMALE,
                    new CountryCode("MD"), Set.of(new LanguageCode("ro"), new LanguageCode("ru")), null, null, 0,
                    null, "London, address not known"),
                    List.of(new Checks.IndicatorEntry("T02", IndicatorBasis.DISCLOSED, null),
                            new Checks.IndicatorEntry("T05", IndicatorBasis.DISCLOSED,
                                    "A friend of a friend in London paid for the ticket"),
                            new Checks.IndicatorEntry("T13", IndicatorBasis.OBSERVED, null)),
                    EnumSet.of(ExploitationType.SEXUAL),
                    "Going to work in a bar that a friend of a friend found for her.",
                    "Plans vague, but no sign of anyone controlling her today.",
                    List.of(AdviceKind.LEAFLET, AdviceKind.HELPLINE, AdviceKind.SAFE_CONTACT),
                    EnumSet.of(Outcome.SAFEGUARDING_ADVICE),
                    "Leaflet in Romanian and the helpline number; she saved a safe contact."),
            new WeekCheck(1, "FR1234", 30, new Person("Mira", false, null, null, Under18.NO, Gender.FEMALE,
                    new CountryCode("BG"), Set.of(new LanguageCode("bg")), new LanguageCode("bg"),
                    InterpreterMode.PHONE, 1, "a man she met online", "London, address not known"),
                    List.of(new Checks.IndicatorEntry("T01", IndicatorBasis.OBSERVED,
                            "Companion held her passport and boarding pass"),
                            new Checks.IndicatorEntry("T06", IndicatorBasis.OBSERVED,
                                    "He sat apart and watched her through passport control"),
                            new Checks.IndicatorEntry("G02", IndicatorBasis.DISCLOSED,
                                    "Says she owes him for the flight and a room"),
                            new Checks.IndicatorEntry("P01", IndicatorBasis.OBSERVED, null)),
                    EnumSet.of(ExploitationType.SEXUAL),
                    "Offered work in a massage parlour by a man she met online. He paid for the flight and "
                            + "says she owes him for it and for a room.",
                    "Frightened of the companion and relieved to talk once apart from him.",
                    List.of(AdviceKind.INTERPRETER, AdviceKind.NAVIGATOR_INTRODUCED, AdviceKind.ACCOMMODATION),
                    EnumSet.of(Outcome.NRM_REFERRAL, Outcome.SAFEGUARDING_ADVICE, Outcome.INTELLIGENCE_SUBMITTED),
                    "Consented to an NRM referral; the navigator took her to safe accommodation."),
            new WeekCheck(2, "TK1987", 35, new Person(null, true, null, null, Under18.NO, Gender.FEMALE,
                    new CountryCode("TR"), Set.of(new LanguageCode("tr"), new LanguageCode("en")), null, null, 0,
                    null, null),
                    List.of(new Checks.IndicatorEntry("T03", IndicatorBasis.DISCLOSED,
                            "Job as a hostess in a club whose name she did not know"),
                            new Checks.IndicatorEntry("T09", IndicatorBasis.OBSERVED, null),
                            new Checks.IndicatorEntry("T10", IndicatorBasis.OBSERVED,
                                    "One small bag for a three-month stay")),
                    EnumSet.of(ExploitationType.SEXUAL), "Coming to work as a hostess for three months.",
                    "May be on her way to exploitation; she wanted no more help today.",
                    List.of(AdviceKind.LEAFLET, AdviceKind.HELPLINE),
                    EnumSet.of(Outcome.SAFEGUARDING_ADVICE, Outcome.INTELLIGENCE_SUBMITTED),
                    "Leaflet in Turkish and the helpline number; intelligence submitted about the club."));

    /** When each of the week's checks made in this run began, as the flight gives it: set by {@link OnTheirDays}. */
    private final Map<UUID, Instant> toPlace = new LinkedHashMap<>();

    private final Checks checks;
    private final SupportRequests requests;
    private final CheckRepository repository;
    private final Operations operations;
    private final Flights flights;
    private final FlightFigures flightFigures;
    private final Airports airports;
    private final Users users;
    private final Agencies agencies;
    private final JdbcClient jdbc;

    SafeguardingDemoData(Checks checks, SupportRequests requests, CheckRepository repository, Operations operations,
            Flights flights, FlightFigures flightFigures, Airports airports, Users users, Agencies agencies,
            JdbcClient jdbc) {
        this.checks = checks;
        this.requests = requests;
        this.repository = repository;
        this.operations = operations;
        this.flights = flights;
        this.flightFigures = flightFigures;
        this.airports = airports;
        this.users = users;
        this.agencies = agencies;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        operations.demoOperation().ifPresent(operation -> {
            WaymarkUser officer = users.all().stream().filter(u -> u.email().equals(OFFICER))
                    .map(UserSummary::id).findFirst().flatMap(users::current).orElse(null);
            if (officer == null) {
                return;
            }
            List<EnhancedCheck> made = repository.findByOperationIdOrderByStartedAtDesc(operation.id().value());
            if (made.isEmpty()) {
                underWay(operation, officer);
            }
            if (made.stream().noneMatch(check -> check.flightId() != null)) {
                week(operation, officer);
            }
        });
    }

    /** The check under way, at a place, with a navigator asked for. */
    private void underWay(OperationView operation, WaymarkUser officer) {
        AgencySummary navigators = agencies.all().stream().filter(a -> a.name().equals("Justice & Care"))
                .findFirst().orElse(null);
        if (navigators == null) {
            return;
        }
        CheckView check = checks.start(operation.id(), new Checks.NewCheck(null, "Arrivals hall",
                PersonCategory.POTENTIAL_VICTIM, new Person("Elena", false, 24, null, Under18.NO, Gender.FEMALE,
                        null, Set.of(new LanguageCode("bg")), new LanguageCode("bg"), InterpreterMode.PHONE, 1,
                        "says he is her cousin", "London, address not known")),
                officer);
        checks.recordIndicators(check.id(), List.of(
                new Checks.IndicatorEntry("T01", IndicatorBasis.OBSERVED, "Companion held both passports"),
                new Checks.IndicatorEntry("T02", IndicatorBasis.DISCLOSED, null),
                new Checks.IndicatorEntry("T03", IndicatorBasis.DISCLOSED, "Job in a restaurant, found online")),
                officer);
        requests.request(check.id(), navigators.id(), SupportKind.NAVIGATOR, officer);
    }

    /** The week's checks on monitored arrivals, made now and remembered to be set on their days. */
    private void week(OperationView operation, WaymarkUser officer) {
        ZoneId port = airports.zoneOf(operation.port());
        List<FlightOutline> arrivals = flightFigures.outlines(List.of(operation.id())).stream()
                .filter(flight -> flight.monitored() && flight.direction() == Direction.ARRIVAL).toList();
        for (WeekCheck week : WEEK) {
            arrival(operation, arrivals, week).ifPresent(flight -> toPlace.put(record(operation, flight, week, officer),
                    flight.scheduled().plusMinutes(week.minutesAfterLanding()).atZone(port).toInstant()));
        }
    }

    private Optional<FlightView> arrival(OperationView operation, List<FlightOutline> arrivals, WeekCheck week) {
        return arrivals.stream()
                .filter(flight -> flight.flightNumber().equals(week.flightNumber())
                        && flight.date().equals(operation.startDate().plusDays(week.day())))
                .findFirst().flatMap(flight -> flights.of(operation.id(), flight.id()));
    }

    /** The check as the officer recorded it: the person, the indicators, the account, the advice, the outcome. */
    private UUID record(OperationView operation, FlightView flight, WeekCheck week, WaymarkUser officer) {
        CheckView check = checks.start(operation.id(), new Checks.NewCheck(flight.id(), null,
                PersonCategory.POTENTIAL_VICTIM, week.person()), officer);
        checks.recordIndicators(check.id(), week.indicators(), officer);
        checks.recordAccount(check.id(), week.suspected(), week.account(), week.opinion(), officer);
        for (AdviceKind kind : week.advice()) {
            checks.giveAdvice(check.id(), kind, null, null, officer);
        }
        checks.close(check.id(), week.outcomes(), week.outcomeNote(), FactOrOpinion.FACT, officer);
        return check.id();
    }

    /**
     * Sets each of the week's checks made in this run on its day: it began a little after its
     * flight landed, the indicators were recorded ten minutes in, the advice given after them,
     * and it closed fifty minutes after it began.
     */
    @Transactional
    void placeOnTheirDays() {
        toPlace.forEach((id, began) -> {
            jdbc.sql("UPDATE enhanced_check SET started_at = :began, closed_at = :closed WHERE id = :id")
                    .param("began", Timestamp.from(began))
                    .param("closed", Timestamp.from(began.plus(Duration.ofMinutes(50)))).param("id", id).update();
            jdbc.sql("UPDATE check_indicator SET recorded_at = :at WHERE check_id = :id")
                    .param("at", Timestamp.from(began.plus(Duration.ofMinutes(10)))).param("id", id).update();
            List<Integer> entries = jdbc.sql("SELECT entry_index FROM check_advice WHERE check_id = :id "
                    + "ORDER BY entry_index").param("id", id).query(Integer.class).list();
            for (int entry : entries) {
                jdbc.sql("UPDATE check_advice SET given_at = :at WHERE check_id = :id AND entry_index = :entry")
                        .param("at", Timestamp.from(began.plus(Duration.ofMinutes(25L + 5L * entry))))
                        .param("id", id).param("entry", entry).update();
            }
        });
        toPlace.clear();
    }

    /** Sets the week's checks on their days once the referral demo data has started its referral (order 50). */
    @Component
    @Profile("demo")
    @Order(60)
    static class OnTheirDays implements ApplicationRunner {

        private final SafeguardingDemoData data;

        OnTheirDays(SafeguardingDemoData data) {
            this.data = data;
        }

        @Override
        public void run(ApplicationArguments args) {
            data.placeOnTheirDays();
        }
    }
}
