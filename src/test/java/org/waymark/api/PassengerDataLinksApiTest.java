package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.passengerdata.Messages.paxlst;
import static org.waymark.passengerdata.Messages.pnrgov;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Passenger data sent for a flight at an operation's port within its dates reaches the
 * operation's flight: its passengers on board are counted (never named) on the flights and in
 * the results; a flight the operation has not listed is added once when it says so. Runs on H2
 * and on PostgreSQL.
 */
class PassengerDataLinksApiTest extends ApiTests {

    static final String MESSAGES = "/api/v1/passenger-data/messages";

    String gateway;

    @BeforeAll
    void people() {
        forcesWith("coordinator", "officer", "analyst");
        String airline = given.agency("Wizz Air gateway", "OTHER");
        gateway = given.user("gateway", airline, "CARRIER_GATEWAY");
    }

    @Test
    void aPassengerListForAMonitoredFlightGivesItsPassengersOnBoardAndTheEngagementRate() {
        String operation = given.operation().plannedBy(as.get("coordinator"));
        String flight = given.flight(operation, "W6 4301", "ARRIVAL", "SOF", "2026-09-16T12:15", as.get("coordinator"));
        given.monitor(operation, flight, as.get("coordinator"));
        String other = given.flight(operation, "FR1234", "ARRIVAL", "SOF", "2026-09-16T09:00", as.get("coordinator"));
        given.monitor(operation, other, as.get("coordinator"));
        given.tally(operation, Map.of("flightId", flight, "passengers", 1, "leaflets", 1, "languages", List.of("bg")),
                as.get("officer"));

        Response sent = send(paxlst("5001", "2609161030", "2609161215"));
        assertThat(sent.text("status")).as(sent.raw().body()).isEqualTo("APPLIED");

        for (String who : List.of("coordinator", "officer")) {
            Response flights = api.get("/api/v1/operations/" + operation + "/flights", as.get(who));
            assertThat(flights.status()).isEqualTo(200);
            assertThat(byNumber(flights.json(), "W64301").path("passengersOnBoard").asInt()).as(who).isEqualTo(2);
            assertThat(byNumber(flights.json(), "W64301").path("fromPassengerData").asBoolean()).isFalse();
            assertThat(byNumber(flights.json(), "FR1234").path("passengersOnBoard").isNull())
                    .as("no data came for it: not known").isTrue();
            assertThat(flights.raw().body()).as("counts, never names").doesNotContain("IVANOVA", "PETROV");
        }
        assertThat(api.get("/api/v1/operations/" + operation + "/flights/" + flight, as.get("officer")).json()
                .path("passengersOnBoard").asInt()).isEqualTo(2);

        // The same message again, and later pushes of the bookings: one link, the count by the passenger list.
        send(paxlst("5001", "2609161030", "2609161215"));
        send(pnrgov("51", "260915:0930", "160926", 3));
        send(pnrgov("52", "260916:0930", "160926", 1));
        Response flights = api.get("/api/v1/operations/" + operation + "/flights", as.get("coordinator"));
        assertThat(flights.json().size()).isEqualTo(2);
        assertThat(byNumber(flights.json(), "W64301").path("passengersOnBoard").asInt()).isEqualTo(2);

        JsonNode summary = api.get("/api/v1/operations/" + operation + "/summary", as.get("analyst")).json();
        assertThat(summary.path("flightsMonitored").asInt()).isEqualTo(2);
        assertThat(summary.path("passengersOnMonitoredFlights").asInt()).isEqualTo(2);
        assertThat(summary.path("passengersEngagedOnFlightsWithPassengerData").asInt()).isEqualTo(1);
        assertThat(summary.path("engagementRate").asDouble()).isEqualTo(50.0);

        JsonNode dashboard = api.get("/api/v1/operations/" + operation + "/dashboard", as.get("coordinator")).json();
        JsonNode day = dashboard.path("byDay").get(0);
        assertThat(day.path("day").asString()).isEqualTo("2026-09-16");
        assertThat(day.path("passengersOnBoard").asInt()).isEqualTo(2);
        assertThat(day.path("engagementRate").asDouble()).isEqualTo(50.0);
        assertThat(dashboard.path("byDay").get(1).path("passengersOnBoard").isNull()).isTrue();
        JsonNode row = dashboard.path("byFlight").findParents("flightNumber").stream()
                .filter(r -> r.path("flightNumber").asString().equals("W64301")).findFirst().orElseThrow();
        assertThat(row.path("passengersOnBoard").asInt()).isEqualTo(2);
        assertThat(row.path("engagementRate").asDouble()).isEqualTo(50.0);

        JsonNode route = api.get("/api/v1/yields", as.get("coordinator")).json().path("byRoute").get(0);
        assertThat(route.path("airport").asString()).isEqualTo("SOF");
        assertThat(route.path("passengersOnBoard").asInt()).isEqualTo(2);
        assertThat(route.path("passengersEngagedOnBoard").asInt()).isEqualTo(1);
        assertThat(route.path("engagementRate").asDouble()).isEqualTo(50.0);
    }

