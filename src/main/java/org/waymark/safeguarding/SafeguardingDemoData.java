package org.waymark.safeguarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
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
import org.waymark.shared.DemoTime;
import org.waymark.shared.FlightId;
import org.waymark.shared.LanguageCode;

/**
 * Demo only: the enhanced checks of the Stansted week of action. One is under way, begun at the
 * arrivals hall a little before the demo started, with three indicators and a navigator asked
 * for, who acknowledged and has arrived, so that the officer and the navigator each have
 * something to open. Three more were made on monitored arrivals during the week so far and are
 * closed: two with safeguarding advice, and one, on the first morning, whose person consented to
 * the NRM referral that the referral module's demo data submits. Every check is made through
 * {@link Checks} and {@link SupportRequests}, step by step at its time in the story
 * ({@link DemoTime}), so that each is valid and every stamp (the start, the indicators, the
 * opinion, the advice, the close, the request and its answers) is where it happened. The check
 * under way is made when the operation has no checks, the week's when it has none on a flight.
 */
@Component
@Profile("demo")
@Order(40)
class SafeguardingDemoData implements ApplicationRunner {

    static final String OFFICER = "officer@demo.waymark.test";
    static final String NAVIGATOR = "partner@demo.waymark.test";

    /**
     * A check of the week: on which arrival (on the operation's first day, or else on the latest
     * day on which it was over before the demo started), how long after it landed it began, with
     * whom, and what came of it.
     */
    record WeekCheck(boolean firstDay, String flightNumber, int minutesAfterLanding, Person person,
            List<Checks.IndicatorEntry> indicators, Set<ExploitationType> suspected, String account,
            String opinion, List<AdviceKind> advice, Set<Outcome> outcomes, String outcomeNote) {
    }

