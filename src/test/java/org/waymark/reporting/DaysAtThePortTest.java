package org.waymark.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.waymark.engagement.Tally;
import org.waymark.flight.Flights;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.notification.MailOutbox;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.Operations;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;
import org.waymark.support.DatabaseTests;
import org.waymark.support.Fixtures;
import org.waymark.support.ModuleReactions;
import org.waymark.support.TestClock;

/**
 * Half an hour before midnight at Balmaceda, in Chile's Aysén region (UTC-3 all year; its zone,
 * America/Coyhaique, is newer than some Java's time-zone data), when it is already the next day
 * in UTC and in London: the tally, the enhanced check, the age of the person in it, the day's
 * board, who is on call and the results all go by the same day at the port. Runs on H2 and on
 * PostgreSQL.
 */
@SpringBootTest(properties = { "waymark.scheduling.enabled=false", "spring.mail.host=127.0.0.1",
        "spring.mail.port=9" })
@Import({ TestClock.InUse.class, Fixtures.class })
class DaysAtThePortTest extends DatabaseTests {

    private static final ZoneId AYSEN = ZoneOffset.ofHours(-3);

    @Autowired
    DataSource dataSource;
    @Autowired
    TestClock clock;
    @Autowired
    Fixtures given;
    @Autowired
    Operations operations;
    @Autowired
    Flights flights;
    @Autowired
    MailOutbox outbox;
    @Autowired
    Results results;
    @Autowired
    OpenData openData;

    @Test
    void whatHappensHalfAnHourBeforeMidnightAtThePortCountsForThatDayEverywhere() {
        AgencySummary police = given.agency("Carabineros de Chile", AgencyType.POLICE);
        AgencySummary charity = given.agency("Fundación Aysén", AgencyType.CHARITY);
        WaymarkUser coordinator = given.user("Cara Coordinator", "cara@aysen.example", police, Role.COORDINATOR,
                Role.OFFICER);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(AYSEN));
        ZonedDateTime lateEvening = now.toLocalDate().atTime(23, 30).atZone(AYSEN);
        clock.advance(Duration.between(now, lateEvening.isAfter(now) ? lateEvening : lateEvening.plusDays(1)));
        LocalDate day = LocalDate.now(clock.withZone(AYSEN));
        assertThat(LocalDate.now(clock.withZone(ZoneOffset.UTC))).as("already tomorrow in UTC").isAfter(day);

        OperationId operation = given.operation().namedUniquely("Semana de acción").at("BBA").around(day)
                .on(ExploitationType.LABOUR).from("AR").withPartners(charity).plannedBy(coordinator);
        given.navigatorOnCall(operation, charity, day.atTime(23, 0), day.plusDays(1).atTime(0, 15),
                "late@aysen.example", coordinator);
        given.tally(operation, new Tally(null, "Arrivals hall", 7, Set.of("es"), 2), coordinator);
        // 18 tomorrow: still 17 today at the port.
        UUID check = given.check(operation, new Person(null, true, null, day.plusDays(1).minusYears(18), Under18.YES,
                null, null, Set.of(), null, null, null, null, null), coordinator);
        given.navigatorAskedFor(check, charity, coordinator);
        ModuleReactions.awaitAll(dataSource);

        assertThat(flights.today(operations.outline(operation))).as("the day's board").isEqualTo(day);
        assertThat(outbox.pending()).as("the navigator on call at 23:30 there is called")
                .anySatisfy(mail -> assertThat(mail.recipient()).isEqualTo("late@aysen.example"));
        Dashboard dashboard = results.dashboard(operation, coordinator);
        assertThat(dashboard.byDay()).filteredOn(row -> row.day().equals(day)).singleElement().satisfies(row -> {
            assertThat(row.passengers()).isEqualTo(7);
            assertThat(row.checks()).isEqualTo(1);
        });
        assertThat(dashboard.byDay()).filteredOn(row -> !row.day().equals(day))
                .allSatisfy(row -> assertThat(row.passengers() + row.checks()).isZero());
        assertThat(openData.csv(operation, coordinator).lines())
                .contains(day + ",,passengers_engaged,,7", day + ",,enhanced_checks,,<5")
                .noneMatch(line -> line.startsWith(day.plusDays(1).toString()));
    }
}
