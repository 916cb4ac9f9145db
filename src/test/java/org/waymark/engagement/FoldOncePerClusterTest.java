package org.waymark.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.OperationId;
import org.waymark.support.DatabaseTests;
import org.waymark.support.Fixtures;
import org.waymark.support.TestClock;

/**
 * Several nodes share one database, and a scheduled job runs on one of them at a time: while
 * another node holds the fold's lock, this node's turn folds nothing; once that node's lock has
 * run out (it died mid-fold, say), the next turn here folds. The jobs run on their schedule here,
 * an hour apart, and the test calls the fold's turn as the scheduler would. Runs on H2 and on
 * PostgreSQL.
 */
@SpringBootTest(properties = { "waymark.scheduling.enabled=true", "waymark.engagement.fold-every=1h",
        "waymark.mail.poll=1h", "waymark.escalation.poll=1h", "waymark.events.retry-every=1h" })
@Import({ TestClock.InUse.class, Fixtures.class })
class FoldOncePerClusterTest extends DatabaseTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    TestClock clock;
    @Autowired
    Fixtures given;
    @Autowired
    EngagementJobs jobs;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFoldTurnIsSkippedWhileAnotherNodeHoldsItsLockAndTakenOnceThatLockRunsOut() {
        AgencySummary police = given.agency("Essex Police", AgencyType.POLICE);
        WaymarkUser coordinator = given.user("Cara Coordinator", "cara@cluster.example", police, Role.COORDINATOR);
        WaymarkUser officer = given.user("Olu Officer", "olu@cluster.example", police, Role.OFFICER);
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        OperationId operation = given.operation().namedUniquely("Cluster").between(today.minusDays(1), today.plusDays(1))
                .plannedBy(coordinator);
        UUID tally = given.tally(operation, new Tally(null, "Gate 5", 4, Set.of("bg"), 0), officer).id();
        clock.advance(Folding.AFTER.plusSeconds(1));

        // Another node took the fold's lock a moment ago and holds it for the minute a lock lasts.
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.update("DELETE FROM shedlock WHERE name = 'engagement-fold'");
        jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('engagement-fold', ?, ?, ?)",
                Timestamp.valueOf(now.plusMinutes(1)), Timestamp.valueOf(now), "another node");
        jobs.fold();
        assertThat(foldBatch(tally)).as("this node skipped its turn").isNull();

        // That node died: its lock ran out, and this node's next turn folds.
        jdbc.update("UPDATE shedlock SET lock_until = ?, locked_at = ? WHERE name = 'engagement-fold'",
                Timestamp.valueOf(now.minusSeconds(1)), Timestamp.valueOf(now.minusMinutes(1)));
        jobs.fold();
        assertThat(foldBatch(tally)).as("folded by this node").isNotNull();
        assertThat(jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = 'engagement-fold'", String.class))
                .isNotEqualTo("another node");
    }

    private Object foldBatch(UUID tally) {
        return jdbc.queryForObject("SELECT fold_batch FROM engagement WHERE id = ?", Object.class, tally);
    }
}