    static final List<WeekCheck> WEEK = List.of(
            new WeekCheck(false, "FR3021", 25, new Person(null, true, null, null, Under18.NO, Gender.FEMALE,
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
            new WeekCheck(true, "FR1234", 30, new Person("Mira", false, null, null, Under18.NO, Gender.FEMALE,
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
            new WeekCheck(false, "TK1987", 35, new Person(null, true, null, null, Under18.NO, Gender.FEMALE,
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

    /** How long before the demo started the check under way began. */
    static final Duration UNDER_WAY_FOR = Duration.ofMinutes(25);
    /** How long a week's check took, from its start to its close. */
    static final Duration CHECK_TAKES = Duration.ofMinutes(50);

    private final Checks checks;
    private final SupportRequests requests;
    private final CheckRepository repository;
    private final Operations operations;
    private final Flights flights;
    private final FlightFigures flightFigures;
    private final Airports airports;
    private final Users users;
    private final Agencies agencies;
    private final Clock clock;

    SafeguardingDemoData(Checks checks, SupportRequests requests, CheckRepository repository, Operations operations,
            Flights flights, FlightFigures flightFigures, Airports airports, Users users, Agencies agencies,
            Clock clock) {
        this.checks = checks;
        this.requests = requests;
        this.repository = repository;
        this.operations = operations;
        this.flights = flights;
        this.flightFigures = flightFigures;
        this.airports = airports;
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
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

    /** The check under way, at a place, with a navigator asked for, who came. */
    private void underWay(OperationView operation, WaymarkUser officer) {
        AgencySummary navigators = agencies.all().stream().filter(a -> a.name().equals("Justice & Care"))
                .findFirst().orElse(null);
        WaymarkUser navigator = users.all().stream().filter(u -> u.email().equals(NAVIGATOR))
                .map(UserSummary::id).findFirst().flatMap(users::current).orElse(null);
        if (navigators == null || navigator == null) {
            return;
        }
        Instant began = clock.instant().minus(UNDER_WAY_FOR);
        CheckView check = DemoTime.at(began, () -> checks.start(operation.id(), new Checks.NewCheck(null,
                "Arrivals hall", PersonCategory.POTENTIAL_VICTIM, new Person("Elena", false, 24, null, Under18.NO,
                        Gender.FEMALE, null, Set.of(new LanguageCode("bg")), new LanguageCode("bg"),
                        InterpreterMode.PHONE, 1, "says he is her cousin", "London, address not known")),
                officer));
        DemoTime.at(began.plus(Duration.ofMinutes(5)), () -> checks.recordIndicators(check.id(), List.of(
                new Checks.IndicatorEntry("T01", IndicatorBasis.OBSERVED, "Companion held both passports"),
                new Checks.IndicatorEntry("T02", IndicatorBasis.DISCLOSED, null),
                new Checks.IndicatorEntry("T03", IndicatorBasis.DISCLOSED, "Job in a restaurant, found online")),
                officer));
        SupportRequestView asked = DemoTime.at(began.plus(Duration.ofMinutes(7)),
                () -> requests.request(check.id(), navigators.id(), SupportKind.NAVIGATOR, officer));
        Instant answered = began.plus(Duration.ofMinutes(9));
        DemoTime.at(answered, () -> requests.acknowledge(asked.id(), answered.plus(Duration.ofMinutes(10)),
                navigator));
        DemoTime.at(began.plus(Duration.ofMinutes(18)), () -> requests.arrived(asked.id(), navigator));
    }

    /** The week's checks on monitored arrivals that were over before the demo started. */
    private void week(OperationView operation, WaymarkUser officer) {
        ZoneId port = airports.zoneOf(operation.port());
        Instant now = clock.instant();
        List<FlightOutline> arrivals = flightFigures.outlines(List.of(operation.id())).stream()
                .filter(flight -> flight.monitored() && flight.direction() == Direction.ARRIVAL).toList();
        for (WeekCheck week : WEEK) {
            arrival(operation, arrivals, week, port, now).ifPresent(flight -> record(operation, flight.id(),
                    began(flight, week, port), week, officer));
        }
    }

    /** The week's arrival of the check: on the first day, or the latest on which the check was over by now. */
    private Optional<FlightView> arrival(OperationView operation, List<FlightOutline> arrivals, WeekCheck week,
            ZoneId port, Instant now) {
        List<FlightView> candidates = arrivals.stream()
                .filter(flight -> flight.flightNumber().equals(week.flightNumber()))
                .map(flight -> flights.of(operation.id(), flight.id())).flatMap(Optional::stream)
                .filter(flight -> !began(flight, week, port).plus(CHECK_TAKES).isAfter(now)).toList();
        return week.firstDay()
                ? candidates.stream().filter(flight -> flight.scheduled().toLocalDate().equals(operation.startDate()))
                        .findFirst()
                : candidates.stream().reduce((earlier, later) -> later);
    }

    private static Instant began(FlightView flight, WeekCheck week, ZoneId port) {
        return flight.scheduled().plusMinutes(week.minutesAfterLanding()).atZone(port).toInstant();
    }

    /**
     * The check as the officer recorded it, each step at its time: it began a little after its
     * flight landed, the indicators were recorded ten minutes in, the account and opinion five
     * minutes later, the advice after them, and it closed fifty minutes after it began.
     */
    private void record(OperationView operation, FlightId flight, Instant began, WeekCheck week,
            WaymarkUser officer) {
        CheckView check = DemoTime.at(began, () -> checks.start(operation.id(), new Checks.NewCheck(flight, null,
                PersonCategory.POTENTIAL_VICTIM, week.person()), officer));
        DemoTime.at(began.plus(Duration.ofMinutes(10)),
                () -> checks.recordIndicators(check.id(), week.indicators(), officer));
        DemoTime.at(began.plus(Duration.ofMinutes(15)), () -> checks.recordAccount(check.id(), week.suspected(),
                week.account(), week.opinion(), officer));
        for (int entry = 0; entry < week.advice().size(); entry++) {
            AdviceKind kind = week.advice().get(entry);
            DemoTime.at(began.plus(Duration.ofMinutes(25L + 5L * entry)),
                    () -> checks.giveAdvice(check.id(), kind, null, null, officer));
        }
        DemoTime.at(began.plus(CHECK_TAKES), () -> checks.close(check.id(), week.outcomes(), week.outcomeNote(),
                FactOrOpinion.FACT, officer));
    }
}
