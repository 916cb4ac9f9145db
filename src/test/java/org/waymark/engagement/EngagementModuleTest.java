package org.waymark.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.waymark.engagement.Engagements.Recorded;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.Auditable;
import org.waymark.shared.OperationId;
import org.waymark.support.Fixtures;
import org.waymark.support.TestDatabases;

/**
 * The engagement module with identity, operation and flight, the modules it depends on: a tally
 * sent twice with one idempotency key counts once, and the operation's totals say so.
 */
// Its direct dependencies are all it needs (flight's own are identity and operation); platform for the
// clock and the unquoted table names without which H2 finds no table of a repository.
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@TestPropertySource(properties = "waymark.scheduling.enabled=false")
@Import(Fixtures.class)
class EngagementModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    private final Fixtures given;
    private final Engagements engagements;

    private WaymarkUser officer;
    private OperationId operation;

    EngagementModuleTest(Fixtures given, Engagements engagements) {
        this.given = given;
        this.engagements = engagements;
    }

    @BeforeAll
    void anOperationAtStansted() {
        AgencySummary police = given.agency("Essex Police", AgencyType.POLICE);
        WaymarkUser coordinator = given.user("Cara Coordinator", "cara@essex.example", police, Role.COORDINATOR);
        officer = given.user("Olu Officer", "olu@essex.example", police, Role.OFFICER);
        operation = given.operation().withPartners(police).plannedBy(coordinator);
    }

    @Test
    void aTallySentTwiceWithOneKeyCountsOnce(AssertablePublishedEvents events) {
        Tally tally = new Tally(null, "Gate 22", 12, Set.of("ro", "bg"), 3);

        Recorded first = engagements.record(operation, tally, "tap-0001-gate22", officer);
        Recorded again = engagements.record(operation, tally, "tap-0001-gate22", officer);
        Recorded another = engagements.record(operation, new Tally(null, "Gate 22", 5, Set.of(), 0),
                "tap-0002-gate22", officer);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).as("the repeat is answered, not recorded").isFalse();
        assertThat(again.engagement()).isEqualTo(first.engagement());
        assertThat(another.created()).isTrue();
        assertThat(engagements.totals(operation, officer)).satisfies(totals -> {
            assertThat(totals.passengers()).isEqualTo(12 + 5);
            assertThat(totals.leaflets()).isEqualTo(3);
        });
        assertThat(engagements.recordedAt(operation, null, "Gate 22")).isEqualTo(12 + 5);
        // Counts of passengers, never anyone's personal data: nothing for the audit log.
        assertThat(events.ofType(Auditable.class)).isEmpty();
    }
}
