package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.passengerdata.Messages.crewList;
import static org.waymark.passengerdata.Messages.paxlst;
import static org.waymark.passengerdata.Messages.pnrgov;
import static org.waymark.passengerdata.Messages.secondPart;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;

/**
 * Airline gateways send passenger data messages; nothing sent is lost, nothing is applied twice
 * and no older message overwrites a newer one. Runs on H2 and on PostgreSQL.
 */
class PassengerDataApiTest extends ApiTests {

    static final String MESSAGES = "/api/v1/passenger-data/messages";

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String gateway;
    String otherGateway;
    String piu;
    String officer;

    @BeforeAll
    void people() {
        String borderForce = given.agency("Border Force", "BORDER_FORCE");
        String airline = given.agency("Wizz Air gateway", "OTHER");
        gateway = given.user("gateway", airline, "CARRIER_GATEWAY");
        otherGateway = given.user("other-gateway", airline, "CARRIER_GATEWAY");
        piu = given.user("piu", borderForce, "PASSENGER_DATA");
        officer = given.user("officer", borderForce, "OFFICER");
    }

    Response send(byte[] body, String who) {
        return api.sendBytes(MESSAGES, "application/edifact", body, who);
    }

    @Test
    void aGatewaySendsAPassengerListAndIsToldWhatWasRead() {
        Response sent = send(paxlst("1001", "2612071030", "2612071215"), gateway);

        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        assertThat(sent.text("status")).isEqualTo("APPLIED");
        assertThat(sent.text("type")).isEqualTo("PAXLST");
        assertThat(sent.json().path("passengers").asInt()).isEqualTo(2);
        assertThat(sent.json().path("duplicate").asBoolean()).isFalse();
        var flight = sent.json().path("flights").get(0);
        assertThat(flight.path("carrier").asString()).isEqualTo("W6");
        assertThat(flight.path("number").asString()).isEqualTo("4301");
        assertThat(flight.path("origin").asString()).isEqualTo("SOF");
        assertThat(flight.path("destination").asString()).isEqualTo("STN");
        assertThat(flight.path("departure").asString()).as("Sofia's time, with its offset").isEqualTo(
                "2026-12-07T10:30:00+02:00");
        assertThat(flight.path("arrival").asString()).isEqualTo("2026-12-07T12:15:00Z");
        assertThat(sent.raw().body()).as("never a traveller's details").doesNotContain("IVANOVA", "382310458");

        Response read = api.get(MESSAGES + "/" + sent.text("id"), gateway);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("APPLIED");
    }

