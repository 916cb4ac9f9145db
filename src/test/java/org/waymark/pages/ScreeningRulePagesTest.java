package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Receipt;
import org.waymark.screening.review.Decision;
import org.waymark.screening.review.HitKind;
import org.waymark.screening.review.Hits;
import org.waymark.screening.review.NewHit;
import org.waymark.screening.rules.Criterion;
import org.waymark.screening.rules.Criterion.AllOf;
import org.waymark.screening.rules.Criterion.AnyOf;
import org.waymark.screening.rules.Criterion.Condition;
import org.waymark.screening.rules.Field;
import org.waymark.screening.rules.Operator;
import org.waymark.screening.rules.store.Backtests;
import org.waymark.screening.rules.store.RuleViews.RuleDraft;
import org.waymark.screening.rules.store.Rules;
import org.waymark.screening.rules.store.StoredGroups;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/**
 * The screening rule pages as two analysts of a Passenger Information Unit use them: a rule
 * written on a form with rows of conditions (added and removed by buttons, no script), its
 * mistakes shown the GOV.UK way against the row at fault; a back-test run from its page, and the
 * rule enabled by the other analyst only. Nobody without the passenger data role sees any of it.
 */
class ScreeningRulePagesTest extends PageTests {

    static final String WRITER = "writer@rules.test";
    static final String REVIEWER = "reviewer@rules.test";
    static final String OFFICER = "officer@rules.test";
    static final String COORDINATOR = "coordinator@rules.test";
    static final String ANALYST = "analyst@rules.test";
    static final String NAVIGATOR = "navigator@rules.test";
    static final String ADMIN = "admin@rules.test";

    @Autowired
    Rules rules;
    @Autowired
    Backtests backtests;
    @Autowired
    Hits hits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StoredGroups groups;
    @Autowired
    PassengerDataIntake intake;

    AgencySummary borderForce;

    @BeforeAll
    void people() {
        borderForce = given.agency("Border Force PIU (rule pages)", AgencyType.BORDER_FORCE);
        AgencySummary police = given.agency("Essex Police (rule pages)", AgencyType.POLICE);
        AgencySummary charity = given.agency("Unseen (rule pages)", AgencyType.CHARITY);
        given.user("Wren Writer", WRITER, borderForce, Role.PASSENGER_DATA);
        given.user("Rafe Reviewer", REVIEWER, borderForce, Role.PASSENGER_DATA);
        given.user("Olu Officer", OFFICER, police, Role.OFFICER);
        given.user("Cleo Coordinator", COORDINATOR, police, Role.COORDINATOR);
        given.user("Ari Analyst", ANALYST, police, Role.ANALYST);
        given.user("Nia Navigator", NAVIGATOR, charity, Role.PARTNER);
        given.user("Dana Admin", ADMIN, police, Role.ADMIN);
        // A passenger list in the week the back-tests run over.
        Receipt receipt = intake.receive(Messages.paxlst("7711", "2611031030", "2611031215"), "test");
        assertThat(receipt.status()).as(String.valueOf(receipt.failure())).isEqualTo(MessageStatus.APPLIED);
    }

    private static RuleDraft draft(String title, Criterion criteria) {
        return new RuleDraft(title, "Why it matters", "T13", 2, criteria);
    }

    private static Condition condition(Field field, Operator operator, String... values) {
        return new Condition(field, operator, List.of(values));
    }

