package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.json;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;

import tools.jackson.databind.JsonNode;

/**
 * Flights, schedule imports and engagement tallies through the JSON API, over real HTTP. Runs
 * on H2 and on PostgreSQL.
 */
class FlightsAndTalliesApiTest extends ApiTests {

    static final String HEADER = "flight_number,airline,direction,airport,scheduled\n";

    String coordinator;
    String officer;
    String partner;
    String analyst;
    String outsider;
    String agency;
    String partnerAgency;

    @BeforeAll
    void people() {
        agency = given.agency("Essex Police", "POLICE");
        partnerAgency = given.agency("Justice & Care", "CHARITY");
        String otherAgency = given.agency("Kent Police", "POLICE");
        coordinator = given.user("coordinator", agency, "COORDINATOR");
        officer = given.user("officer", agency, "OFFICER");
        partner = given.user("navigator", partnerAgency, "PARTNER");
        analyst = given.user("analyst", agency, "ANALYST");
        outsider = given.user("kent", otherAgency, "OFFICER");
    }

    // --- flights -------------------------------------------------------------------------------

    @Test
    void aFlightTakesItsCountryFromTheOtherAirportAndIsSuggestedForAFocusCountry() {
        String operation = operation();

        Response sofia = addFlight(operation, "fr 1234", "ARRIVAL", "sof", "2026-09-16T07:35");
        Response dublin = addFlight(operation, "FR8812", "ARRIVAL", "DUB", "2026-09-16T14:05");

        assertThat(sofia.status()).isEqualTo(201);
        JsonNode flight = sofia.json();
        assertThat(flight.path("flightNumber").asString()).isEqualTo("FR1234");
        assertThat(flight.path("direction").asString()).isEqualTo("ARRIVAL");
        assertThat(flight.path("airport").asString()).isEqualTo("SOF");
        assertThat(flight.path("country").asString()).isEqualTo("BG");
        assertThat(flight.path("scheduled").asString()).isEqualTo("2026-09-16T07:35");
        assertThat(flight.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(flight.path("suggested").asBoolean()).isTrue();
        assertThat(flight.has("airline")).isTrue();
        assertThat(dublin.json().path("country").asString()).isEqualTo("IE");
        assertThat(dublin.json().path("suggested").asBoolean()).isFalse();
    }

    @Test
    void flightsAreCheckedAsTheyAreTyped() {
        String operation = operation();
        addFlight(operation, "W6 4301", "ARRIVAL", "VAR", "2026-09-17T09:10");

        assertProblemAbout(addFlight(operation, "W6 4301", "ARRIVAL", "VAR", "2026-09-17T21:00"), 409, "flightNumber");
        assertProblemAbout(addFlight(operation, "W6 4302", "ARRIVAL", "QQQ", "2026-09-17T09:10"), 400, "airport");
        assertProblemAbout(addFlight(operation, "Flight 12", "ARRIVAL", "VAR", "2026-09-17T09:10"), 400,
                "flightNumber");
        assertProblemAbout(addFlight(operation, "W6 4303", "ARRIVAL", "VAR", "2026-09-25T09:10"), 400, "scheduled");
        assertProblemAbout(addFlight(operation, "W6 4304", "SIDEWAYS", "VAR", "2026-09-17T09:10"), 400, "direction");
        assertProblemAbout(addFlight(operation, "W6 4305", "ARRIVAL", "VAR", "17/09/2026 09:10"), 400, "scheduled");
        assertThat(addFlight(operation, "W6 4306", "ARRIVAL", "VAR", "2026-09-17T09:10", officer).status())
                .isEqualTo(403);
    }

    @Test
    void anImportLandsValidRowsSkipsDuplicatesAndListsRefusedRowsByLine() {
        String operation = operation();
        addFlight(operation, "FR1234", "ARRIVAL", "SOF", "2026-09-16T07:35");
        String file = HEADER
                + "FR1234,Ryanair,ARRIVAL,SOF,2026-09-16T07:35\n"        // line 2: already there
                + "FR3021,Ryanair,ARRIVAL,KIV,2026-09-16T11:50\n"        // line 3
                + "\"PC 1171\",\"Pegasus, Airlines\",arrival,SAW,2026-09-16T13:25\n" // line 4
                + "FR3021,Ryanair,ARRIVAL,KIV,2026-09-16T11:55\n"        // line 5: same flight, day, direction
                + "FR3022,Ryanair,DEPARTURE,KIV,2026-09-16T12:40\n"      // line 6
                + "FR9999,Ryanair,ARRIVAL,QQQ,2026-09-16T10:00\n"        // line 7: unknown airport
                + "FR9998,Ryanair,LANDING,SOF,2026-09-16T10:00\n"        // line 8: bad direction
                + "FR9997,Ryanair,ARRIVAL,SOF,16/09/2026 10:00\n"        // line 9: bad time
                + "FR9996,Ryanair,ARRIVAL,SOF\n"                         // line 10: too few columns
                + "\n"                                                   // line 11: blank, ignored
                + "FR9995,Ryanair,ARRIVAL,SOF,2026-10-01T10:00\n";       // line 12: outside the operation

        Response response = importCsv(operation, file, coordinator);

        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(response.json().path("duplicates").asInt()).isEqualTo(2);
        JsonNode rejected = response.json().path("rejected");
        List<Integer> lines = new ArrayList<>();
        rejected.forEach(row -> lines.add(row.path("line").asInt()));
        assertThat(lines).containsExactly(7, 8, 9, 10, 12);
        assertThat(rejected.get(0).path("reason").asString()).contains("airport");
        assertThat(rejected.get(3).path("reason").asString()).contains("5 columns");
        JsonNode flights = api.get("/api/v1/operations/" + operation + "/flights", coordinator).json();
        assertThat(flights.findValuesAsString("flightNumber")).containsExactly("FR1234", "FR3021", "FR3022",
                "PC1171");
        assertThat(flights.get(3).path("airline").asString()).isEqualTo("Pegasus, Airlines");
    }

    @Test
    void aFileThatIsNoScheduleIsRefusedWhole() {
        String operation = operation();

        assertProblemAbout(importCsv(operation, "number,from,when\nFR1,SOF,2026-09-16T10:00\n", coordinator), 400,
                "file");
        byte[] latin1 = (HEADER + "FR1,Caf\u00e9 Air,ARRIVAL,SOF,2026-09-16T10:00\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertProblemAbout(api.sendBytes("/api/v1/operations/" + operation + "/flights/import", "text/csv", latin1,
                coordinator), 400, "file");
        assertThat(api.send("POST", "/api/v1/operations/" + operation + "/flights/import", "application/json",
                "{}", coordinator).status()).isEqualTo(415);
        assertThat(importCsv(operation, HEADER, officer).status()).isEqualTo(403);
    }