    @Test
    void theSameMessageSentAgainIsAcknowledgedAndDropped() throws Exception {
        byte[] message = paxlst("2002", "2612081030", "2612081215");
        Response first = send(message, gateway);
        Response again = send(message, gateway);

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertThat(again.text("id")).isEqualTo(first.text("id"));

        byte[] other = paxlst("2003", "2612091030", "2612091215");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = pool.invokeAll(java.util.Collections.nCopies(8,
                    (Callable<Response>) () -> send(other, gateway)));
            List<Response> all = new java.util.ArrayList<>();
            for (Future<Response> answer : answers) {
                all.add(answer.get());
            }
            assertThat(all).extracting(Response::status).containsOnly(202);
            assertThat(all).extracting(r -> r.text("id")).as("one message kept").containsOnly(all.get(0).text("id"));
            assertThat(all).filteredOn(r -> !r.json().path("duplicate").asBoolean()).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void crewAreNeverCountedAsPassengers() {
        Response sent = send(crewList("3003", "2612101030", "2612101215"), gateway);

        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        assertThat(sent.json().path("passengers").asInt()).isZero();
    }

    @Test
    void aFlightKeepsItsPassengerListAndItsCrewListApartAndASecondListNeverAddsUp() {
        send(paxlst("4001", "2612131030", "2612131215"), gateway);
        Response crew = send(crewList("4002", "2612131030", "2612131215"), gateway);
        Response again = send(paxlst("4003", "2612131030", "2612131215"), gateway);

        assertThat(crew.text("status")).as("a crew list is no older passenger list").isEqualTo("APPLIED");
        assertThat(again.text("status")).as("the same list again, sent no later").isEqualTo("PARSED");
        assertThat(jdbc.sql("SELECT passengers FROM pd_flight WHERE carrier = 'W6' AND number = '4301'"
                + " AND departure_date = DATE '2026-12-13'").query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM pd_traveller t JOIN pd_flight f ON f.id = t.flight_id
                WHERE f.number = '4301' AND f.departure_date = DATE '2026-12-13' AND t.type = 'CREW'""")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aLaterPartOfAListAddsToItOnceHoweverOftenItIsResent() {
        send(paxlst("6001", "2612141030", "2612141215"), gateway);
        List<Response> parts = List.of(
                send(secondPart("6002", "2612141030", "2612141215", "DIMOVA:YANA"), gateway),
                send(secondPart("6003", "2612141030", "2612141215", "DIMOVA:YANA"), gateway),
                send(secondPart("6004", "2612141030", "2612141215", "DIMOVA:YANA"), gateway));

        assertThat(parts.get(0).text("status")).isEqualTo("APPLIED");
        assertThat(parts.subList(1, 3)).allSatisfy(resent -> assertThat(resent.text("status")).isEqualTo("PARSED"));
        assertThat(passengersOn("2026-12-14")).as("two of the first part and one of the second").isEqualTo(3);
    }

    @Test
    void controlCharactersAndDirectionOverridesInNamesAreTakenOutWithAWarning() {
        Response sent = send(secondPart("6101", "2612151030", "2612151215", "SMITH\u202E:JO\u0000HN"), gateway);

        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        assertThat(sent.json().path("warnings").findValuesAsString("message"))
                .anySatisfy(warning -> assertThat(warning).contains("were taken out"));
        assertThat(jdbc.sql("""
                SELECT family_name || ' ' || given_names FROM pd_traveller t JOIN pd_flight f ON f.id = t.flight_id
                WHERE f.number = '4301' AND f.departure_date = DATE '2026-12-15'""").query(String.class).single())
                .isEqualTo("SMITH JOHN");
    }

    @Test
    void aNulInTheHeaderOrAFlightIsTakenOutAndTheMessageKeptOnEveryDatabase() {
        String message = new String(paxlst("6201", "2612161030", "2612161215"), java.nio.charset.StandardCharsets.US_ASCII)
                .replace("+WIZZAIR+", "+WIZZ\u0000AIR+").replace("LOC+87+STN", "LOC+87+ST\u0001N");
        Response sent = send(message.getBytes(java.nio.charset.StandardCharsets.UTF_8), gateway);

        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        assertThat(sent.text("status")).isEqualTo("APPLIED");
        assertThat(sent.json().path("flights").get(0).path("destination").asString()).isEqualTo("STN");
        assertThat(passengersOn("2026-12-16")).isEqualTo(2);
    }

    private int passengersOn(String day) {
        return jdbc.sql("SELECT passengers FROM pd_flight WHERE carrier = 'W6' AND number = '4301'"
                + " AND departure_date = DATE '" + day + "'").query(Integer.class).single();
    }

    @Test
    void anOlderPushArrivingLateIsKeptButNeverOverwritesANewerOne() {
        Response newer = send(pnrgov("12", "261209:0930", "111226", 2), gateway);
        Response older = send(pnrgov("11", "261208:1030", "111226", 3), gateway);

        assertThat(newer.text("status")).isEqualTo("APPLIED");
        assertThat(older.status()).isEqualTo(202);
        assertThat(older.text("status")).isEqualTo("PARSED");
        assertThat(older.json().path("warnings").findValuesAsString("message"))
                .anySatisfy(warning -> assertThat(warning).contains("applied already"));
        assertThat(newer.json().path("bookings").asInt()).isEqualTo(1);
        assertThat(newer.raw().body()).doesNotContain("4111111111111111");
    }

    @Test
    void aMessageThatCannotBeReadIsKeptInTheFailedQueueWithWhereItWentWrong() {
        Response sent = send("UNB+UNOA:4+W6+GBUKPIU+261207:0900+77'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+1'UNZ+1+77'"
                .getBytes(StandardCharsets.US_ASCII), gateway);

        assertProblem(sent, 422, null);
        assertThat(sent.text("messageStatus")).isEqualTo("FAILED");
        assertThat(sent.json().path("status").asInt()).as("the HTTP status, as RFC 9457 has it").isEqualTo(422);
        String id = sent.text("id");
        assertThat(id).isNotBlank();

        Response queue = api.get(MESSAGES + "?status=FAILED", piu);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().findValuesAsString("id")).contains(id);
        assertThat(api.get(MESSAGES + "?status=FAILED", otherGateway).json().findValuesAsString("id"))
                .as("a gateway sees its own messages only").doesNotContain(id);
        assertThat(api.get(MESSAGES + "/" + id, otherGateway).status()).isEqualTo(404);

        Response replayed = api.post(MESSAGES + "/" + id + "/replay", null, piu);
        assertProblem(replayed, 422, null);
        assertThat(replayed.text("messageStatus")).as("still unreadable").isEqualTo("FAILED");
        assertThat(api.post(MESSAGES + "/" + id + "/replay", null, gateway).status()).isEqualTo(403);
    }

    @Test
    void aMessageThatCannotBeReadKeepsNoCardNumber() {
        String withoutFlight = new String(pnrgov("13", "261209:0930", "121226", 1), StandardCharsets.US_ASCII)
                .replaceAll("TVL\\+[^']*'", "");
        Response sent = send(withoutFlight.getBytes(StandardCharsets.US_ASCII), gateway);

        assertProblem(sent, 422, null);
        String raw = new String(jdbc.sql("SELECT raw FROM pd_message WHERE id = :id")
                .param("id", UUID.fromString(sent.text("id"))).query(byte[].class).single(), StandardCharsets.US_ASCII);
        assertThat(raw).doesNotContain("4111111111111111").contains("FOP+CC:::VI:XXXXXXXXXXXXXXXX:1229'")
                .as("a phone number is not a card").contains("CTCM 359 888 123 456");
    }

    @Test
    void onlyGatewaysSendAndBadRequestsGetProblems() {
        byte[] message = paxlst("5005", "2612121030", "2612121215");
        assertThat(send(message, officer).status()).isEqualTo(403);
        assertThat(send(message, piu).status()).isEqualTo(403);
        assertThat(send(message, admin).status()).isEqualTo(403);
        assertThat(send(message, null).status()).isEqualTo(401);
        assertThat(api.get(MESSAGES, officer).status()).isEqualTo(403);

        assertProblem(api.sendBytes(MESSAGES, "application/json", message, gateway), 415, null);
        assertProblem(send(new byte[0], gateway), 422, null);
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'A');
        assertProblem(send(huge, gateway), 413, null);
        assertProblem(api.get(MESSAGES + "/not-an-id", piu), 400, null);
        assertProblem(api.get(MESSAGES + "?status=LOST", piu), 400, null);
        assertProblem(api.get(MESSAGES + "/" + java.util.UUID.randomUUID(), piu), 404, null);
        assertThat(api.get("/api/v1/operations", gateway).status()).as("a gateway sees nothing else").isEqualTo(403);
    }
}
