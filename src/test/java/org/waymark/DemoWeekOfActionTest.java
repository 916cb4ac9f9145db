package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.engagement.Engagements;
import org.waymark.flight.Direction;
import org.waymark.flight.FlightStatus;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.CoverGap;
import org.waymark.operation.CoverKind;
import org.waymark.operation.OperationStatus;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.operation.Rota;
import org.waymark.operation.RotaSlotView;
import org.waymark.referral.ReferralKind;
import org.waymark.referral.ReferralStatus;
import org.waymark.referral.ReferralSummary;
import org.waymark.referral.Referrals;
import org.waymark.reporting.Dashboard;
import org.waymark.reporting.Results;
import org.waymark.reporting.Summary;
import org.waymark.safeguarding.CheckStatus;
import org.waymark.safeguarding.CheckSummary;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.safeguarding.SupportStatus;
import org.waymark.tips.ReportStatus;
import org.waymark.tips.Triage;
import org.waymark.support.ModuleReactions;
import org.waymark.support.TestDatabases;

/**
 * The demo's Stansted week of action tells the story of the news report it comes from: more
 * than 20 flights from and to Bulgaria, Moldova and Türkiye monitored (those still to come
 * counted apart until their time), more than 1,500
 * passengers engaged, four enhanced checks and one NRM referral; and starting the demo again
 * adds nothing. The demo starts here on Saturday 5 December at 07:03, before the day's first
 * flight: the week runs from the day before to two days after, and all its work so far lies
 * inside it, none after the time the demo started.
 */
@SpringBootTest(properties = { "waymark.demo.password=" + DemoWeekOfActionTest.PASSWORD,
        "waymark.scheduling.enabled=false" })
