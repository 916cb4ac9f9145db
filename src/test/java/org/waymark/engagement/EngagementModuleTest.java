package org.waymark.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.waymark.engagement.Engagements.Recorded;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationDetails;
import org.waymark.operation.Operations;
import org.waymark.shared.AirportCode;
import org.waymark.shared.Auditable;
import org.waymark.shared.OperationId;
import org.waymark.support.TestDatabases;

/**
 * The engagement module with identity, operation and flight, the modules it depends on: a tally
 * sent twice with one idempotency key counts once, and the operation's totals say so.
 */
// Its direct dependencies are all it needs (flight's own are identity and operation); platform for the
// clock and the unquoted table names without which H2 finds no table of a repository.
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@TestPropertySource(properties = "waymark.scheduling.enabled=false")
class EngagementModuleTest {

    private static final String PASSWORD = "a long enough password";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    private final Agencies agencies;
    private final Users users;
    private final Operations operations;
    private final Engagements engagements;

    private WaymarkUser officer;
    private OperationId operation;

    EngagementModuleTest(Agencies agencies, Users users, Operations operations, Engagements engagements) {
        this.agencies = agencies;
        this.users = users;
        this.operations = operations;
        this.engagements = engagements;
    }

    @BeforeAll
    void anOperationAtStansted() {
        AgencySummary police = agencies.create("Essex Police", AgencyType.POLICE, null, null);
        WaymarkUser coordinator = user("Cara Coordinator", "cara@essex.example", police, Role.COORDINATOR);
        officer = user("Olu Officer", "olu@essex.example", police, Role.OFFICER);
        operation = operations.create(new OperationDetails("Week of action", new AirportCode("STN"),
                LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 19), Set.of(), Set.of(), Set.of(police.id())),
                coordinator).id();
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

    private WaymarkUser user(String name, String email, AgencySummary agency, Role role) {
        return users.current(users.create(name, email, agency.id(), EnumSet.of(role), PASSWORD, null).user().id())
                .orElseThrow();
    }
}
