package org.waymark.screening;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.watchlist.EntryDetails;
import org.waymark.screening.watchlist.WatchListKind;
import org.waymark.screening.watchlist.WatchLists;

/**
 * Demo only: a watch list of missing adults with one entry written in Cyrillic, through the same
 * service as the pages, so the audit log shows it as real use. Runs before the passenger data's
 * demo, as a list kept by a missing persons unit is there before the week begins, so that
 * screening finds its matches as the lists come in. Adds nothing on a database that has it.
 */
@Component
@Profile("demo")
@Order(85)
@RequiredArgsConstructor
class ScreeningDemoData implements ApplicationRunner {

    static final String WATCH_LIST = "Missing adults";
    static final String WATCH_LIST_SOURCE = "Essex Police missing persons unit";
    /** The demo's two passenger data analysts: one writes and back-tests, the other enables. */
    static final String TESTER = "piu@demo.waymark.test";
    static final String ENABLER = "piu2@demo.waymark.test";

    private final Users users;
    private final WatchLists watchLists;
    private final Clock clock;

    @Override
    public void run(ApplicationArguments args) {
        WaymarkUser tester = user(users, TESTER);
        if (tester == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        if (watchLists.lists().stream().noneMatch(list -> list.name().equals(WATCH_LIST))) {
            var list = watchLists.createList(WatchListKind.MISSING_PERSON, WATCH_LIST, WATCH_LIST_SOURCE,
                    tester.actor());
            // Born 24 years ago: the demo's lists have many a Maria Ivanova, and a birth date tells most apart.
            watchLists.addEntry(list, new EntryDetails("Иванова", "Мария", today.minusYears(24), WATCH_LIST_SOURCE,
                    "DC Lee, missing persons unit", today.plusDays(30), null, null,
                    "Made up for the demo: reported missing by her sister"), tester.actor());
        }
    }

    /** A demo user by email, or null on a database without the demo's people. */
    static WaymarkUser user(Users users, String email) {
        return users.all().stream().filter(user -> user.email().equals(email)).map(UserSummary::id).findFirst()
                .flatMap(users::current).orElse(null);
    }
}
