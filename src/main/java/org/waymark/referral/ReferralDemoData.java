package org.waymark.referral;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.safeguarding.Checks;

/**
 * Demo only: the demo check's person consented to an NRM referral, and its package waits as a
 * draft, filled from the check, for the officer to complete and submit.
 */
@Component
@Profile("demo")
@Order(50)
class ReferralDemoData implements ApplicationRunner {

    private final Referrals referrals;
    private final ReferralRepository repository;
    private final Checks checks;
    private final Operations operations;
    private final Users users;
    private final Clock clock;

    ReferralDemoData(Referrals referrals, ReferralRepository repository, Checks checks, Operations operations,
            Users users, Clock clock) {
        this.referrals = referrals;
        this.repository = repository;
        this.checks = checks;
        this.operations = operations;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        WaymarkUser officer = users.all().stream().filter(u -> u.email().equals("officer@demo.waymark.test"))
                .map(UserSummary::id).findFirst().flatMap(users::current).orElse(null);
        if (officer == null) {
            return;
        }
        operations.demoOperation().ifPresent(operation -> checks.ofOperation(operation.id(), officer).stream()
                .findFirst()
                .filter(check -> repository.findByCheckIdOrderByCreatedAt(check.id()).isEmpty())
                .ifPresent(check -> referrals.start(check.id(), new Referrals.NewReferral(
                        new Consent(true, officer.name(), "bg", true, clock.instant().minus(Duration.ofMinutes(20))),
                        null, null), officer)));
    }
}
