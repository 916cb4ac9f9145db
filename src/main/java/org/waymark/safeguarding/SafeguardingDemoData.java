package org.waymark.safeguarding;

import java.util.List;
import java.util.Set;

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
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.shared.LanguageCode;

/**
 * Demo only: one enhanced check under way in the Stansted operation, with three indicators and
 * a navigator asked for, so that the officer and the navigator each have something to open.
 */
@Component
@Profile("demo")
@Order(40)
class SafeguardingDemoData implements ApplicationRunner {

    private final Checks checks;
    private final SupportRequests requests;
    private final CheckRepository repository;
    private final Operations operations;
    private final Users users;
    private final Agencies agencies;

    SafeguardingDemoData(Checks checks, SupportRequests requests, CheckRepository repository, Operations operations,
            Users users, Agencies agencies) {
        this.checks = checks;
        this.requests = requests;
        this.repository = repository;
        this.operations = operations;
        this.users = users;
        this.agencies = agencies;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        operations.demoOperation().ifPresent(operation -> {
            if (!repository.findByOperationIdOrderByStartedAtDesc(operation.id().value()).isEmpty()) {
                return;
            }
            WaymarkUser officer = users.all().stream().filter(u -> u.email().equals("officer@demo.waymark.test"))
                    .map(UserSummary::id).findFirst().flatMap(users::current).orElse(null);
            AgencySummary navigators = agencies.all().stream().filter(a -> a.name().equals("Justice & Care"))
                    .findFirst().orElse(null);
            if (officer == null || navigators == null) {
                return;
            }
            CheckView check = checks.start(operation.id(), new Checks.NewCheck(null, "Arrivals hall",
                    PersonCategory.POTENTIAL_VICTIM, new Person("Elena", false, 24, null, Under18.NO, Gender.FEMALE,
                            null, Set.of(new LanguageCode("bg")), new LanguageCode("bg"), InterpreterMode.PHONE, 1,
                            "says he is her cousin", "London, address not known")),
                    officer);
            checks.recordIndicators(check.id(), List.of(
                    new Checks.IndicatorEntry("T01", IndicatorBasis.OBSERVED, "Companion held both passports"),
                    new Checks.IndicatorEntry("T02", IndicatorBasis.DISCLOSED, null),
                    new Checks.IndicatorEntry("T03", IndicatorBasis.DISCLOSED, "Job in a restaurant, found online")),
                    officer);
            requests.request(check.id(), navigators.id(), SupportKind.NAVIGATOR, officer);
        });
    }
}
