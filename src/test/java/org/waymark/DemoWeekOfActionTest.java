package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.engagement.Engagements;
import org.waymark.flight.Direction;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationStatus;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
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
import org.waymark.support.TestDatabases;

/**
 * The demo's Stansted week of action tells the story of the news report it comes from: more
 * than 20 flights from and to Bulgaria, Moldova and Türkiye monitored, more than 1,500
 * passengers engaged, four enhanced checks and one NRM referral; and starting the demo again
 * adds nothing.
 */
@SpringBootTest(properties = { "waymark.demo.password=" + DemoWeekOfActionTest.PASSWORD,
        "waymark.scheduling.enabled=false" })
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoWeekOfActionTest {

    static final String PASSWORD = "demo password for the tests";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

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
    ApplicationContext context;

    OperationView operation;
    WaymarkUser coordinator;
    WaymarkUser officer;

    @BeforeAll
    void demo() {
        operation = operations.demoOperation().orElseThrow();
        coordinator = user("coordinator@demo.waymark.test");
        officer = user("officer@demo.waymark.test");
    }

    @Test
    void theSummaryTellsTheStoryOfTheWeek() {
        Summary summary = results.summary(operation.id(), coordinator);

        assertThat(operation.status()).isEqualTo(OperationStatus.ACTIVE);
        assertThat(summary.flightsMonitored()).isGreaterThan(20);
        assertThat(summary.flightsMonitoredByCountry()).containsKeys("BG", "MD", "TR");
        assertThat(summary.departuresMonitored()).isPositive();
        assertThat(summary.passengersEngaged()).isGreaterThan(1500).isLessThanOrEqualTo(1650);
        assertThat(summary.leaflets()).isPositive().isLessThan(summary.passengersEngaged());
        assertThat(summary.enhancedChecks()).isEqualTo(4);
        assertThat(summary.nrmReferrals()).isEqualTo(1);
        assertThat(summary.dutyToNotify()).isZero();
        assertThat(summary.childReferrals()).isZero();
        assertThat(summary.outcomes().get(Outcome.NRM_REFERRAL)).isEqualTo(1);
        assertThat(summary.outcomes().get(Outcome.SAFEGUARDING_ADVICE)).isEqualTo(3);
    }

    @Test
    void passengersWereSpokenToOnEveryDayMostlyOffTheArrivalsInTheirLanguages() {
        Dashboard dashboard = results.dashboard(operation.id(), coordinator, Integer.MAX_VALUE);
        List<LocalDate> days = operation.startDate().datesUntil(operation.endDate().plusDays(1)).toList();

        Map<LocalDate, Dashboard.DayRow> byDay = dashboard.byDay().stream()
                .collect(Collectors.toMap(Dashboard.DayRow::day, row -> row));
        assertThat(days).allSatisfy(day -> {
            assertThat(byDay.get(day).passengers()).isGreaterThan(250);
            assertThat(byDay.get(day).leaflets()).isPositive();
            assertThat(byDay.get(day).flightsMonitored()).isPositive();
        });
        assertThat(days.stream().mapToLong(day -> byDay.get(day).checks()).sum()).as("the week's checks")
                .isEqualTo(3);
        Map<Direction, Long> byDirection = dashboard.byFlight().stream().collect(Collectors.groupingBy(
                Dashboard.FlightRow::direction, Collectors.summingLong(Dashboard.FlightRow::passengers)));
        long elsewhere = dashboard.byLocation().stream().mapToLong(Dashboard.PlaceRow::passengers).sum();
        assertThat(byDirection.get(Direction.ARRIVAL)).isGreaterThan(3 * (byDirection.get(Direction.DEPARTURE)
                + elsewhere));
        assertThat(byDirection.get(Direction.DEPARTURE)).isPositive();
        assertThat(dashboard.byFlight()).filteredOn(row -> row.passengers() == 0).isEmpty();
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
            assertThat(check.startedAt().atZone(LONDON).toLocalDateTime()).isAfter(check.flight().scheduled());
        });
        assertThat(week).extracting(check -> check.flight().airport().country().value())
                .containsExactlyInAnyOrder("BG", "MD", "TR");
        assertThat(all).filteredOn(check -> check.flight() == null).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(CheckStatus.OPEN);
            assertThat(check.location()).isEqualTo("Arrivals hall");
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
                .satisfies(draft -> assertThat(draft.status()).isEqualTo(ReferralStatus.DRAFT));
        assertThat(found).filteredOn(referral -> referral.checkId().equals(referred.id())).singleElement()
                .satisfies(submitted -> {
                    assertThat(submitted.status()).isEqualTo(ReferralStatus.SUBMITTED);
                    assertThat(submitted.homeOfficeReference()).isNotBlank();
                    assertThat(submitted.createdAt()).isAfter(referred.startedAt());
                    assertThat(submitted.submittedAt()).isAfter(submitted.createdAt());
                    assertThat(submitted.submittedAt().atZone(LONDON).toLocalDate())
                            .isEqualTo(referred.startedAt().atZone(LONDON).toLocalDate());
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

    private WaymarkUser user(String email) {
        return users.all().stream().filter(user -> user.email().equals(email)).map(UserSummary::id).findFirst()
                .flatMap(users::current).orElseThrow();
    }
}