    @Test
    void aResultsSummaryWithoutPassengerDataSaysItIsNotKnown() {
        String operation = given.operation().between("2026-08-03", "2026-08-06").plannedBy(as.get("coordinator"));
        String flight = given.flight(operation, "W64301", "ARRIVAL", "SOF", "2026-08-03T12:15", as.get("coordinator"));
        given.monitor(operation, flight, as.get("coordinator"));

        JsonNode summary = api.get("/api/v1/operations/" + operation + "/summary", as.get("analyst")).json();
        assertThat(summary.path("flightsMonitored").asInt()).isEqualTo(1);
        assertThat(summary.path("passengersOnMonitoredFlights").isNull()).isTrue();
        assertThat(summary.path("engagementRate").isNull()).isTrue();
    }

    @Test
    void aFlightTheOperationHasNotListedIsAddedOnceHoweverManyPushesCome() throws Exception {
        String operation = given.operation().between("2026-10-05", "2026-10-08").addingFlightsFromPassengerData()
                .plannedBy(as.get("coordinator"));
        assertThat(api.get("/api/v1/operations/" + operation, as.get("coordinator")).json()
                .path("addFlightsFromPassengerData").asBoolean()).isTrue();

        send(pnrgov("61", "261003:0930", "061026", 3));
        send(paxlst("6001", "2610061030", "2610061215"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> pushes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String reference = "6" + (2 + i);
                String prepared = "26100" + (4 + i) + ":0930";
                pushes.add(() -> send(pnrgov(reference, prepared, "061026", 1)));
            }
            pushes.add(() -> send(paxlst("6001", "2610061030", "2610061215")));
            for (Future<Response> answer : pool.invokeAll(pushes)) {
                assertThat(answer.get().status()).isEqualTo(202);
            }
        } finally {
            pool.shutdown();
        }

        JsonNode flights = api.get("/api/v1/operations/" + operation + "/flights", as.get("officer")).json();
        assertThat(flights.size()).as(flights.toString()).isEqualTo(1);
        JsonNode added = flights.get(0);
        assertThat(added.path("flightNumber").asString()).isEqualTo("W64301");
        assertThat(added.path("direction").asString()).isEqualTo("ARRIVAL");
        assertThat(added.path("airport").asString()).isEqualTo("SOF");
        assertThat(added.path("scheduled").asString()).isEqualTo("2026-10-06T12:15");
        assertThat(added.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(added.path("fromPassengerData").asBoolean()).isTrue();
        assertThat(added.path("passengersOnBoard").asInt()).as("by the passenger list, not the bookings").isEqualTo(2);
    }

    @Test
    void aMessageForAFlightOutsideTheOperationsDatesOrPortLinksNothing() {
        String dates = given.operation().between("2026-11-02", "2026-11-05").addingFlightsFromPassengerData()
                .plannedBy(as.get("coordinator"));
        String elsewhere = given.operation().at("LTN").between("2026-11-09", "2026-11-12")
                .addingFlightsFromPassengerData().plannedBy(as.get("coordinator"));
        String listed = given.flight(elsewhere, "W64301", "ARRIVAL", "SOF", "2026-11-10T12:15", as.get("coordinator"));

        assertThat(send(paxlst("7001", "2611061030", "2611061215")).text("status")).isEqualTo("APPLIED");
        assertThat(send(paxlst("7002", "2611101030", "2611101215")).text("status")).isEqualTo("APPLIED");

        assertThat(api.get("/api/v1/operations/" + dates + "/flights", as.get("coordinator")).json().size())
                .as("the day after it ends").isZero();
        JsonNode flights = api.get("/api/v1/operations/" + elsewhere + "/flights", as.get("coordinator")).json();
        assertThat(flights.size()).as("a flight to Stansted is none of Luton's").isEqualTo(1);
        assertThat(flights.get(0).path("id").asString()).isEqualTo(listed);
        assertThat(flights.get(0).path("passengersOnBoard").isNull()).isTrue();
    }

    private Response send(byte[] body) {
        return api.sendBytes(MESSAGES, "application/edifact", body, gateway);
    }

    private static JsonNode byNumber(JsonNode flights, String number) {
        for (JsonNode flight : flights) {
            if (flight.path("flightNumber").asString().equals(number)) {
                return flight;
            }
        }
        throw new AssertionError("no flight " + number + " in " + flights);
    }
}
