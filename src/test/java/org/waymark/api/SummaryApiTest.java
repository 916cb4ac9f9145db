package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operation's summary through the JSON API, exactly: monitored flights by country and
 * direction, passengers and leaflets, checks whatever their status, outcomes, and referrals
 * once submitted; and who may have it. Runs on H2 and on PostgreSQL through its subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waymark.admin.email=" + SummaryApiTest.ADMIN, "waymark.admin.password=" + SummaryApiTest.PASSWORD })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SummaryApiTest {

    static final String ADMIN = "summary.admin@waymark.test";
    static final String PASSWORD = "correct horse battery staple";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient api;
    String admin;
    String charity;
    final Map<String, String> as = new LinkedHashMap<>();

    @BeforeAll
    void people() {
        api = new ApiClient(port);
        admin = bearer(api.token(ADMIN, PASSWORD));
        String police = agency("Essex Police", "POLICE");
        charity = agency("Justice & Care", "CHARITY");
        String kent = agency("Kent Police", "POLICE");
        as.put("coordinator", user("coordinator", police, "COORDINATOR"));
        as.put("officer", user("officer", police, "OFFICER"));
        as.put("analyst", user("analyst", police, "ANALYST"));
        as.put("navigator", user("navigator", charity, "PARTNER"));
        as.put("other force", user("kent", kent, "OFFICER"));
        as.put("admin", admin);
    }

    @Test
    void theSummaryTellsTheWeekInExactFigures() {
        String operation = operation();
        String flights = "/api/v1/operations/" + operation + "/flights";
        monitor(flights, flight(flights, "FR1234", "ARRIVAL", "SOF"));
        monitor(flights, flight(flights, "FB9011", "ARRIVAL", "KIV"));
        monitor(flights, flight(flights, "TK1988", "DEPARTURE", "IST"));
        monitor(flights, flight(flights, "W64301", "ARRIVAL", "SOF"));
        flight(flights, "LS1401", "ARRIVAL", "SOF");
        tally(operation, 10, 2);
        tally(operation, 5, 0);
        String referred = check(operation);
        check(operation);
        referral(referred);
        assertThat(api.post("/api/v1/checks/" + referred + "/outcome", json(Map.of("outcomes", List.of(
                "NRM_REFERRAL", "SAFEGUARDING_ADVICE"))), as.get("officer")).status()).isEqualTo(200);

        JsonNode summary = api.get("/api/v1/operations/" + operation + "/summary", as.get("analyst")).json();

        assertThat(summary.path("operationId").asString()).isEqualTo(operation);
        assertThat(summary.path("name").asString()).isEqualTo("Week of action");
        assertThat(summary.path("port").asString()).isEqualTo("STN");
        assertThat(summary.path("startDate").asString()).isEqualTo("2026-09-16");
        assertThat(summary.path("flightsMonitored").asLong()).isEqualTo(4);
        assertThat(summary.path("flightsMonitoredByCountry").path("BG").asLong()).isEqualTo(2);
        assertThat(summary.path("flightsMonitoredByCountry").path("MD").asLong()).isEqualTo(1);
        assertThat(summary.path("flightsMonitoredByCountry").path("TR").asLong()).isEqualTo(1);
        assertThat(summary.path("arrivalsMonitored").asLong()).isEqualTo(3);
        assertThat(summary.path("departuresMonitored").asLong()).isEqualTo(1);
        assertThat(summary.path("passengersEngaged").asLong()).isEqualTo(15);
        assertThat(summary.path("leaflets").asLong()).isEqualTo(2);
        assertThat(summary.path("enhancedChecks").asLong()).isEqualTo(2);
        assertThat(summary.path("nrmReferrals").asLong()).isEqualTo(1);
        assertThat(summary.path("dutyToNotify").asLong()).isZero();
        assertThat(summary.path("childReferrals").asLong()).isZero();
        assertThat(summary.path("outcomes").path("NRM_REFERRAL").asLong()).isEqualTo(1);
        assertThat(summary.path("outcomes").path("SAFEGUARDING_ADVICE").asLong()).isEqualTo(1);
        assertThat(summary.path("outcomes").path("NO_FURTHER_ACTION").asLong()).isZero();
    }

    @Test
    void theSummaryIsForCoordinatorsOfficersAndAnalystsTakingPart() {
        String path = "/api/v1/operations/" + operation() + "/summary";

        //                                            coord officer analyst navig other admin
        assertThat(as.values().stream().map(who -> api.get(path, who).status()).toList())
                .containsExactly(200, 200, 200, 403, 404, 403);
    }

    private String operation() {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Week of action", "port", "STN", "startDate",
                "2026-09-16", "endDate", "2026-09-19", "focusCountries", List.of("BG", "MD", "TR"), "agencyIds",
                List.of(charity)));
        Response response = api.post("/api/v1/operations", json(body), as.get("coordinator"));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.text("id");
    }

    private String flight(String flights, String number, String direction, String airport) {
        Response response = api.post(flights, json(Map.of("flightNumber", number, "direction", direction,
                "airport", airport, "scheduled", "2026-09-17T09:00")), as.get("coordinator"));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.text("id");
    }

    private void monitor(String flights, String flight) {
        Response response = api.post(flights + "/" + flight + "/monitor", null, as.get("coordinator"));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    }

    private void tally(String operation, int passengers, int leaflets) {
        Response response = api.sendWith("POST", "/api/v1/operations/" + operation + "/engagements",
                "application/json", json(Map.of("location", "Arrivals hall", "passengers", passengers, "leaflets",
                        leaflets)), as.get("officer"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
    }

    private String check(String operation) {
        Response response = api.post("/api/v1/operations/" + operation + "/checks", json(Map.of("location",
                "Arrivals hall", "category", "POTENTIAL_VICTIM", "person", Map.of("name", "Elena", "under18", "NO",
                        "gender", "FEMALE", "nationality", "BG"))), as.get("officer"));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        String id = response.text("id");
        api.post("/api/v1/checks/" + id + "/indicators", json(Map.of("indicators", List.of(Map.of("code", "T01",
                "basis", "OBSERVED")))), as.get("officer"));
        api.put("/api/v1/checks/" + id + "/account", json(Map.of("suspectedTypes", List.of("SEXUAL"), "account",
                "Offered work in a bar")), as.get("officer"));
        return id;
    }

    /** A consenting adult's NRM referral, completed and submitted. */
    @SuppressWarnings("unchecked")
    private void referral(String check) {
        String id = api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent", Map.of("given", true,
                "explainedBy", "PC Olu Officer", "language", "bg", "interpreterUsed", true, "at",
                Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString()))),
                as.get("officer")).text("id");
        JsonNode content = api.get("/api/v1/referrals/" + id, as.get("officer")).json().path("package");
        Map<String, Object> complete = new LinkedHashMap<String, Object>(JSON.convertValue(content, Map.class));
        Map<String, Object> subject = new LinkedHashMap<>((Map<String, Object>) complete.get("subject"));
        subject.put("phone", "07700 900123");
        complete.put("subject", subject);
        assertThat(api.put("/api/v1/referrals/" + id + "/package", json(complete), as.get("officer")).json()
                .path("status").asString()).isEqualTo("READY");
        Response submitted = api.post("/api/v1/referrals/" + id + "/submission", json(Map.of("homeOfficeReference",
                "NRM-1", "submittedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())), as.get("officer"));
        assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(200);
    }

    private String agency(String name, String type) {
        return api.newAgency(admin, name, type);
    }

    private String user(String name, String agencyId, String role) {
        return api.newUser(admin, name, agencyId, role, PASSWORD);
    }
}
