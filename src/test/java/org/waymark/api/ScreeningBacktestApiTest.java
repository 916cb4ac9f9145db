package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.passengerdata.Messages.paxlst;
import static org.waymark.support.ApiClient.json;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Receipt;
import org.waymark.screening.passenger.ScreenedPassenger;
import org.waymark.screening.rules.store.PastOutcomes;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;

import tools.jackson.databind.JsonNode;

/**
 * A back-test over a fixture week with known answers: from 1 to 7 March 2027, W6 4301 from Sofia
 * each day and W6 4311 from Chisinau on the 1st, 3rd and 5th, each with the same two passengers,
 * Maria Ivanova (22) and Georgi Petrov (47). A rule for passengers under 30 hits Maria on every
 * flight: ten hits of one person, whom the review of earlier hits says an officer spoke with; a
 * live rule for the Chisinau route hits three of them too. Runs on H2 and on PostgreSQL.
 */
@Import(ScreeningBacktestApiTest.KnownOutcomes.class)
class ScreeningBacktestApiTest extends ApiTests {

    static final String RULES = "/api/v1/screening/rules";

    /** What the review of hits would say: an officer spoke with Maria Ivanova. */
    @TestConfiguration
    static class KnownOutcomes {
        @Bean
        PastOutcomes pastOutcomes() {
            return new PastOutcomes() {
                @Override
                public Map<String, String> forPeople(Collection<String> personKeys) {
                    Map<String, String> outcomes = new HashMap<>();
                    personKeys.stream().filter(maria()::equals).forEach(key -> outcomes.put(key, "SPOKE_WITH"));
                    return outcomes;
                }
            };
        }
    }

    static String maria() {
        return new ScreenedPassenger(null, null, null, null, null, null, null, null, null, "IVANOVA", "MARIA",
                LocalDate.of(2004, 3, 12), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null).personKey();
    }

    @Autowired
    PassengerDataIntake intake;

    String writer;
    String reviewer;
    String underThirty;

    @BeforeAll
    void aWeekOfFlights() {
        var forces = forcesWith("officer");
        writer = given.user("piu-writer", forces.police(), "PASSENGER_DATA");
        reviewer = given.user("piu-reviewer", forces.police(), "PASSENGER_DATA");
        for (int day = 1; day <= 7; day++) {
            String date = "27030" + day;
            receive(paxlst("80" + day, date + "1030", date + "1215"));
            if (day % 2 == 1 && day <= 5) {
                receive(fromChisinau(paxlst("90" + day, date + "0900", date + "1200")));
            }
        }
        String chisinau = created("Flights from Chisinau", condition("ROUTE", "EQUALS", "KIV-STN"));
        assertThat(run(chisinau, "2027-03-01", "2027-03-07", writer).status()).isEqualTo(201);
        assertThat(api.post(RULES + "/" + chisinau + "/enable", json(Map.of("version", 1)), reviewer).status())
                .isEqualTo(200);
        underThirty = created("Under 30", condition("AGE", "LESS", "30"));
    }

    private void receive(byte[] message) {
        Receipt receipt = intake.receive(message, "test");
        assertThat(receipt.status()).as(String.valueOf(receipt.failure())).isEqualTo(MessageStatus.APPLIED);
    }