    @Test
    void fiftyThousandRowsImportInOneGo() {
        String operation = operation();
        StringBuilder file = new StringBuilder(HEADER);
        String[] airports = { "SOF", "VAR", "BOJ", "KIV", "IST", "SAW", "AYT", "DUB", "MAD", "OTP" };
        for (int i = 0; i < 50_000; i++) {
            file.append("ZZ").append(i % 10_000).append(",Test Air,").append(i < 40_000 ? "ARRIVAL" : "DEPARTURE")
                    .append(',').append(airports[i % airports.length]).append(",2026-09-")
                    .append(16 + (i / 10_000) % 4).append("T10:00\n");
        }

        Response response = importCsv(operation, file.toString(), coordinator);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("accepted").asInt() + response.json().path("duplicates").asInt())
                .isEqualTo(50_000);
        assertThat(response.json().path("rejected")).isEmpty();
        assertThat(api.get("/api/v1/operations/" + operation + "/flights?date=2026-09-16", coordinator).json())
                .hasSizeGreaterThan(9_000);
        assertProblemAbout(importCsv(operation, file + "ZZ1,Test Air,ARRIVAL,SOF,2026-09-16T11:00\n", coordinator), 400,
                "file");
    }

    @Test
    void coordinatorsMonitorOneFlightOrAllSuggestedOnes() {
        String operation = operation();
        String sofia = addFlight(operation, "FR1234", "ARRIVAL", "SOF", "2026-09-16T07:35").text("id");
        addFlight(operation, "FR3021", "ARRIVAL", "KIV", "2026-09-16T11:50");
        addFlight(operation, "PC1171", "DEPARTURE", "SAW", "2026-09-17T13:25");
        addFlight(operation, "FR8812", "ARRIVAL", "DUB", "2026-09-16T14:05");

        Response one = api.post("/api/v1/operations/" + operation + "/flights/" + sofia + "/monitor", null,
                coordinator);
        Response suggested = api.post("/api/v1/operations/" + operation + "/flights/monitor-suggested", null,
                coordinator);

        assertThat(one.text("status")).isEqualTo("MONITORING");
        assertThat(suggested.json().path("monitored").asInt()).isEqualTo(2);
        JsonNode day = api.get("/api/v1/operations/" + operation + "/flights?date=2026-09-16", officer).json();
        assertThat(day.findValuesAsString("flightNumber")).containsExactly("FR1234", "FR3021", "FR8812");
        assertThat(day.findValuesAsString("status")).containsExactly("MONITORING", "MONITORING", "SCHEDULED");
        assertThat(api.post("/api/v1/operations/" + operation + "/flights/monitor-suggested", null, officer)
                .status()).isEqualTo(403);
    }

    @Test
    void coordinatorsAssignOfficersOfTheAgenciesTakingPart() {
        String operation = operation();
        String flight = addFlight(operation, "FR1234", "ARRIVAL", "SOF", "2026-09-16T07:35").text("id");
        String officerId = userId(officer);
        String outsiderId = userId(outsider);
        String path = "/api/v1/operations/" + operation + "/flights/" + flight + "/officers";

        Response assigned = api.put(path, json(Map.of("officerIds", List.of(officerId))), coordinator);
        Response foreign = api.put(path, json(Map.of("officerIds", List.of(outsiderId))), coordinator);

        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().path("officerIds").get(0).asString()).isEqualTo(officerId);
        assertProblemAbout(foreign, 400, "officerIds");
        assertThat(api.put(path, json(Map.of("officerIds", List.of())), officer).status()).isEqualTo(403);
    }

    @Test
    void partnersAnalystsAndOtherAgenciesSeeNoFlights() {
        String operation = operation();

        assertThat(api.get("/api/v1/operations/" + operation + "/flights", partner).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/operations/" + operation + "/flights", analyst).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/operations/" + operation + "/flights", outsider).status()).isEqualTo(404);
    }

    // --- tallies -------------------------------------------------------------------------------

    @Test
    void aRepeatedSubmissionCountsOnce() {
        String operation = operation();
        String flight = addFlight(operation, "FR1234", "ARRIVAL", "SOF", "2026-09-16T07:35").text("id");
        String body = json(Map.of("flightId", flight, "passengers", 3, "languages", List.of("bg", "EN"),
                "leaflets", 2));
        String key = "tap-" + UUID.randomUUID();

        Response first = tally(operation, key, body, officer);
        Response again = tally(operation, key, body, officer);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(first.raw().body()).contains("\"bg\"", "\"en\"");
        JsonNode total = total(operation, analyst);
        assertThat(total.path("passengers").asInt()).isEqualTo(3);
        assertThat(total.path("leaflets").asInt()).isEqualTo(2);
        assertThat(total.path("byFlight")).as("analysts see no flights").isEmpty();
        JsonNode forOfficer = total(operation, officer);
        assertThat(forOfficer.path("byFlight").get(0).path("flightId").asString()).isEqualTo(flight);
        assertThat(forOfficer.path("byFlight").get(0).path("passengers").asInt()).isEqualTo(3);
    }

    @Test
    void aKeyBelongsToOneOperation() {
        String first = operation();
        String second = operation();
        String key = key();

        Response there = tally(first, key, json(Map.of("location", "Arrivals hall", "passengers", 2)), officer);
        Response elsewhere = tally(second, key, json(Map.of("location", "Arrivals hall", "passengers", 2)), officer);

        assertThat(there.status()).isEqualTo(201);
        assertProblemAbout(elsewhere, 409, "Idempotency-Key");
        assertThat(total(second, coordinator).path("passengers").asInt()).isZero();
    }

    @Test
    void aKeySentAgainWithOtherNumbersIsRefusedAndTheFirstTallyStands() {
        String operation = operation();
        String key = key();

        Response first = tally(operation, key, json(Map.of("location", "Arrivals hall", "passengers", 2)), officer);
        Response changed = tally(operation, key, json(Map.of("location", "Arrivals hall", "passengers", 5)), officer);
        Response elsewhere = tally(operation, key, json(Map.of("location", "Gate 4", "passengers", 2)), officer);

        assertThat(first.status()).isEqualTo(201);
        assertProblemAbout(changed, 422, "Idempotency-Key");
        assertProblemAbout(elsewhere, 422, "Idempotency-Key");
        assertThat(total(operation, coordinator).path("passengers").asInt()).isEqualTo(2);
    }

    @Test
    void aFlightIsTalliedFromItsDayNotBefore() {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/London"));
        String operation = given.operation().focusedOn("BG").between(now.toLocalDate().minusDays(1),
                now.toLocalDate().plusDays(3)).plannedBy(coordinator);
        String dayAfterTomorrow = addFlight(operation, "FR7741", "ARRIVAL", "SOF",
                now.toLocalDate().plusDays(2).atTime(20, 30).toString()).text("id");
        String earlierToday = addFlight(operation, "FR7742", "ARRIVAL", "SOF",
                now.toLocalDate().atStartOfDay().toString()).text("id");

        assertProblemAbout(tally(operation, key(), json(Map.of("flightId", dayAfterTomorrow, "passengers", 9)),
                officer), 422, "flightId");
        assertThat(tally(operation, key(), json(Map.of("flightId", earlierToday, "passengers", 4)), officer)
                .status()).isEqualTo(201);
        assertThat(total(operation, coordinator).path("passengers").asInt()).isEqualTo(4);
    }

    @Test
    void aClosedOperationTakesNoNewTalliesButARetriedOneStillGetsItsAnswer() {
        String operation = operation();
        String key = key();
        String body = json(Map.of("location", "Arrivals hall", "passengers", 2));
        Response sent = tally(operation, key, body, officer);
        assertThat(api.post("/api/v1/operations/" + operation + "/status", json(Map.of("status", "CLOSED")),
                coordinator).status()).isEqualTo(200);

        Response retried = tally(operation, key, body, officer);
        Response late = tally(operation, key(), body, officer);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json()).isEqualTo(sent.json());
        assertThat(late.status()).isEqualTo(409);
        assertThat(total(operation, coordinator).path("passengers").asInt()).isEqualTo(2);
    }
    @Test
    void tallyMistakesAreFourHundredsAndNeverCount() {
        String operation = operation();
        String flight = addFlight(operation, "FR1234", "ARRIVAL", "SOF", "2026-09-16T07:35").text("id");
        String otherOperationsFlight = addFlight(operation(), "FR1234", "ARRIVAL", "SOF", "2026-09-16T07:35")
                .text("id");

        assertThat(tally(operation, null, json(Map.of("flightId", flight, "passengers", 1)), officer).status())
                .isEqualTo(400);
        assertProblemAbout(tally(operation, "short", json(Map.of("flightId", flight, "passengers", 1)), officer), 400,
                "Idempotency-Key");
        assertProblemAbout(tally(operation, key(), json(Map.of("flightId", flight, "passengers", 0)), officer), 400,
                "passengers");
        assertProblemAbout(tally(operation, key(), json(Map.of("flightId", flight, "passengers", 501)), officer), 400,
                "passengers");
        assertProblemAbout(tally(operation, key(), json(Map.of("flightId", flight, "passengers", 1.5)), officer), 400,
                "passengers");
        Response twice = tally(operation, key(), "{\"flightId\":\"" + flight + "\",\"passengers\":1,\"passengers\":400}",
                officer);
        assertThat(twice.status()).as("a name given twice").isEqualTo(400);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertProblemAbout(tally(operation, key(), json(Map.of("flightId", otherOperationsFlight, "passengers", 1)),
                officer), 400, "flightId");
        assertProblemAbout(tally(operation, key(), json(Map.of("passengers", 1)), officer), 400, "flightId");
        assertProblemAbout(tally(operation, key(), json(Map.of("flightId", flight, "passengers", 1, "languages",
                List.of("klingon"))), officer), 400, "languages");
        assertThat(tally(operation, key(), json(Map.of("location", "Arrivals hall", "passengers", 1)), partner)
                .status()).isEqualTo(403);
        assertThat(tally(operation, key(), json(Map.of("location", "Arrivals hall", "passengers", 1)), analyst)
                .status()).isEqualTo(403);
        assertThat(tally(operation, key(), json(Map.of("location", "Arrivals hall", "passengers", 1)), outsider)
                .status()).isEqualTo(404);
        assertThat(total(operation, coordinator).path("passengers").asInt()).isZero();
    }

    @Test
    void anOfficerTakesBackTheirLastEntry() {
        String operation = operation();
        tally(operation, key(), json(Map.of("location", "Arrivals hall", "passengers", 4)), officer);
        String last = tally(operation, key(), json(Map.of("location", "Arrivals hall", "passengers", 5)), officer)
                .text("id");
        String coordinators = tally(operation, key(), json(Map.of("location", "Arrivals hall", "passengers", 2)),
                coordinator).text("id");

        assertThat(api.post(undo(operation, coordinators), null, officer).status()).isEqualTo(409);
        assertThat(api.post(undo(operation, last), null, officer).status()).isEqualTo(204);

        assertThat(total(operation, coordinator).path("passengers").asInt()).isEqualTo(6);
    }

    @Test
    void fiftyOfficersTallyingOneFlightAtOnceAddUpExactly() throws Exception {
        String operation = operation();
        String flight = addFlight(operation, "FR1234", "ARRIVAL", "SOF", "2026-09-16T07:35").text("id");
        List<String> officers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            officers.add(given.user("gate-" + i, agency, "OFFICER"));
        }
        List<Callable<Integer>> taps = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String who = officers.get(i % officers.size());
            int passengers = 1 + i % 5;
            String key = "burst-" + UUID.randomUUID();
            String body = json(Map.of("flightId", flight, "passengers", passengers));
            taps.add(() -> tally(operation, key, body, who).status() == 201 ? passengers : 0);
            // Every fifth tap is also retried at once with the same key, as a double tap would be.
            if (i % 5 == 0) {
                taps.add(() -> {
                    Response retry = tally(operation, key, body, who);
                    return retry.status() == 201 ? passengers : 0;
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        int acknowledged = 0;
        try {
            for (Future<Integer> result : pool.invokeAll(taps)) {
                acknowledged += result.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(acknowledged).isEqualTo(150); // 50 taps of 1..5 passengers, each counted once
        assertThat(total(operation, coordinator).path("passengers").asInt()).isEqualTo(acknowledged);
    }

    /**
     * Tallies sent at the same moment are written together; the odd ones among them (a repeat
     * of a key sent before, another operation's flight, someone who may not tally, an operation
     * they are not in) must get the answers they would get alone, and never spoil the others.
     */
    @Test
    void oddTalliesInABurstGetTheirOwnAnswersAndTheRestCount() throws Exception {
        String operation = operation();
        String flight = addFlight(operation, "FR1234", "ARRIVAL", "SOF", "2026-09-16T07:35").text("id");
        String otherOperationsFlight = addFlight(operation(), "W61234", "ARRIVAL", "KIV", "2026-09-16T08:00")
                .text("id");
        String sentBefore = key();
        String body = json(Map.of("flightId", flight, "passengers", 3, "languages", List.of("bg")));
        Response first = tally(operation, sentBefore, body, officer);
        assertThat(first.status()).isEqualTo(201);

        Map<String, Integer> expected = new HashMap<>();
        List<Callable<String>> burst = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 8; i++) {
                String key = key();
                String who = i % 2 == 0 ? officer : coordinator;
                burst.add(() -> answer(tally(operation, key, json(Map.of("flightId", flight, "passengers", 2,
                        "languages", List.of("ro", "bg"))), who)));
                expected.merge("201", 1, Integer::sum);
            }
            burst.add(() -> tally(operation, sentBefore, body, officer).json().equals(first.json()) ? "repeat"
                    : "wrong repeat");
            expected.merge("repeat", 1, Integer::sum);
            burst.add(() -> answer(tally(operation, key(), json(Map.of("flightId", otherOperationsFlight,
                    "passengers", 1)), officer)));
            expected.merge("400", 1, Integer::sum);
            burst.add(() -> answer(tally(operation, key(), json(Map.of("location", "Arrivals hall", "passengers", 1)),
                    partner)));
            expected.merge("403", 1, Integer::sum);
            burst.add(() -> answer(tally(operation, key(), json(Map.of("location", "Arrivals hall", "passengers", 1)),
                    outsider)));
            expected.merge("404", 1, Integer::sum);
        }
        ExecutorService pool = Executors.newFixedThreadPool(40);
        Map<String, Integer> answers = new HashMap<>();
        try {
            for (Future<String> answer : pool.invokeAll(burst)) {
                answers.merge(answer.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers).isEqualTo(expected);
        JsonNode total = total(operation, coordinator);
        assertThat(total.path("passengers").asInt()).isEqualTo(3 + 80 * 2);
        Map<String, Integer> byLanguage = new HashMap<>();
        api.get("/api/v1/operations/" + operation + "/dashboard", coordinator).json().path("byLanguage")
                .forEach(row -> byLanguage.put(row.path("code").asString(), row.path("passengers").asInt()));
        assertThat(byLanguage).isEqualTo(Map.of("bg", 3 + 80 * 2, "ro", 80 * 2));
    }

    private static String answer(Response response) {
        return String.valueOf(response.status());
    }

    // --- helpers -------------------------------------------------------------------------------

    /** The id of the user a token was issued to. */
    private String userId(String token) {
        return given.userId(given.emailOf(token));
    }

    private String operation() {
        return given.operation().focusedOnExploitation("SEXUAL").focusedOn("BG", "MD", "TR")
                .withPartners(partnerAgency).plannedBy(coordinator);
    }

    private Response addFlight(String operation, String number, String direction, String airport, String when) {
        return addFlight(operation, number, direction, airport, when, coordinator);
    }

    private Response addFlight(String operation, String number, String direction, String airport, String when,
            String who) {
        return api.post("/api/v1/operations/" + operation + "/flights", json(Map.of("flightNumber", number,
                "airline", "Ryanair", "direction", direction, "airport", airport, "scheduled", when)), who);
    }

    private Response importCsv(String operation, String csv, String who) {
        return api.send("POST", "/api/v1/operations/" + operation + "/flights/import", "text/csv", csv, who);
    }

    private Response tally(String operation, String key, String body, String who) {
        return api.sendWith("POST", "/api/v1/operations/" + operation + "/engagements", "application/json", body,
                who, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private JsonNode total(String operation, String who) {
        Response response = api.get("/api/v1/operations/" + operation + "/engagements/total", who);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static String undo(String operation, String engagement) {
        return "/api/v1/operations/" + operation + "/engagements/" + engagement + "/undo";
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    private static void assertProblemAbout(Response response, int status, String field) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsString("field")).as(response.raw().body())
                .anyMatch(f -> f.startsWith(field));
    }
}
