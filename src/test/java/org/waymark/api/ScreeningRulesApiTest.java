package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Receipt;
import org.waymark.screening.rules.EnabledRules;
import org.waymark.screening.rules.RuleVersion;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;

import tools.jackson.databind.JsonNode;

/**
 * Screening rules through the API, as two analysts of a Passenger Information Unit use it: a rule
 * written and edited into versions, back-tested, and enabled only by the other of them (four
 * eyes); the version enabled stays live while a newer one waits; bad rules answered with problem
 * JSON naming the part at fault; nobody without the passenger data role reaches any of it. Runs on
 * H2 and on PostgreSQL.
 */
class ScreeningRulesApiTest extends ApiTests {

    static final String RULES = "/api/v1/screening/rules";

    @Autowired
    EnabledRules enabledRules;
    @Autowired
    PassengerDataIntake intake;

    String writer;
    String reviewer;

    @BeforeAll
    void people() {
        var forces = forcesWith("coordinator", "officer", "analyst");
        writer = given.user("piu-writer", forces.police(), "PASSENGER_DATA");
        reviewer = given.user("piu-reviewer", forces.police(), "PASSENGER_DATA");
        // A passenger list in the week the back-tests run over.
        Receipt receipt = intake.receive(Messages.paxlst("7701", "2611031030", "2611031215"), "test");
        assertThat(receipt.status()).as(String.valueOf(receipt.failure())).isEqualTo(MessageStatus.APPLIED);
    }

    static Map<String, Object> rule(String title, Object criteria) {
        return Map.of("title", title, "description", "Young adults travelling alone on a one-way ticket.",
                "indicator", "T13", "priority", 2, "criteria", criteria);
    }

    static Map<String, Object> condition(String field, String operator, String... values) {
        return Map.of("field", field, "operator", operator, "values", List.of(values));
    }

    static Map<String, Object> youngAndOneWay() {
        return Map.of("all", List.of(condition("AGE", "LESS", "25"), condition("ONE_WAY", "EQUALS", "YES")));
    }

    String created(Map<String, Object> rule, String who) {
        Response created = api.post(RULES, json(rule), who);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.text("id");
    }

    Response backtest(String id, String who) {
        return api.post(RULES + "/" + id + "/backtests",
                json(Map.of("from", "2026-11-01", "to", "2026-11-07", "reason", "Before enabling it")), who);
    }

    @Test
    void editingWritesANewVersionAndKeepsTheOldOne() {
        Response created = api.post(RULES, json(rule("Young, one way", youngAndOneWay())), writer);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).endsWith(RULES + "/" + id);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(created.json().path("currentVersion").asInt()).isEqualTo(1);

        Response edited = api.put(RULES + "/" + id, json(rule("Young, one way, no bags",
                Map.of("all", List.of(condition("AGE", "LESS", "25"), condition("BAGS", "IS_EMPTY"))))), writer);
        assertThat(edited.status()).as(edited.raw().body()).isEqualTo(200);
        JsonNode rule = api.get(RULES + "/" + id, writer).json();
        assertThat(rule.path("currentVersion").asInt()).isEqualTo(2);
        assertThat(rule.path("versions").findValuesAsString("title")).containsExactly("Young, one way, no bags",
                "Young, one way");
        assertThat(rule.path("versions").get(1).path("criteria")).isEqualTo(tools.jackson.databind.json.JsonMapper
                .builder().build().valueToTree(youngAndOneWay()));

        JsonNode listed = api.get(RULES, writer).json();
        JsonNode row = listed.findParents("id").stream().filter(r -> r.path("id").asString().equals(id)).findFirst()
                .orElseThrow();
        assertThat(row.path("title").asString()).isEqualTo("Young, one way, no bags");
        assertThat(row.path("currentVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aVersionIsEnabledOnlyAfterABackTestAndBySomeoneElse() {
        String id = created(rule("Booked by someone not travelling", Map.of("all",
                List.of(condition("PAYER_TRAVELS", "EQUALS", "NO")))), writer);

        Response untested = api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), reviewer);
        assertProblem(untested, 422, "version");
        assertThat(untested.text("detail")).contains("not back-tested");
        assertThat(api.get(RULES + "/" + id, reviewer).json().path("enableRefusals").toString())
                .contains("not back-tested");