    /** The same passenger list, for W6 4311 from Chisinau. */
    private static byte[] fromChisinau(byte[] fromSofia) {
        return new String(fromSofia, StandardCharsets.US_ASCII).replace("W64301", "W64311").replace("SOF", "KIV")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static Map<String, Object> condition(String field, String operator, String value) {
        return Map.of("all", List.of(Map.of("field", field, "operator", operator, "values", List.of(value))));
    }

    private String created(String title, Map<String, Object> criteria) {
        Response created = api.post(RULES, json(Map.of("title", title, "indicator", "T13", "priority", 3,
                "criteria", criteria)), writer);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.text("id");
    }

    private Response run(String rule, String from, String to, String who) {
        return api.post(RULES + "/" + rule + "/versions/1/backtests",
                json(Map.of("from", from, "to", to, "reason", "Fixture week")), who);
    }

    @Test
    void theWeekGivesHitsByDayAndRouteTheirOutcomeAndTheOverlapWithLiveRules() {
        Response ran = run(underThirty, "2027-03-01", "2027-03-07", reviewer);
        assertThat(ran.status()).as(ran.raw().body()).isEqualTo(201);
        for (JsonNode result : List.of(ran.json(), api.get(ran.header("Location"), reviewer).json())) {
            assertThat(result.path("version").asInt()).isEqualTo(1);
            assertThat(result.path("flights").asInt()).isEqualTo(10);
            assertThat(result.path("passengers").asInt()).isEqualTo(20);
            assertThat(result.path("hits").asInt()).isEqualTo(10);
            assertThat(result.path("maskedFlights").asInt()).isZero();
            JsonNode figures = result.path("figures");
            assertThat(rows(figures.path("byDay"), "day")).containsExactly(
                    "2027-03-01 2 4 2", "2027-03-02 1 2 1", "2027-03-03 2 4 2", "2027-03-04 1 2 1",
                    "2027-03-05 2 4 2", "2027-03-06 1 2 1", "2027-03-07 1 2 1");
            assertThat(rows(figures.path("byRoute"), "route")).containsExactly("KIV-STN 3 6 3", "SOF-STN 7 14 7");
            JsonNode outcomes = figures.path("outcomes");
            assertThat(outcomes.path("known").asBoolean()).isTrue();
            assertThat(outcomes.path("people").asInt()).as("one person, on ten flights").isEqualTo(1);
            assertThat(outcomes.path("byOutcome").path("SPOKE_WITH").asInt()).isEqualTo(1);
            JsonNode overlap = figures.path("overlap");
            assertThat(overlap.size()).isEqualTo(1);
            assertThat(overlap.get(0).path("title").asString()).isEqualTo("Flights from Chisinau");
            assertThat(overlap.get(0).path("sharedHits").asInt()).isEqualTo(3);
            assertThat(result.toString()).as("counts only").doesNotContain("IVANOVA", "PETROV", "MARIA");
        }

        JsonNode oneDay = run(underThirty, "2027-03-02", "2027-03-02", reviewer).json();
        assertThat(oneDay.path("flights").asInt()).isEqualTo(1);
        assertThat(oneDay.path("hits").asInt()).isEqualTo(1);
        assertThat(rows(oneDay.path("figures").path("byRoute"), "route")).containsExactly("SOF-STN 1 2 1");

        JsonNode empty = run(underThirty, "2027-04-01", "2027-04-07", reviewer).json();
        assertThat(empty.path("flights").asInt()).isZero();
        assertThat(empty.path("figures").path("byDay").size()).as("every day of the range, with none").isEqualTo(7);
        assertThat(empty.path("figures").path("outcomes").path("people").asInt()).isZero();

        JsonNode logged = api.get("/api/v1/audit?action=SCREENING_RULE_BACK_TESTED&recordId=" + underThirty, admin)
                .json();
        assertThat(logged.findValuesAsString("detail")).containsExactly(
                "version 1, 2027-04-01 to 2027-04-07: Fixture week", "version 1, 2027-03-02 to 2027-03-02: Fixture week",
                "version 1, 2027-03-01 to 2027-03-07: Fixture week");
        JsonNode rule = api.get(RULES + "/" + underThirty, reviewer).json();
        assertThat(rule.path("backtests").size()).isEqualTo(3);
    }

    private static List<String> rows(JsonNode rows, String key) {
        return rows.valueStream().map(row -> row.path(key).asString() + " " + row.path("flights").asInt() + " "
                + row.path("passengers").asInt() + " " + row.path("hits").asInt()).toList();
    }
}
