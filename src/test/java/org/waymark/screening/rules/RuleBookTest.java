package org.waymark.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.screening.rules.APassenger.aPassenger;
import static org.waymark.screening.rules.Criterion.allOf;
import static org.waymark.screening.rules.Criterion.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.waymark.screening.passenger.ScreenedPassenger;

class RuleBookTest {

    private final List<RuleVersion> enabled = new ArrayList<>();
    private final Map<String, Group> groups = new HashMap<>();

    private RuleBook book(boolean withStore) {
        Map<String, Object> beans = new HashMap<>();
        if (withStore) {
            beans.put("enabledRules", (EnabledRules) () -> List.copyOf(enabled));
            beans.put("groups", new Groups() {
                @Override
                public java.util.Optional<Group> group(String code) {
                    return java.util.Optional.ofNullable(groups.get(code));
                }

                @Override
                public List<Group> all() {
                    return List.copyOf(groups.values());
                }
            });
        }
        StaticListableBeanFactory factory = new StaticListableBeanFactory(beans);
        return new RuleBook(factory.getBeanProvider(EnabledRules.class), factory.getBeanProvider(Groups.class),
                APassenger.messages());
    }

    private RuleVersion version(String title, int priority, Criterion criteria) {
        return new RuleVersion(UUID.randomUUID(), UUID.randomUUID(), 3, title, "", "T04", priority, criteria);
    }

    @Test
    void givesAHitForEachEnabledRuleThatHoldsMostUrgentFirst() {
        RuleVersion lastMinute = version("Booked days before", 2, when(Field.BOOKING_DAYS_BEFORE, Operator.LESS, "4"));
        RuleVersion paidByOther = version("Paid by someone else", 1, when(Field.PAYER_TRAVELS, Operator.EQUALS, "NO"));
        RuleVersion child = version("A child", 1, when(Field.MINOR, Operator.EQUALS, "YES"));
        enabled.addAll(List.of(lastMinute, paidByOther, child));

        List<RuleHit> hits = book(true).screen(aPassenger().build());

        assertThat(hits).containsExactly(
                new RuleHit(paidByOther.ruleId(), paidByOther.versionId(), 3, "Paid by someone else", "T04", 1,
                        List.of("payer does not travel")),
                new RuleHit(lastMinute.ruleId(), lastMinute.versionId(), 3, "Booked days before", "T04", 2,
                        List.of("booked 1 day before departure (rule: less than 4 days)")));
    }

    @Test
    void aRuleNamingAGroupRemovedSinceStillLetsTheOthersScreen() {
        groups.put("watched", new Group("watched", "watched agencies", "", Set.of("Sunny Travel Ltd"), false));
        RuleVersion watched = version("Watched agency", 1,
                when(Field.TRAVEL_AGENCY, Operator.MEMBER_OF, "watched"));
        RuleVersion lastMinute = version("Booked days before", 2, when(Field.BOOKING_DAYS_BEFORE, Operator.LESS, "4"));
        enabled.addAll(List.of(watched, lastMinute));
        RuleBook book = book(true);
        assertThat(book.screen(aPassenger().build())).extracting(RuleHit::title)
                .containsExactly("Watched agency", "Booked days before");

        groups.clear();

        assertThat(book.screen(aPassenger().build())).extracting(RuleHit::title).containsExactly("Booked days before");
    }

    @Test
    void aRunReadsTheGroupsOnceAndABackTestScreensWithAVersionNotEnabled() {
        groups.put("watched", new Group("watched", "watched agencies", "", Set.of("Sunny Travel Ltd"), false));
        RuleVersion draft = version("Watched agency", 1, when(Field.TRAVEL_AGENCY, Operator.MEMBER_OF, "watched"));
        RuleBook.Run run = book(true).run(List.of(draft));
        groups.put("watched", new Group("watched", "watched agencies", "", Set.of(), false));

        assertThat(run.size()).isEqualTo(1);
        assertThat(run.screen(aPassenger().build())).extracting(RuleHit::reasons)
                .containsExactly(List.of("travel agency Sunny Travel Ltd is in watched agencies"));
        assertThat(book(true).screen(aPassenger().build())).as("nothing enabled").isEmpty();
    }

    @Test
    void withoutARuleStoreNothingIsEnabledAndTheShippedGroupsAreKnown() {
        RuleBook book = book(false);
        assertThat(book.screen(aPassenger().build())).isEmpty();
        assertThat(book.run(List.of(version("Focus", 1, when(Field.NATIONALITY, Operator.MEMBER_OF,
                DefaultGroups.FOCUS_COUNTRIES)))).screen(aPassenger().build())).hasSize(1);
    }

    @Test
    void aMissGivesNoHit() {
        enabled.add(version("Child alone", 1, allOf(when(Field.MINOR, Operator.EQUALS, "YES"),
                when(Field.BOOKING_TRAVELLERS, Operator.EQUALS, "1"))));
        ScreenedPassenger adult = aPassenger().build();
        assertThat(book(true).screen(adult)).isEmpty();
    }
}