        // A back-test over days with no passenger data tested nothing, and does not count.
        Response empty = api.post(RULES + "/" + id + "/backtests",
                json(Map.of("from", "2026-10-01", "to", "2026-10-02", "reason", "Too early")), writer);
        assertThat(empty.status()).as(empty.raw().body()).isEqualTo(201);
        assertThat(empty.json().path("passengers").asInt()).isZero();
        Response emptyOnly = api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), reviewer);
        assertProblem(emptyOnly, 422, "version");
        assertThat(emptyOnly.text("detail")).contains("found no passenger data");

        Response tested = backtest(id, writer);
        assertThat(tested.status()).as(tested.raw().body()).isEqualTo(201);
        assertThat(tested.json().path("passengers").asInt()).isPositive();
        assertThat(tested.header("Location")).contains(RULES + "/" + id + "/backtests/");

        Response own = api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), writer);
        assertProblem(own, 422, "version");
        assertThat(own.text("detail")).contains("You wrote this version");
        assertThat(api.get(RULES + "/" + id, writer).json().path("enableRefusals").toString())
                .contains("You wrote this version");
        assertThat(api.get(RULES + "/" + id, reviewer).json().path("enableRefusals").size()).isZero();

        Response enabled = api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), reviewer);
        assertThat(enabled.status()).as(enabled.raw().body()).isEqualTo(200);
        assertThat(enabled.text("status")).isEqualTo("ENABLED");
        assertThat(enabled.json().path("enabledVersion").asInt()).isEqualTo(1);
        assertThat(enabledVersion(id)).isEqualTo(1);
        assertProblem(api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), reviewer), 409, "version");

        // A new version waits for its own back-test; the version enabled keeps screening.
        api.put(RULES + "/" + id, json(rule("Booked by someone not travelling, one way", Map.of("all",
                List.of(condition("PAYER_TRAVELS", "EQUALS", "NO"), condition("ONE_WAY", "EQUALS", "YES"))))),
                writer);
        JsonNode rule = api.get(RULES + "/" + id, reviewer).json();
        assertThat(rule.path("status").asString()).isEqualTo("ENABLED");
        assertThat(rule.path("enabledVersion").asInt()).isEqualTo(1);
        assertThat(enabledVersion(id)).isEqualTo(1);
        assertProblem(api.post(RULES + "/" + id + "/enable", json(Map.of("version", 2)), reviewer), 422, "version");
        assertProblem(api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), reviewer), 409, "version");

        // The reviewer back-tests version 2; the writer of version 2 still may not enable it.
        assertThat(backtest(id, reviewer).status()).isEqualTo(201);
        assertProblem(api.post(RULES + "/" + id + "/enable", json(Map.of("version", 2)), writer), 422, "version");
        assertThat(api.post(RULES + "/" + id + "/enable", json(Map.of("version", 2)), reviewer).status())
                .isEqualTo(200);
        assertThat(enabledVersion(id)).isEqualTo(2);

        Response disabled = api.post(RULES + "/" + id + "/disable", "{}", reviewer);
        assertThat(disabled.status()).as(disabled.raw().body()).isEqualTo(200);
        assertThat(disabled.text("status")).isEqualTo("DISABLED");
        assertThat(enabledVersion(id)).as("a disabled rule makes no new hits").isNull();
        assertProblem(api.post(RULES + "/" + id + "/disable", "{}", reviewer), 409, null);

        // Both steps are in the audit log, with who did them.
        JsonNode enabling = api.get("/api/v1/audit?action=SCREENING_RULE_ENABLED&recordId=" + id, admin).json();
        assertThat(enabling.findValuesAsString("detail")).containsExactly("version 2", "version 1");
        JsonNode tests = api.get("/api/v1/audit?action=SCREENING_RULE_BACK_TESTED&recordId=" + id, admin).json();
        assertThat(tests.findValuesAsString("detail")).containsExactly(
                "version 2, 2026-11-01 to 2026-11-07: Before enabling it",
                "version 1, 2026-11-01 to 2026-11-07: Before enabling it",
                "version 1, 2026-10-01 to 2026-10-02: Too early");
    }

    @Test
    void aShippedRuleIsEnabledBySomeoneOtherThanWhoBackTestedIt() {
        JsonNode shipped = api.get(RULES, writer).json().findParents("shipped").stream()
                .filter(rule -> rule.path("shipped").asBoolean()).toList().get(0);
        assertThat(shipped.path("status").asString()).isEqualTo("DRAFT");
        String id = shipped.path("id").asString();
        assertThat(backtest(id, writer).status()).isEqualTo(201);

        Response own = api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), writer);
        assertProblem(own, 422, "version");
        assertThat(own.text("detail")).contains("You back-tested this shipped rule");
        assertThat(api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), reviewer).status())
                .isEqualTo(200);
        api.post(RULES + "/" + id + "/disable", "{}", reviewer);
    }

    @Test
    void theShippedLibraryIsStoredOnceAndDisabled() {
        List<JsonNode> shipped = api.get(RULES, writer).json().findParents("shipped").stream()
                .filter(rule -> rule.path("shipped").asBoolean()).toList();
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(6);
        assertThat(shipped).allSatisfy(rule -> assertThat(rule.path("indicator").asString()).isNotBlank());
        JsonNode groups = api.get("/api/v1/screening/groups", writer).json();
        assertThat(groups.findValuesAsString("code")).contains("focus-countries",
                "agencies-and-payers-seen-in-referrals");
    }

    @Test
    void aBadRuleIsAnsweredWithTheProblemAndWhereItIs() {
        assertProblem(api.post(RULES, json(rule("Unknown field", Map.of("all", List.of(condition("AGE", "LESS", "25"),
                condition("SHOE_SIZE", "LESS", "25"))))), writer), 422, "criteria.all.1.field");
        assertProblem(api.post(RULES, json(rule("Unknown operator", Map.of("any", List.of(
                condition("AGE", "ROUGHLY", "25"))))), writer), 422, "criteria.any.0.operator");
        assertProblem(api.post(RULES, json(rule("Operator not for the field", Map.of("all", List.of(
                condition("ONE_WAY", "LESS", "3"))))), writer), 422, "criteria.all.0.operator");
        assertProblem(api.post(RULES, json(rule("Between needs two", Map.of("all", List.of(
                condition("AGE", "BETWEEN", "18"))))), writer), 422, "criteria.all.0.values");
        assertProblem(api.post(RULES, json(rule("Not a number", Map.of("all", List.of(
                condition("AGE", "LESS", "young"))))), writer), 422, "criteria.all.0.values");
        assertProblem(api.post(RULES, json(rule("Unknown group", Map.of("all", List.of(
                condition("NATIONALITY", "MEMBER_OF", "no-such-group"))))), writer), 422, "criteria.all.0.values");
        assertProblem(api.post(RULES, json(Map.of("indicator", "T13", "priority", 2, "criteria", youngAndOneWay())),
                writer), 422, "title");
        assertProblem(api.post(RULES, json(Map.of("title", "No indicator", "priority", 2, "criteria",
                youngAndOneWay())), writer), 422, "indicator");
        assertProblem(api.post(RULES, json(Map.of("title", "Bad indicator", "indicator", "Z99", "priority", 9,
                "criteria", youngAndOneWay())), writer), 422, "priority");
        assertProblem(api.post(RULES, json(Map.of("title", "No criteria", "indicator", "T13", "priority", 2)), writer),
                422, "criteria");
        assertProblem(api.post(RULES, json(rule("Title\u0000with a NUL", youngAndOneWay())), writer), 400, null);
        assertProblem(api.send("POST", RULES, "application/json", "{\"title\": ", writer), 400, null);
        assertThat(api.get(RULES, writer).json().findValuesAsString("title")).doesNotContain("Unknown field",
                "Between needs two", "No criteria");

        String id = created(rule("Young, one way (problems)", youngAndOneWay()), writer);
        assertProblem(api.get(RULES + "/7b0b2f4e-0f57-4d61-9a8e-000000000000", writer), 404, null);
        assertProblem(api.put(RULES + "/" + id, json(rule("", youngAndOneWay())), writer), 422, "title");
        assertProblem(api.post(RULES + "/" + id + "/backtests", json(Map.of("from", "2026-10-01", "to", "2026-11-15",
                "reason", "Too long a range")), writer), 422, "to");
        assertProblem(api.post(RULES + "/" + id + "/backtests", json(Map.of("from", "2026-11-07", "to", "2026-11-01",
                "reason", "Backwards")), writer), 422, "to");
        assertProblem(api.post(RULES + "/" + id + "/backtests", json(Map.of("from", "0000-01-01", "to", "0000-01-05",
                "reason", "r")), writer), 422, "from");
        assertProblem(api.post(RULES + "/" + id + "/backtests", json(Map.of("from", "2026-11-01", "to", "+99999-01-05",
                "reason", "r")), writer), 422, "to");
        assertProblem(api.post(RULES + "/" + id + "/backtests", json(Map.of("from", "2026-11-01", "to", "2026-11-02")),
                writer), 422, "reason");
        assertProblem(api.post(RULES + "/" + id + "/backtests", json(Map.of("from", "the first", "to", "2026-11-02",
                "reason", "Not a date")), writer), 400, "from");
        assertProblem(api.post(RULES + "/" + id + "/enable", "{}", reviewer), 422, "version");
        assertThat(api.get(RULES + "/" + id, writer).json().path("backtests").size()).isZero();
    }

    @Test
    void aGroupsMembersAreCheckedAndCountriesKeptAsPassengerDataGivesThem() {
        Response bad = api.put("/api/v1/screening/groups/focus-countries", json(Map.of("name", "focus countries",
                "members", List.of("BG", "MDA", "Narnia"))), writer);
        assertProblem(bad, 422, "members");
        Response saved = api.put("/api/v1/screening/groups/focus-countries", json(Map.of("name", "focus countries",
                "description", "This week's focus", "members", List.of("BG", " md ", "TUR", "BGR"))), writer);
        assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
        assertThat(saved.json().path("members").valueStream().map(JsonNode::asString).toList())
                .containsExactly("BGR", "MDA", "TUR");
        Response agencies = api.put("/api/v1/screening/groups/watched-agencies", json(Map.of("name", "watched agencies",
                "members", List.of("SOFIA TRAVEL 123"))), writer);
        assertThat(agencies.status()).as(agencies.raw().body()).isEqualTo(200);
        assertProblem(api.put("/api/v1/screening/groups/agencies-and-payers-seen-in-referrals", json(Map.of("name",
                "typed", "members", List.of("SOFIA TRAVEL 123"))), writer), 409, "members");
        assertProblem(api.put("/api/v1/screening/groups/Not_A_Code", json(Map.of("name", "x", "members", List.of())),
                writer), 422, "code");
        assertThat(api.get("/api/v1/audit?action=SCREENING_GROUP_CHANGED&recordId=focus-countries", admin).json()
                .size()).isEqualTo(1);
    }

    @Test
    void aGroupAnEnabledRuleAsksAboutKeepsItsMembersAndAChangeNeedsANewBackTestAndASecondPerson() {
        assertThat(api.put("/api/v1/screening/groups/watched-routes", json(Map.of("name", "watched routes",
                "members", List.of("SOF-STN"))), writer).status()).isEqualTo(200);
        String id = created(Map.of("title", "On a watched route", "description", "Why it matters", "indicator", "T13",
                "priority", 2, "criteria", Map.of("field", "ROUTE", "operator", "MEMBER_OF",
                        "values", List.of("watched-routes"))), writer);
        assertThat(backtest(id, writer).status()).isEqualTo(201);
        assertThat(api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), reviewer).status())
                .isEqualTo(200);

        Response widened = api.put("/api/v1/screening/groups/watched-routes", json(Map.of("name", "watched routes",
                "members", List.of("SOF-STN", "LHR-JFK"))), writer);
        assertProblem(widened, 409, "members");
        assertThat(widened.text("detail")).contains("Disable the rule first");
        assertThat(api.put("/api/v1/screening/groups/watched-routes", json(Map.of("name", "routes we watch",
                "members", List.of("SOF-STN"))), writer).status()).as("renamed, members as they were").isEqualTo(200);

        assertThat(api.post(RULES + "/" + id + "/disable", null, writer).status()).isIn(200, 204);
        assertThat(api.put("/api/v1/screening/groups/watched-routes", json(Map.of("name", "watched routes",
                "members", List.of("SOF-STN", "LHR-JFK"))), writer).status()).isEqualTo(200);

        // The back-test no longer tested what the rule would find: enabling waits for a new one.
        Response stale = api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), reviewer);
        assertProblem(stale, 422, "version");
        assertThat(stale.text("detail")).contains("changed since its back-test");
        assertThat(backtest(id, reviewer).status()).isEqualTo(201);
        assertThat(api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), reviewer).status())
                .as("one changed the group, another back-tested and enabled").isEqualTo(200);

        // Whoever changes the group cannot enable the rule again alone, back-tested or not.
        assertThat(api.post(RULES + "/" + id + "/disable", null, reviewer).status()).isIn(200, 204);
        assertThat(api.put("/api/v1/screening/groups/watched-routes", json(Map.of("name", "watched routes",
                "members", List.of("LHR-JFK"))), reviewer).status()).isEqualTo(200);
        assertThat(backtest(id, reviewer).status()).isEqualTo(201);
        Response alone = api.post(RULES + "/" + id + "/enable", json(Map.of("version", 1)), reviewer);
        assertProblem(alone, 422, "version");
        assertThat(alone.text("detail")).contains("You changed a group it asks about");
        assertThat(api.get(RULES + "/" + id, reviewer).json().path("status").asString()).isEqualTo("DISABLED");
    }

    @Test
    void onlyThePassengerDataRoleReachesRules() {
        String id = created(rule("Young, one way (roles)", youngAndOneWay()), writer);
        for (String who : List.of("coordinator", "officer", "analyst", "admin")) {
            assertThat(api.get(RULES, as.get(who)).status()).as(who).isEqualTo(403);
            assertThat(api.get(RULES + "/" + id, as.get(who)).status()).as(who).isEqualTo(403);
            assertThat(api.post(RULES, json(rule("By " + who, youngAndOneWay())), as.get(who)).status()).as(who)
                    .isEqualTo(403);
            assertThat(backtest(id, as.get(who)).status()).as(who).isEqualTo(403);
            assertThat(api.get("/api/v1/screening/groups", as.get(who)).status()).as(who).isEqualTo(403);
        }
        assertThat(api.get(RULES, null).status()).isEqualTo(401);
    }

    private Integer enabledVersion(String id) {
        return enabledRules.enabled().stream().filter(rule -> rule.ruleId().toString().equals(id))
                .map(RuleVersion::version).findFirst().orElse(null);
    }
}
