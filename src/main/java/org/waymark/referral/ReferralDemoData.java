package org.waymark.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.Operations;
import org.waymark.safeguarding.CheckStatus;
import org.waymark.safeguarding.CheckSummary;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Outcome;
import org.waymark.shared.DemoTime;

/**
 * Demo only: two referrals in the Stansted operation. The check under way has a person who
 * consented to an NRM referral a few minutes before the demo started, whose package waits as a
 * draft, filled from the check, for the officer to complete and submit. The week's check that
 * ended in an NRM referral has its referral completed and submitted that day, so that the
 * operation's results count one: consent thirty-five minutes into the check, the referral started
 * an hour in (after the check closed), completed and submitted four hours in, with the reasonable
 * grounds decision due five working days after. Both are made through {@link Referrals}, each
 * step at its time in the story ({@link DemoTime}): the draft when the operation has no
 * referrals, the submitted one when none has been submitted.
 */
@Component
@Profile("demo")
@Order(50)
class ReferralDemoData implements ApplicationRunner {

    static final String OFFICER = "officer@demo.waymark.test";
    static final String HOME_OFFICE_REFERENCE = "NRM-DEMO-0001";

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
        WaymarkUser officer = officer();
        if (officer == null) {
            return;
        }
        operations.demoOperation().ifPresent(operation -> {
            List<Referral> made = repository.findByOperationIdInOrderByCreatedAtDesc(
                    Set.of(operation.id().value()));
            List<CheckSummary> all = checks.ofOperation(operation.id(), officer);
            if (made.isEmpty()) {
                all.stream().filter(check -> check.status() == CheckStatus.OPEN && check.location() != null)
                        .findFirst()
                        .ifPresent(check -> draft(check, officer));
            }
            // The week's check on a flight that ended in an NRM referral, unless one was submitted already
            // (a demo database from before the week's checks gets its referral too).
            Set<UUID> referred = made.stream().map(Referral::checkId).collect(Collectors.toSet());
            if (made.stream().noneMatch(referral -> referral.submittedAt() != null)) {
                all.stream().filter(check -> check.status() == CheckStatus.CLOSED && check.location() == null
                        && check.outcomes().contains(Outcome.NRM_REFERRAL) && !referred.contains(check.id()))
                        .findFirst().ifPresent(check -> submit(check, officer));
            }
        });
    }

    /** The draft of the person under way, who consented to it a few minutes before the demo started. */
    private void draft(CheckSummary check, WaymarkUser officer) {
        Instant now = clock.instant();
        DemoTime.at(now.minus(Duration.ofMinutes(4)), () -> referrals.start(check.id(), new Referrals.NewReferral(
                new Consent(true, officer.name(), "bg", true, now.minus(Duration.ofMinutes(6))), null, null),
                officer));
    }

    /** The referral of the person who consented on the week's flight from Sofia, completed and submitted. */
    private void submit(CheckSummary check, WaymarkUser officer) {
        Instant began = check.startedAt();
        ReferralView started = DemoTime.at(began.plus(Duration.ofMinutes(60)), () -> referrals.start(check.id(),
                new Referrals.NewReferral(new Consent(true, officer.name(), "bg", true,
                        began.plus(Duration.ofMinutes(35))), null, null), officer));
        ReferralPackage filled = started.content();
        ReferralPackage complete = new ReferralPackage(
                new ReferralPackage.Referrer(filled.referrer().name(), "Police constable, first responder",
                        filled.referrer().organisation(), filled.referrer().email(), null),
                filled.age(),
                new ReferralPackage.Account(filled.account().background(),
                        "She met the man online; he offered her the work and arranged and paid for the trip.",
                        "Sofia to London Stansted, with him on the same flight but seated apart.", null,
                        "Stopped at Stansted on arrival, before any work began.", null),
                filled.indicators(),
                new ReferralPackage.Places(List.of("London"), List.of("BG")),
                List.of(new ReferralPackage.Exploitation(ExploitationType.SEXUAL,
                        EnumSet.of(ExploitationSubtype.BROTHEL), "Work offered in a massage parlour in London")),
                new ReferralPackage.OtherVictims(Answer.NOT_KNOWN, null),
                new ReferralPackage.Risk(Answer.YES, "The man left the airport and knows she came to London."),
                new ReferralPackage.Crime(Answer.NO, null),
                new ReferralPackage.Cooperation(Answer.YES, "Willing to speak to the police once safe."),
                new ReferralPackage.Subject(filled.subject().name(), null, filled.subject().gender(),
                        filled.subject().nationality(), filled.subject().interpreterLanguage(), null, null,
                        "Through the Justice & Care navigator", "Safe accommodation and help to go home"),
                null, null);
        Instant submitted = began.plus(Duration.ofHours(4));
        UUID id = DemoTime.at(submitted.minus(Duration.ofMinutes(20)),
                () -> referrals.editPackage(started.id(), complete, officer).id());
        DemoTime.at(submitted, () -> referrals.submit(id, HOME_OFFICE_REFERENCE, submitted, officer));
    }

    private WaymarkUser officer() {
        return users.all().stream().filter(u -> u.email().equals(OFFICER)).map(UserSummary::id).findFirst()
                .flatMap(users::current).orElse(null);
    }
}
