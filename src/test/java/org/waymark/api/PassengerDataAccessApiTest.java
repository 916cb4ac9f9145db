package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.basic;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;

import tools.jackson.databind.JsonNode;

/**
 * An administrator gives passenger data access through the API with the reason for it, which the
 * audit log keeps; a carrier gateway's account holds no other role, and gets its tokens as anyone.
 */
class PassengerDataAccessApiTest extends ApiTests {

    static final String REASON = "PIU analyst, Essex Police, authorised by DCI Patel";

    String borderForce;

    @BeforeAll
    void agency() {
        borderForce = given.agency("Border Force", "BORDER_FORCE");
    }

    @Test
    void passengerDataIsGivenOnlyWithAReasonThatTheAuditLogKeeps() {
        Response missing = api.post("/api/v1/users", user("piu-missing@waymark.test", null, "PASSENGER_DATA"), admin);
        assertProblem(missing, 400, "passengerDataReason");
        assertThat(missing.text("detail")).isEqualTo("Enter why this user needs passenger data, and who authorised it");
        Response blank = api.post("/api/v1/users", user("piu-blank@waymark.test", "   ", "PASSENGER_DATA"), admin);
        assertProblem(blank, 400, "passengerDataReason");
        assertThat(api.get("/api/v1/users", admin).json().findValuesAsString("email"))
                .doesNotContain("piu-missing@waymark.test", "piu-blank@waymark.test");

        Response created = api.post("/api/v1/users", user("piu@waymark.test", "  " + REASON + " ", "PASSENGER_DATA"),
                admin);

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(roles(created.json().path("roles"))).containsExactly("PASSENGER_DATA");
        assertThat(created.json().has("passengerDataReason")).as("the reason is in the audit log only").isFalse();
        JsonNode given = entries("PASSENGER_DATA_ACCESS_GIVEN", id);
        assertThat(given).hasSize(1);
        assertThat(given.get(0).path("detail").asString()).isEqualTo(REASON);
    }

    @Test
    void addingPassengerDataToAUserNeedsAReasonAndTakingItAwayIsLoggedToo() {
        Response created = api.post("/api/v1/users", user("analyst-piu@waymark.test", null, "ANALYST"), admin);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.text("id");

        Response missing = api.put("/api/v1/users/" + id, change("analyst-piu@waymark.test", null, "ANALYST",
                "PASSENGER_DATA"), admin);
        assertProblem(missing, 400, "passengerDataReason");
        assertThat(roles(api.get("/api/v1/users/" + id, admin).json().path("roles")))
                .containsExactly("ANALYST");
        assertProblem(api.put("/api/v1/users/" + id, change("analyst-piu@waymark.test", "Line one\nline two",
                "ANALYST", "PASSENGER_DATA"), admin), 400, "passengerDataReason");
        assertProblem(api.put("/api/v1/users/" + id, change("analyst-piu@waymark.test", "x".repeat(301),
                "ANALYST", "PASSENGER_DATA"), admin), 400, "passengerDataReason");

        Response given = api.put("/api/v1/users/" + id, change("analyst-piu@waymark.test", REASON, "ANALYST",
                "PASSENGER_DATA"), admin);
        assertThat(given.status()).as(given.raw().body()).isEqualTo(200);
        assertThat(roles(given.json().path("roles")))
                .containsExactlyInAnyOrder("ANALYST", "PASSENGER_DATA");
        assertThat(entries("PASSENGER_DATA_ACCESS_GIVEN", id).get(0).path("detail").asString()).isEqualTo(REASON);

        // Kept through a later change, with no new reason asked for nor logged.
        Response renamed = api.put("/api/v1/users/" + id, json(Map.of("name", "Ana Renamed", "email",
                "analyst-piu@waymark.test", "agencyId", borderForce, "roles", List.of("ANALYST", "PASSENGER_DATA"))),
                admin);
        assertThat(renamed.status()).as(renamed.raw().body()).isEqualTo(200);
        assertThat(entries("PASSENGER_DATA_ACCESS_GIVEN", id)).hasSize(1);

        Response removed = api.put("/api/v1/users/" + id, change("analyst-piu@waymark.test", null, "ANALYST"), admin);
        assertThat(removed.status()).as(removed.raw().body()).isEqualTo(200);
        assertThat(entries("PASSENGER_DATA_ACCESS_REMOVED", id)).hasSize(1);
    }

    @Test
    void aCarrierGatewayHoldsNoOtherRoleAndGetsItsTokensAsAnyoneDoes() {
        Response mixed = api.post("/api/v1/users", user("gateway-mixed@waymark.test", null, "CARRIER_GATEWAY",
                "OFFICER"), admin);
        assertProblem(mixed, 400, "roles");
        assertThat(mixed.text("detail")).isEqualTo("A carrier gateway account cannot hold another role. "
                + "Choose Carrier gateway on its own, or other roles without it");

        Response created = api.post("/api/v1/users", user("gateway@waymark.test", null, "CARRIER_GATEWAY"), admin);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertProblem(api.put("/api/v1/users/" + created.text("id"), change("gateway@waymark.test", null,
                "CARRIER_GATEWAY", "PASSENGER_DATA"), admin), 400, "roles");

        Response token = api.post("/api/v1/tokens", null, basic("gateway@waymark.test", PASSWORD));
        assertThat(token.status()).as(token.raw().body()).isEqualTo(201);
        Response operations = api.get("/api/v1/operations", bearer(token.text("token")));
        assertProblem(operations, 403, null);
    }

    private static List<String> roles(JsonNode roles) {
        List<String> names = new java.util.ArrayList<>();
        roles.forEach(role -> names.add(role.asString()));
        return names;
    }

    private String user(String email, String reason, String... roles) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Pat Person", "email", email, "agencyId", borderForce,
                "roles", List.of(roles), "password", PASSWORD));
        if (reason != null) {
            body.put("passengerDataReason", reason);
        }
        return json(body);
    }

    private String change(String email, String reason, String... roles) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Pat Person", "email", email, "agencyId", borderForce,
                "roles", List.of(roles)));
        if (reason != null) {
            body.put("passengerDataReason", reason);
        }
        return json(body);
    }

    private JsonNode entries(String action, String userId) {
        Response log = api.get("/api/v1/audit?recordType=USER&recordId=" + userId + "&action=" + action, admin);
        assertThat(log.status()).as(log.raw().body()).isEqualTo(200);
        return log.json();
    }
}
