package org.waymark.screening;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.rules.RuleLibrary;
import org.waymark.screening.rules.store.Backtests;
import org.waymark.screening.rules.store.RuleStatus;
import org.waymark.screening.rules.store.RuleViews.RuleSummary;
import org.waymark.screening.rules.store.Rules;

/**
 * Demo only: two shipped rules back-tested by one demo analyst over the week's passenger lists so
 * far and enabled by the other, through the same services as the pages, so the audit log shows
 * them as real use. Runs after the passenger data's demo, as a back-test needs lists to run over;
 * enabling screens the lists of the flights still to come. Adds nothing on a database that has them.
 */
@Component
@Profile("demo")
@Order(95)
@RequiredArgsConstructor
class ScreeningRulesDemoData implements ApplicationRunner {

    static final List<String> ENABLED = List.of(RuleLibrary.rules().get(0).title(),
            RuleLibrary.rules().get(2).title());

    private final Users users;
    private final Rules rules;
    private final Backtests backtests;
    private final Clock clock;

    @Override
    public void run(ApplicationArguments args) {
        WaymarkUser tester = ScreeningDemoData.user(users, ScreeningDemoData.TESTER);
        WaymarkUser enabler = ScreeningDemoData.user(users, ScreeningDemoData.ENABLER);
        if (tester == null || enabler == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        for (RuleSummary rule : rules.list()) {
            if (rule.shipped() && ENABLED.contains(rule.title()) && rule.status() != RuleStatus.ENABLED) {
                backtests.run(rule.id(), rule.currentVersion(), today.minusDays(7), today,
                        "Before enabling for the week of action", tester);
                rules.enable(rule.id(), rule.currentVersion(), enabler);
            }
        }
    }
}
