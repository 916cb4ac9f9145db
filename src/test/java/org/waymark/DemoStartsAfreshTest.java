package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.shared.Actor;
import org.waymark.support.TestDatabases;

/**
 * Each start of the demo makes its database afresh: what a demo left behind is gone, and the
 * week of action is written again around the day it starts. A start is the database's migration
 * strategy, then the demo data's runners in order, which the test does again in the running
 * application, on the real clock.
 */
@SpringBootTest(properties = { "waymark.demo.password=" + DemoWeekOfActionTest.PASSWORD,
        "waymark.scheduling.enabled=false" })
@ActiveProfiles("demo")
@DirtiesContext
class DemoStartsAfreshTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired
    FlywayMigrationStrategy strategy;
    @Autowired
    Flyway flyway;
    @Autowired
    Operations operations;
    @Autowired
    Agencies agencies;
    @Autowired
    Users users;
    @Autowired
    ApplicationContext context;

    @Test
    void aSecondStartLeavesNothingOfTheFirst() throws Exception {
        OperationView first = operations.demoOperation().orElseThrow();
        UserSummary admin = users.all().stream().filter(user -> user.email().equals("admin@demo.waymark.test"))
                .findFirst().orElseThrow();
        agencies.create("Left from the last demo", AgencyType.OTHER, null, new Actor(admin.id(), admin.agencyId()));

        strategy.migrate(flyway);
        List<ApplicationRunner> runners = context.getBeansOfType(ApplicationRunner.class).values().stream()
                .sorted(AnnotationAwareOrderComparator.INSTANCE).toList();
        for (ApplicationRunner runner : runners) {
            runner.run(new DefaultApplicationArguments());
        }

        OperationView again = operations.demoOperation().orElseThrow();
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(again.startDate()).isEqualTo(LocalDate.now(ZoneId.of("Europe/London")).minusDays(1));
        assertThat(agencies.all()).extracting(AgencySummary::name).doesNotContain("Left from the last demo")
                .contains("Justice & Care");

        // Given a database with real accounts by mistake, the demo refuses to start rather than empty it.
        UserSummary adminAgain = users.all().stream().filter(user -> user.email().equals("admin@demo.waymark.test"))
                .findFirst().orElseThrow();
        users.create("Real Person", "real.person@essex.police.example", adminAgain.agencyId(), Set.of(Role.OFFICER),
                null, new Actor(adminAgain.id(), adminAgain.agencyId()));
        assertThatThrownBy(() -> strategy.migrate(flyway)).hasMessageContaining("not the demo's");
        assertThat(users.all()).extracting(UserSummary::email).contains("real.person@essex.police.example");
    }
}