    @Test
    void onlyThePassengerDataRoleSeesTheRulePages() throws Exception {
        UUID rule = rules.create(draft("Young, one way (roles)", new AllOf(List.of(condition(Field.AGE, Operator.LESS,
                "25")))), principal(WRITER));
        UUID run = backtests.run(rule, 1, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), "Roles", principal(WRITER))
                .id();
        Map<String, Page> pages = Map.of(
                "list", who -> get("/screening/rules"),
                "new", who -> get("/screening/rules/new"),
                "rule", who -> get("/screening/rules/" + rule),
                "edit", who -> get("/screening/rules/" + rule + "/edit"),
                "back-test form", who -> get("/screening/rules/" + rule + "/backtest"),
                "back-test result", who -> get("/screening/rules/" + rule + "/backtests/" + run),
                "enable", who -> post("/screening/rules/" + rule + "/enable").param("version", "1"),
                "groups", who -> get("/screening/groups"),
                "group", who -> get("/screening/groups/focus-countries"));
        List<String> people = List.of(WRITER, OFFICER, COORDINATOR, ANALYST, NAVIGATOR, ADMIN);
        Map<String, List<Integer>> statuses = statuses(pages, people);
        for (var page : statuses.entrySet()) {
            assertThat(page.getValue().subList(1, people.size())).as(page.getKey()).containsOnly(403);
            assertThat(page.getValue().get(0)).as(page.getKey()).isIn(200, 302);
        }
    }

    @Test
    void aFormSentWithARowNoPageOffersIsABadRequest() throws Exception {
        for (String row : List.of("-1", "99999")) {
            assertThat(mvc.perform(as(WRITER, post("/screening/rules/new")).with(csrf()).param("action", "save")
                    .param("conditions[" + row + "].field", "AGE")).andReturn().getResponse().getStatus())
                    .as(row).isEqualTo(400);
        }
    }

    @Test
    void aRulesPageSaysWhatBecameOfItsHits() throws Exception {
        UUID rule = rules.create(draft("Young, one way (precision)", new AllOf(List.of(condition(Field.AGE,
                Operator.LESS, "25")))), principal(WRITER));
        UUID version = rules.get(rule).current().id();
        OperationId operation = given.operation().named("Operation Plover (rule pages)")
                .between(LocalDate.now(), LocalDate.now().plusDays(2)).withPartners(borderForce)
                .plannedBy(principal(COORDINATOR));
        FlightId flight = given.arrival(operation, "W64390", "Wizz Air", "SOF", LocalDate.now().atTime(12, 0),
                principal(COORDINATOR)).id();
        for (String person : List.of("ONE", "TWO", "THREE")) {
            hits.record(new NewHit(operation, flight, UUID.randomUUID(), null, "precision " + person, person + ", ANA",
                    "1A", Instant.now(), HitKind.RULE, version, rule, "Young, one way (precision)", 2, null,
                    List.of("aged 19 years (rule: less than 25 years)")));
        }
        UUID decided = jdbc.sql("SELECT id FROM screening_hit WHERE person_key = 'precision ONE'").query(UUID.class)
                .single();
        hits.decide(decided, new Decision(Decision.Kind.NO_CONCERN, null, null, null, null), principal(REVIEWER));

        Document page = page(as(WRITER, get("/screening/rules/" + rule)));
        assertThat(page.select("#precision tr").eachText()).contains("Hits 3", "Decided by a reviewer 1", "No concern 1",
                "Officers spoke with them 0");
    }

    @Test
    void aRuleIsWrittenOnTheFormRowByRowAndItsMistakesShownAgainstTheirRow() throws Exception {
        Document empty = page(as(WRITER, get("/screening/rules/new")));
        assertThat(empty.select("h1").text()).isEqualTo("Write a rule");
        assertThat(empty.select(".wm-condition")).hasSize(1);
        assertThat(empty.select("select#conditions\\[0\\]-field optgroup").size()).isGreaterThan(3);
        assertThat(empty.select("input[name=match]").eachAttr("value")).containsExactly("ALL", "ANY");
        assertThat(empty.select("#group-codes dt").eachText()).contains("focus-countries",
                "agencies-and-payers-seen-in-referrals");
        assertThat(empty.select("#group-codes").text()).contains("BGR, MDA, TUR").contains("worked out by Waymark");

        Document two = page(as(WRITER, post("/screening/rules/new")).with(csrf()).param("title", "Young and one way")
                .param("conditions[0].field", "AGE").param("conditions[0].operator", "LESS")
                .param("conditions[0].values", "25").param("action", "add"));
        assertThat(two.select(".wm-condition")).hasSize(2);
        assertThat(two.select("#conditions\\[0\\]-values").val()).isEqualTo("25");
        assertThat(two.select(".govuk-error-summary")).as("adding a row checks nothing yet").isEmpty();

        Document wrong = page(as(WRITER, post("/screening/rules/new")).with(csrf()).param("title", "Young and one way")
                .param("indicator", "T13").param("priority", "2").param("match", "ALL")
                .param("conditions[0].field", "AGE").param("conditions[0].operator", "LESS")
                .param("conditions[0].values", "young")
                .param("conditions[1].field", "").param("conditions[1].operator", "EQUALS")
                .param("conditions[1].values", "YES").param("action", "save"));
        assertThat(wrong.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#conditions[1]-field");
        assertThat(wrong.select("#conditions\\[1\\]-field-error").text()).contains("Choose a field");

        Document notANumber = page(as(WRITER, post("/screening/rules/new")).with(csrf()).param("title", "Young and one way")
                .param("indicator", "T13").param("priority", "2").param("match", "ALL")
                .param("conditions[0].field", "AGE").param("conditions[0].operator", "LESS")
                .param("conditions[0].values", "young")
                .param("conditions[1].field", "ONE_WAY").param("conditions[1].operator", "EQUALS")
                .param("conditions[1].values", "YES").param("action", "save"));
        assertThat(notANumber.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#conditions[0]-values");
        assertThat(notANumber.select("#conditions\\[0\\]-values").hasClass("govuk-input--error")).isTrue();

        Document removed = page(as(WRITER, post("/screening/rules/new")).with(csrf()).param("title", "Young and one way")
                .param("conditions[0].field", "AGE").param("conditions[0].operator", "LESS")
                .param("conditions[0].values", "25")
                .param("conditions[1].field", "ONE_WAY").param("conditions[1].operator", "EQUALS")
                .param("conditions[1].values", "YES").param("action", "remove-0"));
        assertThat(removed.select(".wm-condition")).hasSize(1);
        assertThat(removed.select("#conditions\\[0\\]-field option[selected]").val()).isEqualTo("ONE_WAY");

        MvcResult saved = mvc.perform(as(WRITER, post("/screening/rules/new")).with(csrf())
                .param("title", "Young and one way").param("description", "Young adults leaving for good.")
                .param("indicator", "T13").param("priority", "2").param("match", "ALL")
                .param("conditions[0].field", "AGE").param("conditions[0].operator", "LESS")
                .param("conditions[0].values", "25")
                .param("conditions[1].field", "ONE_WAY").param("conditions[1].operator", "EQUALS")
                .param("conditions[1].values", "YES").param("conditions[1].not", "true").param("action", "save"))
                .andReturn();
        String address = saved.getResponse().getRedirectedUrl();
        assertThat(address).startsWith("/screening/rules/");
        UUID id = UUID.fromString(address.substring("/screening/rules/".length()));
        assertThat(rules.get(id).current().criteria()).isEqualTo(new AllOf(List.of(
                condition(Field.AGE, Operator.LESS, "25"),
                new Criterion.Not(condition(Field.ONE_WAY, Operator.EQUALS, "YES")))));

        Document rule = page(as(WRITER, get(address)).flashAttrs(saved.getFlashMap()));
        assertThat(rule.select(".govuk-notification-banner").text()).contains("saved as a draft");
        assertThat(rule.select("h1").text()).isEqualTo("Young and one way");
        assertThat(rule.select(".govuk-tag").text()).contains("Draft");
        assertThat(rule.select("#refusals li").eachText()).contains("It was not back-tested: back-test this version first.",
                "You wrote this version: someone else must enable it.");
        assertThat(rule.select("#enable")).isEmpty();

        Document edit = page(as(WRITER, get(address + "/edit")));
        assertThat(edit.select("#title").val()).isEqualTo("Young and one way");
        assertThat(edit.select("#conditions\\[1\\]-not").hasAttr("checked")).isTrue();
        assertThat(edit.select("p.govuk-body").text()).contains("Saving writes version 2");
    }

    @Test
    void aBackTestRunFromThePageLetsTheOtherAnalystEnableTheRule() throws Exception {
        UUID id = rules.create(draft("Paid by someone not travelling (pages)", new AllOf(List.of(
                condition(Field.PAYER_TRAVELS, Operator.EQUALS, "NO")))), principal(WRITER));

        Document form = page(as(WRITER, get("/screening/rules/" + id + "/backtest")));
        assertThat(form.select("h1").text()).isEqualTo("Back-test version 1");
        assertThat(form.text()).contains("48 hours");

        Document tooLong = page(as(WRITER, post("/screening/rules/" + id + "/backtest")).with(csrf())
                .param("from.day", "1").param("from.month", "10").param("from.year", "2026")
                .param("to.day", "30").param("to.month", "11").param("to.year", "2026").param("reason", ""));
        assertThat(tooLong.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#to-day", "#reason");

        MockHttpServletResponse ran = mvc.perform(as(WRITER, post("/screening/rules/" + id + "/backtest")).with(csrf())
                .param("from.day", "1").param("from.month", "11").param("from.year", "2026")
                .param("to.day", "7").param("to.month", "11").param("to.year", "2026")
                .param("reason", "Before it is enabled")).andReturn().getResponse();
        assertThat(ran.getRedirectedUrl()).startsWith("/screening/rules/" + id + "/backtests/");
        Document result = page(as(WRITER, get(ran.getRedirectedUrl())));
        assertThat(result.select("h1").text()).isEqualTo("Back-test of version 1");
        assertThat(result.select("#days").text()).isEqualTo("1 November 2026 to 7 November 2026");
        assertThat(result.select("#by-day tbody tr")).hasSize(7);
        assertThat(result.select("#precision").text()).as("what reviewers and officers recorded is known")
                .startsWith("None of the ").endsWith("people hit has an outcome yet.");

        Document writersView = page(as(WRITER, get("/screening/rules/" + id)));
        assertThat(writersView.select("#refusals li").eachText())
                .containsExactly("You wrote this version: someone else must enable it.");
        assertThat(writersView.select("#backtests tbody tr")).hasSize(1);

        Document reviewersView = page(as(REVIEWER, get("/screening/rules/" + id)));
        assertThat(reviewersView.select("#refusals")).isEmpty();
        assertThat(reviewersView.select("#enable").text()).isEqualTo("Enable version 1");

        MvcResult refused = mvc.perform(as(WRITER, post("/screening/rules/" + id + "/enable")).with(csrf())
                .param("version", "1")).andReturn();
        Document refusal = page(as(WRITER, get("/screening/rules/" + id)).flashAttrs(refused.getFlashMap()));
        assertThat(refusal.select(".govuk-error-summary").text()).contains("You wrote this version");
        assertThat(rules.get(id).enabledVersion()).isNull();

        MvcResult enabled = mvc.perform(as(REVIEWER, post("/screening/rules/" + id + "/enable")).with(csrf())
                .param("version", "1")).andReturn();
        Document after = page(as(REVIEWER, get("/screening/rules/" + id)).flashAttrs(enabled.getFlashMap()));
        assertThat(after.select(".govuk-notification-banner").text()).contains("Version 1 is enabled");
        assertThat(after.text()).contains("Version 1 screens, enabled by Rafe Reviewer");
        assertThat(after.select("#disable")).hasSize(1);

        Document log = page(as(ADMIN, get("/admin/audit?recordId=" + id)));
        assertThat(log.text()).as("the log names the rule by its title")
                .contains("Rule: Paid by someone not travelling (pages)", "Enabled a screening rule’s version",
                        "Back-tested a screening rule over passenger data", "Wrote a screening rule");

        MockHttpServletResponse early = mvc.perform(as(REVIEWER, post("/screening/rules/" + id + "/backtest"))
                .with(csrf()).param("from.day", "1").param("from.month", "10").param("from.year", "2026")
                .param("to.day", "2").param("to.month", "10").param("to.year", "2026")
                .param("reason", "Days before any list")).andReturn().getResponse();
        assertThat(page(as(REVIEWER, get(early.getRedirectedUrl()))).select("#empty").text())
                .contains("No passenger data was kept for these days", "does not count towards enabling");

        Document list = page(as(REVIEWER, get("/screening/rules")));
        assertThat(list.select("#rules tbody tr").stream().filter(row -> row.text().contains("(pages)")).findFirst()
                .orElseThrow().text()).contains("Enabled");
        assertThat(cardsNamingTheirColumns(list)).containsExactly(List.of("Title", "Indicator", "Priority", "Status",
                "Version", "Precision"));
    }

    @Test
    void aRuleNestedDeeperThanTheFormIsShownInWordsAndEditedThroughTheApi() throws Exception {
        UUID id = rules.create(draft("Nested (pages)", new AllOf(List.of(condition(Field.AGE, Operator.LESS, "25"),
                new AnyOf(List.of(condition(Field.ONE_WAY, Operator.EQUALS, "YES"),
                        condition(Field.STAY_DAYS, Operator.LESS, "4")))))), principal(WRITER));
        Document rule = page(as(WRITER, get("/screening/rules/" + id)));
        assertThat(rule.select("#api-only").text()).contains("edited through the API");
        assertThat(rule.select("#edit")).isEmpty();
        assertThat(rule.select("#criteria li")).hasSize(4);
        assertThat(mvc.perform(as(WRITER, get("/screening/rules/" + id + "/edit"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/screening/rules/" + id);
    }

    @Test
    void aGroupsMembersAreChangedOnItsPageAndTheComputedGroupShowsOnlyHowManyItHas() throws Exception {
        groups.save("pages-watched-countries", "watched countries", null, List.of("BGR"), principal(WRITER));
        Document list = page(as(WRITER, get("/screening/groups")));
        assertThat(list.select("#groups tbody tr").stream().filter(row -> row.text().contains("referrals")).findFirst()
                .orElseThrow().select("a")).as("a computed group is not edited").isEmpty();
        assertThat(list.text()).contains("Worked out by Waymark: 0 now");
        assertThat(cardsNamingTheirColumns(list)).containsExactly(List.of("Code", "Name", "Members"));

        Document form = page(as(WRITER, get("/screening/groups/pages-watched-countries")));
        assertThat(form.select("#members").text()).isEqualTo("BGR");
        Document wrong = page(as(WRITER, post("/screening/groups/pages-watched-countries")).with(csrf())
                .param("name", "watched countries").param("members", "BG\nNarnia"));
        assertThat(wrong.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#members");
        assertThat(wrong.select("#members-error").text()).contains("country code");

        MvcResult saved = mvc.perform(as(WRITER, post("/screening/groups/pages-watched-countries")).with(csrf())
                .param("name", "watched countries").param("members", "BG\r\n md \n\nTUR")).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/screening/groups");
        assertThat(groups.view("pages-watched-countries").orElseThrow().members()).containsExactly("BGR", "MDA", "TUR");
        Document after = page(as(WRITER, get("/screening/groups")).flashAttrs(saved.getFlashMap()));
        assertThat(after.select(".govuk-notification-banner").text()).contains("pages-watched-countries was saved");
        assertThat(mvc.perform(as(WRITER, get("/screening/groups/agencies-and-payers-seen-in-referrals"))).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/screening/groups");
        assertThat(status(as(WRITER, get("/screening/groups/no-such-group")))).isEqualTo(404);
    }

    @Test
    void thePassengerDataHomeLinksToTheRules() throws Exception {
        Document home = page(as(WRITER, get("/passenger-data")));
        assertThat(home.select("#screening a").eachAttr("href")).contains("/screening/rules");
    }
}