@ActiveProfiles("demo")
@TestPropertySource(properties = "waymark.test.demo-starts=2026-12-05T07:03")
@Import(DemoWeekOfActionTest.DemoStarts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoWeekOfActionTest {

    static final String PASSWORD = "demo password for the tests";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The clock running from the time the demo starts, local time in London, as the test class says. */
    @TestConfiguration
    static class DemoStarts {
        @Bean
        @Primary
        Clock demoStarts(@Value("${waymark.test.demo-starts}") LocalDateTime starts) {
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), starts.atZone(LONDON).toInstant()));
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired
    Operations operations;
    @Autowired
    Users users;
    @Autowired
    Results results;
    @Autowired
    Checks checks;
    @Autowired
    Referrals referrals;
    @Autowired
    Engagements engagements;
    @Autowired
    Flights flights;
    @Autowired
    Rota rota;
    @Autowired
    Triage triage;
    @Autowired
    SupportRequests supportRequests;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;
    @Value("${waymark.test.demo-starts}")
    LocalDateTime starts;

    OperationView operation;
    WaymarkUser coordinator;
    WaymarkUser officer;
    LocalDate today;

    @BeforeAll
    void demo() {
        operation = operations.demoOperation().orElseThrow();
        coordinator = user("coordinator@demo.waymark.test");
        officer = user("officer@demo.waymark.test");
        today = starts.toLocalDate();
    }

    @Test
    void theWeekRunsFromTheDayBeforeTheDemoStartedToTwoDaysAfterAndTodayHasFlightsToMeet() {
        assertThat(LocalDate.now(clock.withZone(LONDON))).isEqualTo(today);
        assertThat(operation.startDate()).isEqualTo(today.minusDays(1));
        assertThat(operation.endDate()).isEqualTo(today.plusDays(2));
        assertThat(flights.list(operation.id(), today, officer)).filteredOn(DemoWeekOfActionTest::monitored)
                .isNotEmpty();
        List<FlightView> stillToMeetToday = flights.list(operation.id(), today, officer).stream()
                .filter(flight -> monitored(flight) && flight.scheduled().isAfter(starts.minusHours(1))).toList();
        assertThat(flights.assignedTo(operation.id(), officer)).as("my flights").isNotEmpty()
                .allSatisfy(flight -> assertThat(flight.scheduled()).isAfter(starts.minusHours(1)))
                .containsAll(stillToMeetToday);
        // Passengers met over an hour after the flight's time: those flights are done, the others still to meet.
        assertThat(flights.list(operation.id(), null, officer)).filteredOn(DemoWeekOfActionTest::monitored)
                .allSatisfy(flight -> assertThat(flight.status() == FlightStatus.DONE)
                        .as(flight.flightNumber() + " " + flight.scheduled() + " done")
                        .isEqualTo(!flight.scheduled().plusMinutes(70).isAfter(starts)));
    }

    @Test
    void everythingTheWeekRecordsHappenedInsideItAndNoneOfItAfterTheDemoStarted() {
        Instant weekBegan = operation.startDate().atStartOfDay(LONDON).toInstant();
        Instant started = starts.atZone(LONDON).toInstant();
        List<String> stamps = List.of("engagement.recorded_at", "enhanced_check.started_at",
                "enhanced_check.closed_at", "enhanced_check.assessed_at", "check_indicator.recorded_at",
                "check_advice.given_at", "support_request.requested_at", "support_request.acknowledged_at",
                "support_request.expected_arrival", "support_request.arrived_at", "referral.consent_at",
                "referral.created_at", "referral.submitted_at", "public_report.received_at", "flight.created_at",
                "rota_slot.created_at", "operation.created_at", "pd_message.received_at");
        assertThat(stamps).allSatisfy(stamp -> {
            String[] column = stamp.split("\\.");
            List<Instant> found = jdbc.sql("SELECT " + column[1] + " FROM " + column[0] + " WHERE " + column[1]
                    + " IS NOT NULL").query((rs, row) -> rs.getTimestamp(1).toInstant()).list();
            assertThat(found).as(stamp).isNotEmpty().allSatisfy(at -> assertThat(at).as(stamp)
                    .isBetween(weekBegan, started));
        });
        assertThat(jdbc.sql("SELECT scheduled FROM flight").query(LocalDateTime.class).list())
                .allSatisfy(scheduled -> assertThat(scheduled.toLocalDate()).isBetween(operation.startDate(),
                        operation.endDate()));
    }

    @Test
    void theRotaCoversTheWeekButForTheSarcWorkerTomorrowNight() {
        assertThat(rota.of(operation.id(), coordinator)).extracting(RotaSlotView::kind)
                .contains(CoverKind.NAVIGATOR, CoverKind.SARC, CoverKind.INTERPRETER);
        assertThat(rota.gaps(operation.id(), coordinator)).containsExactly(new CoverGap(CoverKind.SARC,
                today.plusDays(1).atTime(20, 0), today.plusDays(2).atTime(8, 0)));
    }

    @Test
    void twoReportsFromThePublicWaitInTriage() {
        assertThat(triage.queue(ReportStatus.NEW, officer)).hasSize(2)
                .allSatisfy(report -> assertThat(report.assigneeName()).isNull());
    }

    @Test
    void theNavigatorAskedForTheCheckUnderWayAcknowledgedAndHasArrived() {
        assertThat(supportRequests.askedBy(operation.id(), officer)).singleElement().satisfies(request -> {
            assertThat(request.kind()).isEqualTo(SupportKind.NAVIGATOR);
            assertThat(request.status()).isEqualTo(SupportStatus.ARRIVED);
            assertThat(request.requestedAt()).isBefore(request.acknowledgedAt());
            assertThat(request.acknowledgedAt()).isBefore(request.arrivedAt());
            assertThat(request.arrivedAt()).isBefore(starts.atZone(LONDON).toInstant());
        });
    }

    @Test
    void theSummaryTellsTheStoryOfTheWeek() {
        Summary summary = results.summary(operation.id(), coordinator);

        assertThat(operation.status()).isEqualTo(OperationStatus.ACTIVE);
        long timeCome = flights.list(operation.id(), null, officer).stream().filter(DemoWeekOfActionTest::monitored)
                .filter(flight -> !flight.scheduled().isAfter(starts)).count();
        assertThat(summary.flightsMonitored()).as("the flights whose time has come").isPositive().isEqualTo(timeCome);
        assertThat(summary.flightsMonitored() + summary.flightsStillToCome()).as("with those still to come")
                .isGreaterThan(20);
        assertThat(summary.flightsMonitoredByCountry()).containsKeys("BG", "MD", "TR");
        assertThat(summary.departuresMonitored()).isPositive();
        assertThat(summary.passengersEngaged()).isGreaterThan(1500);
        assertThat(summary.leaflets()).isPositive().isLessThan(summary.passengersEngaged());
        assertThat(summary.enhancedChecks()).isEqualTo(4);
        assertThat(summary.nrmReferrals()).isEqualTo(1);
        assertThat(summary.dutyToNotify()).isZero();
        assertThat(summary.childReferrals()).isZero();
        assertThat(summary.outcomes().get(Outcome.NRM_REFERRAL)).isEqualTo(1);
        assertThat(summary.outcomes().get(Outcome.SAFEGUARDING_ADVICE)).isEqualTo(3);
    }

    @Test
    void passengersWereSpokenToUpToTheDemoStartMostlyOffTheArrivalsInTheirLanguages() {
        Dashboard dashboard = results.dashboard(operation.id(), coordinator, Integer.MAX_VALUE);
        List<LocalDate> days = operation.startDate().datesUntil(operation.endDate().plusDays(1)).toList();

        Map<LocalDate, Dashboard.DayRow> byDay = dashboard.byDay().stream()
                .collect(Collectors.toMap(Dashboard.DayRow::day, row -> row));
        assertThat(byDay.get(operation.startDate())).satisfies(yesterday -> {
            assertThat(yesterday.passengers()).isGreaterThan(1500);
            assertThat(yesterday.leaflets()).isPositive();
            assertThat(yesterday.flightsMonitored()).isPositive();
        });
        assertThat(days).filteredOn(day -> day.isAfter(today)).allSatisfy(day -> assertThat(byDay.get(day))
                .satisfiesAnyOf(row -> assertThat(row).isNull(), row -> assertThat(row.passengers()).isZero()));
        assertThat(days.stream().filter(byDay::containsKey).mapToLong(day -> byDay.get(day).checks()).sum())
                .as("the week's checks").isEqualTo(4);
        Map<Direction, Long> byDirection = dashboard.byFlight().stream().collect(Collectors.groupingBy(
                Dashboard.FlightRow::direction, Collectors.summingLong(Dashboard.FlightRow::passengers)));
        long elsewhere = dashboard.byLocation().stream().mapToLong(Dashboard.PlaceRow::passengers).sum();
        assertThat(byDirection.get(Direction.ARRIVAL)).isGreaterThan(3 * (byDirection.get(Direction.DEPARTURE)
                + elsewhere));
        assertThat(byDirection.get(Direction.DEPARTURE)).isPositive();
        // Every flight whose passengers were met has its tallies; those still to come have none yet.
        assertThat(dashboard.byFlight()).allSatisfy(row -> assertThat(row.passengers() > 0).as(row.flightNumber())
                .isEqualTo(row.status() == FlightStatus.DONE));
        assertThat(dashboard.byLocation()).extracting(Dashboard.PlaceRow::location).containsExactly("Arrivals hall");
        assertThat(elsewhere).isPositive();
        assertThat(dashboard.byLanguage()).extracting(Dashboard.LanguageRow::code)
                .contains("bg", "ro", "ru", "tr", "en");
        assertThat(engagements.undoable(operation.id(), officer)).as("no demo tally to take back").isEmpty();
    }

    @Test
    void threeChecksOnTheWeeksArrivalsAreClosedAndTheOneUnderWayIsLeftToPractiseOn() {
        List<CheckSummary> all = checks.ofOperation(operation.id(), officer);

        assertThat(all).hasSize(4);
        List<CheckSummary> week = all.stream().filter(check -> check.flight() != null).toList();
        assertThat(week).hasSize(3).allSatisfy(check -> {
            assertThat(check.status()).isEqualTo(CheckStatus.CLOSED);
            assertThat(check.flight().direction()).isEqualTo(Direction.ARRIVAL);
            assertThat(check.startedAt().atZone(LONDON).toLocalDate()).isEqualTo(check.flight().scheduled()
                    .toLocalDate()).isBetween(operation.startDate(), operation.endDate());
            assertThat(check.startedAt().atZone(LONDON).toLocalDateTime()).isAfter(check.flight().scheduled())
                    .isBefore(starts);
        });
        assertThat(week).extracting(check -> check.flight().airport().country().value())
                .containsExactlyInAnyOrder("BG", "MD", "TR");
        assertThat(all).filteredOn(check -> check.flight() == null).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(CheckStatus.OPEN);
            assertThat(check.location()).isEqualTo("Arrivals hall");
            assertThat(check.startedAt().atZone(LONDON).toLocalDateTime()).isBetween(starts.minusHours(1), starts);
        });
    }

    @Test
    void theDraftIsLeftToPractiseOnAndTheWeeksReferralIsSubmitted() {
        List<CheckSummary> all = checks.ofOperation(operation.id(), officer);
        CheckSummary underWay = all.stream().filter(check -> check.status() == CheckStatus.OPEN).findFirst()
                .orElseThrow();
        CheckSummary referred = all.stream().filter(check -> check.outcomes().contains(Outcome.NRM_REFERRAL))
                .findFirst().orElseThrow();

        List<ReferralSummary> found = referrals.list(Referrals.Filter.ALL, coordinator);

        assertThat(found).hasSize(2).allSatisfy(referral -> assertThat(referral.kind()).isEqualTo(ReferralKind.NRM));
        assertThat(found).filteredOn(referral -> referral.checkId().equals(underWay.id())).singleElement()
                .satisfies(draft -> {
                    assertThat(draft.status()).isEqualTo(ReferralStatus.DRAFT);
                    assertThat(draft.createdAt()).isAfter(underWay.startedAt())
                            .isBefore(starts.atZone(LONDON).toInstant());
                });
        assertThat(found).filteredOn(referral -> referral.checkId().equals(referred.id())).singleElement()
                .satisfies(submitted -> {
                    assertThat(submitted.status()).isEqualTo(ReferralStatus.SUBMITTED);
                    assertThat(submitted.homeOfficeReference()).isNotBlank();
                    assertThat(submitted.createdAt()).isAfter(referred.startedAt());
                    assertThat(submitted.submittedAt()).isAfter(submitted.createdAt());
                    assertThat(submitted.submittedAt().atZone(LONDON).toLocalDate())
                            .isEqualTo(referred.startedAt().atZone(LONDON).toLocalDate());
                    assertThat(submitted.submittedAt()).isBefore(starts.atZone(LONDON).toInstant());
                    assertThat(submitted.rgDueDate()).isAfter(submitted.submittedAt().atZone(LONDON).toLocalDate());
                });
    }

    @Test
    void startingTheDemoAgainAddsNothing() throws Exception {
        Summary before = results.summary(operation.id(), coordinator);
        List<ReferralSummary> referralsBefore = referrals.list(Referrals.Filter.ALL, coordinator);

        List<ApplicationRunner> runners = List.copyOf(context.getBeansOfType(ApplicationRunner.class).values());
        List<ApplicationRunner> ordered = runners.stream().sorted(AnnotationAwareOrderComparator.INSTANCE).toList();
        for (ApplicationRunner runner : ordered) {
            runner.run(new DefaultApplicationArguments());
        }

        assertThat(results.summary(operation.id(), coordinator)).isEqualTo(before);
        assertThat(referrals.list(Referrals.Filter.ALL, coordinator)).isEqualTo(referralsBefore);
    }

    @Test
    void theAirlinesSentTheirPassengerListsAtCheckInCloseAndOneMessageBrokeOff() {
        List<FlightView> arrived = flights.list(operation.id(), null, officer).stream()
                .filter(DemoWeekOfActionTest::monitored).filter(flight -> flight.direction() == Direction.ARRIVAL)
                .filter(flight -> !flight.scheduled().isAfter(starts)).toList();
        assertThat(arrived).isNotEmpty().allSatisfy(flight -> assertThat(flight.passengersOnBoard())
                .as(flight.flightNumber() + " " + flight.scheduled()).isBetween(180, 229));
        assertThat(flights.list(operation.id(), null, officer)).filteredOn(DemoWeekOfActionTest::monitored)
                .filteredOn(flight -> flight.scheduled().isAfter(starts.plusHours(4)))
                .as("no list before check-in closes").allSatisfy(flight -> assertThat(flight.passengersOnBoard())
                        .isNull());

        Summary summary = results.summary(operation.id(), coordinator);
        assertThat(summary.passengersOnMonitoredFlights())
                .isGreaterThan(summary.passengersEngagedOnFlightsWithPassengerData());
        assertThat(summary.engagementRate()).as("most of those aboard spoken to").isBetween(50.0, 100.0);
        assertThat(jdbc.sql("SELECT status FROM pd_message").query(String.class).list())
                .containsOnly("APPLIED", "FAILED").filteredOn("FAILED"::equals).hasSize(1);
    }

    private static boolean monitored(FlightView flight) {
        return flight.status() == FlightStatus.MONITORING || flight.status() == FlightStatus.DONE;
    }

    @Test
    void theDemoHasAPassengerInformationUnitAnalystWithTheReasonLoggedAndAnAirlinesGateway() {
        WaymarkUser analyst = user("piu@demo.waymark.test");
        WaymarkUser gateway = user("gateway@demo.waymark.test");
        WaymarkUser admin = user("admin@demo.waymark.test");

        assertThat(analyst.roles()).containsExactly(Role.PASSENGER_DATA);
        assertThat(gateway.roles()).containsExactly(Role.CARRIER_GATEWAY);
        List<AuditEntry> given = audit.find(new AuditQuery("PASSENGER_DATA_ACCESS_GIVEN", "USER",
                analyst.id().toString(), null), 0, 10);
        assertThat(given).singleElement().satisfies(entry -> {
            assertThat(entry.detail()).startsWith("PIU analyst, Border Force");
            assertThat(entry.userId()).isEqualTo(admin.id().value());
        });
    }

    @Test
    void theOperationsReviewQueueHoldsWhatScreeningFoundInThePassengerLists() {
        ModuleReactions.awaitAll(dataSource);
        WaymarkUser tester = user("piu@demo.waymark.test");
        WaymarkUser enabler = user("piu2@demo.waymark.test");

        assertThat(jdbc.sql("SELECT enabled_by FROM screening_rule WHERE status = 'ENABLED'").query(UUID.class)
                .list()).as("two shipped rules, enabled by the second analyst").hasSize(2)
                .containsOnly(enabler.id().value());
        assertThat(jdbc.sql("SELECT DISTINCT run_by FROM screening_backtest").query(UUID.class).list()).as("back-tested by the first")
                .containsExactly(tester.id().value());
        List<String> queue = jdbc.sql("SELECT kind || ' ' || name || ' / ' || title FROM screening_hit"
                + " WHERE operation_id = :operation").param("operation", operation.id().value())
                .query(String.class).list();
        assertThat(queue).as("the demo operation's queue").isNotEmpty()
                .contains("WATCH_LIST IVANOVA, MARIA / Missing adults");
    }

    private WaymarkUser user(String email) {
        return users.all().stream().filter(user -> user.email().equals(email)).map(UserSummary::id).findFirst()
                .flatMap(users::current).orElseThrow();
    }
}
