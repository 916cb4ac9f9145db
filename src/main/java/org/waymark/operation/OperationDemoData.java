package org.waymark.operation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;

/**
 * Demo only: the Stansted week of action of 16 to 19 September this year, led by Essex Police
 * with all the demo partners, and under way so that field work can be tried on it.
 */
@Component
@Profile("demo")
@Order(20)
@RequiredArgsConstructor
class OperationDemoData implements ApplicationRunner {

    static final String NAME = "Week of action: Stansted Airport";

    private final OperationRepository operations;
    private final Agencies agencies;
    private final Users users;
    private final Clock clock;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (operations.findAll().stream().anyMatch(operation -> operation.name().equals(NAME))) {
            return;
        }
        UserSummary coordinator = users.all().stream()
                .filter(user -> user.email().equals("coordinator@demo.waymark.test")).findFirst().orElseThrow();
        int year = Year.now(clock).getValue();
        var details = new OperationDetails(NAME, new AirportCode("STN"), LocalDate.of(year, 9, 16),
                LocalDate.of(year, 9, 19), EnumSet.of(ExploitationType.SEXUAL),
                Set.of(new CountryCode("BG"), new CountryCode("MD"), new CountryCode("TR")),
                agencies.all().stream().map(AgencySummary::id).collect(Collectors.toSet()));
        Operation operation = Operation.plan(details, coordinator.agencyId(), coordinator.id(), clock.instant());
        operation.changeStatus(OperationStatus.ACTIVE, false);
        operations.save(operation);
    }
}
