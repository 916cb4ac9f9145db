package org.waymark.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.ConflictException;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.support.DatabaseTests;
import org.waymark.support.Fixtures;
import org.waymark.support.TestClock;

/**
 * Tallies past taking back are folded into counts per place and day: the figures read the same
 * before and after, the day is the day at the port, and a folded tally can no longer be taken
 * back. The fold is run by hand; the clock is the test's. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(properties = "waymark.scheduling.enabled=false")
@Import({ TestClock.InUse.class, Fixtures.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoldingTest extends DatabaseTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    TestClock clock;
    @Autowired
    Fixtures given;
    @Autowired
    Engagements engagements;
    @Autowired
    EngagementFigures figures;
    @Autowired
    Folding folding;
    @Autowired
    JdbcTemplate jdbc;

    WaymarkUser officer;
    WaymarkUser coordinator;

    @BeforeAll
    void people() {
        AgencySummary police = given.agency("Essex Police", AgencyType.POLICE);
        coordinator = given.user("Cara Coordinator", "cara@fold.example", police, Role.COORDINATOR);
        officer = given.user("Olu Officer", "olu@fold.example", police, Role.OFFICER);
    }

    @Test
    void foldedFiguresReadTheSameAndAFoldedTallyCannotBeTakenBack() {
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        OperationId operation = given.operation().namedUniquely("Fold").between(today.minusDays(2), today.plusDays(2))
                .plannedBy(coordinator);
        FlightId flight = given.arrival(operation, "FR1234", "Ryanair", "SOF", LocalDateTime.now(clock.withZone(LONDON)),
                coordinator).id();

        tally(operation, new Tally(flight, null, 7, Set.of("bg", "en"), 3));
        tally(operation, new Tally(null, "Arrivals hall", 4, Set.of("ro"), 1));
        Engagement takenBack = tally(operation, new Tally(flight, null, 50, Set.of("bg"), 0));
        engagements.undo(operation, takenBack.id(), officer);
        Engagement late = tally(operation, new Tally(flight, null, 2, Set.of("bg"), 0));
        var before = figures.byPlaceAndDay(operation);
        var languagesBefore = figures.passengersByLanguage(operation);

        assertThat(before).containsExactlyInAnyOrder(
                new EngagementFigures.PlaceDay(operation, flight, null, today, 9, 3),
                new EngagementFigures.PlaceDay(operation, null, "Arrivals hall", today, 4, 1));
        assertThat(languagesBefore).containsExactly(Map.entry("bg", 9L), Map.entry("en", 7L),
                Map.entry("ro", 4L));
        assertThat(figures.passengersByCountry(operation)).isEqualTo(byCountry("BG", 9L, null, 4L));

        clock.advance(Folding.AFTER.plusSeconds(1));
        assertThat(folding.fold()).isGreaterThanOrEqualTo(4);
        tally(operation, new Tally(null, "Gate 5", 1, Set.of("en"), 0));

        assertThat(figures.byPlaceAndDay(operation)).containsExactlyInAnyOrder(
                new EngagementFigures.PlaceDay(operation, flight, null, today, 9, 3),
                new EngagementFigures.PlaceDay(operation, null, "Arrivals hall", today, 4, 1),
                new EngagementFigures.PlaceDay(operation, null, "Gate 5", LocalDate.now(clock.withZone(LONDON)), 1, 0));
        assertThat(figures.passengersByLanguage(operation)).containsEntry("bg", 9L).containsEntry("en", 8L)
                .containsEntry("ro", 4L);
        assertThat(figures.passengersByCountry(operation)).isEqualTo(byCountry("BG", 9L, null, 5L));
        assertThat(engagements.totals(operation, coordinator).passengers()).isEqualTo(14);
        assertThatThrownBy(() -> engagements.undo(operation, late.id(), officer))
                .isInstanceOf(ConflictException.class);

        clock.advance(Folding.AFTER.plusSeconds(1));
        folding.fold();
        assertThat(folding.fold()).isZero();
        assertThat(engagements.totals(operation, coordinator).passengers()).isEqualTo(14);
    }

    @Test
    void aBacklogIsFoldedInBatchesThatCountEveryTallyOnce() {
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        OperationId operation = given.operation().namedUniquely("Backlog").between(today.minusDays(2),
                today.plusDays(2)).plannedBy(coordinator);
        FlightId flight = given.arrival(operation, "W64301", null, "KIV", LocalDateTime.now(clock.withZone(LONDON)),
                coordinator).id();
        // Two batches and a bit, a millisecond apart, with the last hundred recorded at the same instant;
        // recorded without their flight's country, as tallies were before they carried it.
        int backlog = 2 * Folding.BATCH + 100;
        Instant first = clock.instant().minus(Duration.ofHours(1));
        jdbc.batchUpdate("""
                INSERT INTO engagement (id, operation_id, flight_id, passengers, leaflets, recorded_by, agency_id,
                                        recorded_at, recorded_on, idempotency_key)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)""",
                IntStream.range(0, backlog).mapToObj(i -> new Object[] { UUID.randomUUID(), operation.value(),
                        flight.value(), 1 + i % 3, officer.id().value(), officer.agencyId().value(),
                        Timestamp.from(first.plusMillis(Math.min(i, backlog - 100))), today, "backlog-" + i })
                        .toList());
        long passengers = IntStream.range(0, backlog).map(i -> 1 + i % 3).sum();
        assertThat(figures.sums(List.of(operation))).isEqualTo(new EngagementFigures.Sums(passengers, backlog));
        assertThat(figures.passengersByCountry(operation)).isEqualTo(Map.of("MD", passengers));

        assertThat(folding.fold()).isEqualTo(backlog);

        assertThat(figures.sums(List.of(operation))).isEqualTo(new EngagementFigures.Sums(passengers, backlog));
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT fold_batch) FROM engagement WHERE operation_id = ?",
                Long.class, operation.value())).as("transactions").isEqualTo(3);
        Map<String, Object> count = jdbc.queryForMap(
                "SELECT passengers, country FROM engagement_count WHERE operation_id = ?", operation.value());
        assertThat(count.get("passengers")).isEqualTo(passengers);
        assertThat(count.get("country")).as("the flight's country").isEqualTo("MD");
        assertThat(figures.passengersByCountry(operation)).isEqualTo(Map.of("MD", passengers));
        assertThat(folding.fold()).isZero();
    }

    private static Map<String, Long> byCountry(String country, Long passengers, String other, Long more) {
        Map<String, Long> byCountry = new HashMap<>();
        byCountry.put(country, passengers);
        byCountry.put(other, more);
        return byCountry;
    }

    private Engagement tally(OperationId operation, Tally tally) {
        return given.tally(operation, tally, officer);
    }
}
