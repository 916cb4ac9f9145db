package org.waymark.screening.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Receipt;
import org.waymark.screening.links.LinkSettings;
import org.waymark.screening.rules.Criterion;
import org.waymark.screening.rules.Field;
import org.waymark.screening.rules.Operator;
import org.waymark.screening.rules.store.Backtests;
import org.waymark.screening.rules.store.RuleViews.RuleDraft;
import org.waymark.screening.rules.store.Rules;
import org.waymark.screening.watchlist.EntryDetails;
import org.waymark.screening.watchlist.WatchListKind;
import org.waymark.screening.watchlist.WatchLists;
import org.waymark.shared.OperationId;
import org.waymark.support.DatabaseTests;
import org.waymark.support.Fixtures;
import org.waymark.support.ModuleReactions;

/**
 * Screening runs by itself when passenger data for a flight an operation monitors comes: the
 * enabled rules, the watch lists and the operation's linked bookings each leave hits in its
 * review queue, found again without doubling when a newer message comes; a rule enabled or an
 * entry added after a list came finds the people on flights still to come; a flight no operation
 * monitors, and a rule not enabled, leave nothing. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(properties = "waymark.scheduling.enabled=false")
@Import(Fixtures.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningRunTest extends DatabaseTests {

    static final String AUTHOR = "author@screening-run.test";
    static final String SECOND = "second@screening-run.test";
    static final String COORDINATOR = "coordinator@screening-run.test";
    static final DateTimeFormatter PREPARED = DateTimeFormatter.ofPattern("yyMMdd");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("ddMMyy");

    @Autowired
    Fixtures given;
    @Autowired
    PassengerDataIntake intake;
    @Autowired
    Rules rules;
    @Autowired
    Backtests backtests;
    @Autowired
    WatchLists watchLists;
    @Autowired
    LinkSettings linkSettings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    LocalDate today;
    LocalDate day;
    OperationId operation;
    UUID rule;
    UUID draft;
    UUID list;

    @BeforeAll
    void data() {
        AgencySummary borderForce = given.agency("Border Force PIU (run)", AgencyType.BORDER_FORCE);
        AgencySummary police = given.agency("Essex Police (run)", AgencyType.POLICE);
        given.user("Ada Author", AUTHOR, borderForce, Role.PASSENGER_DATA);
        given.user("Sam Second", SECOND, borderForce, Role.PASSENGER_DATA);
        given.user("Cleo Coordinator", COORDINATOR, police, Role.COORDINATOR);
        today = LocalDate.now(ZoneId.of("Europe/London"));
        day = today.plusDays(1);
        operation = given.operation().named("Operation Kestrel (run)").between(today.minusDays(1), today.plusDays(3))
                .withPartners(borderForce).plannedBy(given.principal(COORDINATOR));
        given.arrival(operation, "W64301", "Wizz Air", "SOF", day.atTime(12, 15), given.principal(COORDINATOR));
        given.arrival(operation, "W64377", "Wizz Air", "SOF", day.atTime(12, 15), given.principal(COORDINATOR));
        given.arrival(operation, "W64399", "Wizz Air", "SOF", day.atTime(12, 15), given.principal(COORDINATOR));
        // Yesterday's list of a flight no operation monitors, for the back-tests to run over.
        receive(Messages.pnrgov("9001", today.minusDays(2).format(PREPARED) + ":0600",
                today.minusDays(1).format(DAY), 2));

        // A rule written by one person, back-tested, and enabled by another; and one left in draft.
        Criterion byCard = new Criterion.Condition(Field.PAYMENT_TYPE, Operator.EQUALS, List.of("CC"));
        rule = rules.create(new RuleDraft("Paid by card (run)", "Paid by card.", "T04", 2, byCard),
                given.principal(AUTHOR));
        backtests.run(rule, 1, today.minusDays(7), today, "Before enabling", given.principal(AUTHOR));
        rules.enable(rule, 1, given.principal(SECOND));
        draft = rules.create(new RuleDraft("Anyone (run, draft)", "Every adult.", "T13", 3,
                new Criterion.Condition(Field.AGE, Operator.MORE, List.of("0"))), given.principal(AUTHOR));

        list = watchLists.createList(WatchListKind.MISSING_PERSON, "Missing adults (run)", "Missing persons unit",
                given.principal(AUTHOR).actor());
        watchLists.addEntry(list, new EntryDetails("Иванова", "Мария", null, "Missing persons unit", "DS Jones",
                today.plusDays(30), null, null, null), given.principal(AUTHOR).actor());
    }

    /** Takes the message in and waits for screening; the flight of the passenger data it was for. */
    private UUID receive(byte[] message) {
        Receipt receipt = intake.receive(message, "run test");
        assertThat(receipt.status()).as(String.valueOf(receipt.failure())).isEqualTo(MessageStatus.APPLIED);
        ModuleReactions.awaitAll(dataSource);
        return jdbc.sql("SELECT flight_id FROM pd_message_flight WHERE message_id = :id").param("id", receipt.id())
                .query(UUID.class).single();
    }

    private List<String> hits(String kind, UUID flight) {
        return jdbc.sql("SELECT name || ' / ' || title FROM screening_hit WHERE operation_id = :operation"
                + " AND kind = :kind AND pd_flight_id = :flight ORDER BY name, title")
                .param("operation", operation.value()).param("kind", kind).param("flight", flight)
                .query(String.class).list();
    }

    private String reasons(String kind, UUID flight, String name) {
        return jdbc.sql("SELECT reasons FROM screening_hit WHERE operation_id = :operation AND kind = :kind"
                + " AND pd_flight_id = :flight AND name = :name").param("operation", operation.value())
                .param("kind", kind).param("flight", flight).param("name", name).query(String.class).single();
    }

    @Test
    void aMonitoredFlightsPassengersAreScreenedOnceByTheEnabledRulesAndTheWatchLists() {
        UUID flight = receive(Messages.pnrgov("9101", today.format(PREPARED) + ":0600", day.format(DAY), 2));

        assertThat(hits("RULE", flight)).as("the enabled rule only").containsExactly(
                "IVANOVA, ELENA / Paid by card (run)", "IVANOVA, MARIA / Paid by card (run)");
        assertThat(hits("WATCH_LIST", flight)).containsExactly("IVANOVA, MARIA / Missing adults (run)");
        assertThat(reasons("WATCH_LIST", flight, "IVANOVA, MARIA")).contains("Иванова", "Ivanova",
                "no birth date on the watch list");
        assertThat(reasons("RULE", flight, "IVANOVA, MARIA")).contains("CC");

        // A newer push for the same flight finds the same people again: no hit doubles.
        assertThat(receive(Messages.pnrgov("9102", today.format(PREPARED) + ":0900", day.format(DAY), 2)))
                .isEqualTo(flight);
        assertThat(hits("RULE", flight)).hasSize(2);
        assertThat(hits("WATCH_LIST", flight)).hasSize(1);
    }

    @Test
    void aRuleEnabledOrAnEntryAddedAfterTheListCameFindsThePeopleOnAFlightStillToCome() {
        UUID flight = receive(new String(Messages.pnrgov("9401", today.format(PREPARED) + ":0600", day.format(DAY),
                2), StandardCharsets.US_ASCII).replace("W64301", "W64399").replace("+W6+4301", "+W6+4399")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(hits("WATCH_LIST", flight)).containsExactly("IVANOVA, MARIA / Missing adults (run)");

        UUID late = rules.create(new RuleDraft("Everyone (run, late)", "Everyone from Sofia.", "T13", 3,
                new Criterion.Condition(Field.ROUTE, Operator.EQUALS, List.of("SOF-STN"))), given.principal(AUTHOR));
        backtests.run(late, 1, today.minusDays(7), today, "Before enabling", given.principal(AUTHOR));
        rules.enable(late, 1, given.principal(SECOND));
        ModuleReactions.awaitAll(dataSource);
        rules.disable(late, given.principal(SECOND));
        assertThat(hits("RULE", flight)).contains("IVANOVA, ELENA / Everyone (run, late)",
                "IVANOVA, MARIA / Everyone (run, late)");

        UUID elena = watchLists.addEntry(list, new EntryDetails("Иванова", "Елена", null, "Missing persons unit",
                "DS Jones", today.plusDays(30), null, null, null), given.principal(AUTHOR).actor());
        ModuleReactions.awaitAll(dataSource);
        watchLists.removeEntry(list, elena, given.principal(AUTHOR).actor());
        assertThat(hits("WATCH_LIST", flight)).containsExactly("IVANOVA, ELENA / Missing adults (run)",
                "IVANOVA, MARIA / Missing adults (run)");
    }

    @Test
    void aFlightNoOperationMonitorsIsNotScreened() {
        long before = jdbc.sql("SELECT COUNT(*) FROM screening_hit").query(Long.class).single();
        receive(Messages.pnrgov("9201", today.format(PREPARED) + ":0600", today.plusDays(5).format(DAY), 2));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_hit").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void bookingsLinkedInAGroupLargerThanTheOperationFlagsAreHits() {
        linkSettings.setFlagSize(operation, 3, given.principal(AUTHOR));
        UUID flight = receive(Messages.twoBookingsSharing("9301", today.format(PREPARED) + ":0600", day.format(DAY),
                "4377"));

        assertThat(hits("LINK", flight)).hasSize(4).allSatisfy(hit -> assertThat(hit)
                .endsWith("Linked bookings: 4 people on 2 bookings"));
        assertThat(reasons("LINK", flight, "DIMOVA, ANA")).contains("same phone", "as KX7PQ2", "same card as KX7PQ2");
    }
}
