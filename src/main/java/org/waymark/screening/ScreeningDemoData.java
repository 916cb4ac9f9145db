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
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.rules.RuleLibrary;
import org.waymark.screening.rules.store.Backtests;
import org.waymark.screening.rules.store.RuleStatus;
import org.waymark.screening.rules.store.RuleViews.RuleSummary;
import org.waymark.screening.rules.store.Rules;
import org.waymark.screening.watchlist.EntryDetails;
import org.waymark.screening.watchlist.WatchListKind;
import org.waymark.screening.watchlist.WatchLists;

/**
 * Demo only: a watch list of missing adults with one entry written in Cyrillic, and two shipped
 * rules back-tested by one demo analyst and enabled by the other, through the same services as
 * the pages, so the audit log shows them as real use. Runs before the passenger data's demo, so
 * that screening finds its hits as the lists come in. Adds nothing on a database that has them.
 */
@Component
@Profile("demo")
@Order(85)
@RequiredArgsConstructor
class ScreeningDemoData implements ApplicationRunner {

    static final String WATCH_LIST = "Missing adults";
    static final String WATCH_LIST_SOURCE = "Essex Police missing persons unit";
    static final List<String> ENABLED = List.of(RuleLibrary.rules().get(0).title(),
            RuleLibrary.rules().get(2).title());

    private final Users users;
    private final Rules rules;
    private final Backtests backtests;
    private final WatchLists watchLists;
    private final Clock clock;

    @Override
    public void run(ApplicationArguments args) {
        WaymarkUser tester = user("piu@demo.waymark.test");
        WaymarkUser enabler = user("piu2@demo.waymark.test");
        if (tester == null || enabler == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        if (watchLists.lists().stream().noneMatch(list -> list.name().equals(WATCH_LIST))) {
            var list = watchLists.createList(WatchListKind.MISSING_PERSON, WATCH_LIST, WATCH_LIST_SOURCE,
                    tester.actor());
            watchLists.addEntry(list, new EntryDetails("Иванова", "Мария", null, WATCH_LIST_SOURCE,
                    "DC Lee, missing persons unit", today.plusDays(30), null, null,
                    "Made up for the demo: reported missing by her sister"), tester.actor());
        }
        for (RuleSummary rule : rules.list()) {
            if (rule.shipped() && ENABLED.contains(rule.title()) && rule.status() != RuleStatus.ENABLED) {
                backtests.run(rule.id(), rule.currentVersion(), today.minusDays(7), today,
                        "Before enabling for the week of action", tester);
                rules.enable(rule.id(), rule.currentVersion(), enabler);
            }
        }
    }

    private WaymarkUser user(String email) {
        return users.all().stream().filter(user -> user.email().equals(email)).map(UserSummary::id).findFirst()
                .flatMap(users::current).orElse(null);
    }
}
