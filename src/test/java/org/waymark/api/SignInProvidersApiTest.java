package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;
import org.waymark.support.OnBothDatabases;

import tools.jackson.databind.JsonNode;

/**
 * Administrators map the configured identity providers through the API, and approve the accounts
 * a provider's first sign-in made to wait for them. The provider here never answers: mapping it
 * does not ask it anything.
 */
@OnBothDatabases
@TestPropertySource(properties = { "waymark.oidc.essex.issuer=http://127.0.0.1:9/essex",
        "waymark.oidc.essex.client-id=waymark", "waymark.oidc.essex.client-secret=s",
        "waymark.oidc.essex.label=Essex Police" })
class SignInProvidersApiTest extends ApiTests {

    private static final String ESSEX = "/api/v1/sign-in-providers/essex";

    @Autowired
    JdbcClient jdbc;

    String police;
    String officer;

    @BeforeAll
    void agencyAndOfficer() {
        police = given.agency("Essex Police", "POLICE");
        officer = given.user("officer", police, "OFFICER");
    }

    private Map<String, Object> mapping(Object people, Object clients) {
        Map<String, Object> body = new HashMap<>();
        body.put("agencyId", police);
        body.put("groupsClaim", "realm_access.roles");
        body.put("needsApproval", true);
        body.put("required", true);
        body.put("people", people);
        body.put("clients", clients);
        return body;
    }

    @Test
    void anAdministratorMapsTheProviderAndReadsItBack() {
        JsonNode before = api.get(ESSEX, admin).json();
        assertThat(before.path("label").asString()).isEqualTo("Essex Police");
        assertThat(before.path("mapped").asBoolean()).isFalse();
        assertThat(before.path("agencyId").isNull()).isTrue();

        Response saved = api.put(ESSEX, json(mapping(Map.of("OFFICER", List.of("g-officers", " g-two "),
                "COORDINATOR", List.of("g-coordinators")), Map.of("OFFICER", List.of("waymark.officer")))), admin);

        assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
        for (JsonNode mapping : List.of(saved.json(), api.get(ESSEX, admin).json())) {
            assertThat(mapping.path("name").asString()).isEqualTo("essex");
            assertThat(mapping.path("agencyId").asString()).isEqualTo(police);
            assertThat(mapping.path("groupsClaim").asString()).isEqualTo("realm_access.roles");
            assertThat(mapping.path("needsApproval").asBoolean()).isTrue();
            assertThat(mapping.path("required").asBoolean()).isTrue();
            assertThat(mapping.path("mapped").asBoolean()).isTrue();
            assertThat(mapping.path("people").path("OFFICER").toString()).isEqualTo("[\"g-officers\",\"g-two\"]");
            assertThat(mapping.path("people").path("COORDINATOR").get(0).asString()).isEqualTo("g-coordinators");
            assertThat(mapping.path("clients").path("OFFICER").get(0).asString()).isEqualTo("waymark.officer");
        }
        JsonNode list = api.get("/api/v1/sign-in-providers", admin).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("agencyId").asString()).isEqualTo(police);

        JsonNode audit = api.get("/api/v1/audit?recordType=SIGN_IN_PROVIDER&recordId=essex", admin).json();
        assertThat(audit.findValuesAsString("action")).contains("SIGN_IN_PROVIDER_MAPPED");
    }

    @Test
    void onlyAdministratorsSeeOrMapProviders() {
        assertThat(api.get("/api/v1/sign-in-providers", officer).status()).isEqualTo(403);
        assertThat(api.get(ESSEX, officer).status()).isEqualTo(403);
        assertThat(api.put(ESSEX, json(mapping(Map.of(), Map.of())), officer).status()).isEqualTo(403);
    }

    @Test
    void anUnconfiguredProviderIsNotFound() {
        assertProblem(api.get("/api/v1/sign-in-providers/kent", admin), 404, null);
        assertProblem(api.put("/api/v1/sign-in-providers/kent", json(mapping(Map.of(), Map.of())), admin), 404,
                null);
    }

    @Test
    void badInputIsRefusedAndNothingIsSaved() {
        Map<String, Object> unknownAgency = mapping(Map.of(), Map.of());
        unknownAgency.put("agencyId", UUID.randomUUID().toString());
        assertProblem(api.put(ESSEX, json(unknownAgency), admin), 400, "agencyId");
        assertProblem(api.put(ESSEX, json(mapping(Map.of(), Map.of("ADMIN", List.of("waymark.admin")))), admin),
                400, "clients");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add("group-" + i);
        }
        assertProblem(api.put(ESSEX, json(mapping(Map.of("OFFICER", many), Map.of())), admin), 400, "people");
        assertProblem(api.put(ESSEX, json(mapping(Map.of("OFFICER", List.of("g".repeat(201))), Map.of())), admin),
                400, "people");
        assertProblem(api.put(ESSEX, json(mapping(Map.of("OFFICER", List.of("g\u0000nul")), Map.of())), admin),
                400, null);
        assertProblem(api.put(ESSEX, json(mapping(Map.of("OFFICER", List.of("g\ttab")), Map.of())), admin),
                400, "people");
        assertProblem(api.put(ESSEX, "{\"agencyId\":", admin), 400, null);
        assertProblem(api.put(ESSEX, "{\"agencyId\":\"" + police + "\",\"needsApproval\":\"perhaps\"}", admin), 400,
                "needsApproval");
        assertProblem(api.put(ESSEX, "{\"agencyId\":\"" + police + "\",\"people\":{\"OFFICER\":\"g1\"}}", admin), 400,
                null);
        assertProblem(api.put(ESSEX, "{\"agencyId\":\"" + police + "\",\"people\":{\"KING\":[\"g1\"]}}", admin), 400,
                null);

        assertThat(api.get(ESSEX, admin).json().path("people").path("OFFICER").toString())
                .doesNotContain("group-", "ggg", "nul", "tab");
    }

    @Test
    void anAdministratorApprovesAnAccountWaitingForApproval() {
        String email = "waiting-" + UUID.randomUUID() + "@waymark.test";
        given.userWithEmail("Wanda Waiting", email, police, "OFFICER");
        String id = given.userId(email);
        jdbc.sql("UPDATE user_account SET awaiting_approval = TRUE, active = FALSE WHERE id = ?")
                .param(UUID.fromString(id)).update();
        assertThat(api.get("/api/v1/users/" + id, admin).json().path("awaitingApproval").asBoolean()).isTrue();

        assertThat(api.post("/api/v1/users/" + id + "/reactivate", "", officer).status()).isEqualTo(403);
        Response approved = api.post("/api/v1/users/" + id + "/reactivate", "", admin);

        assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
        assertThat(approved.json().path("active").asBoolean()).isTrue();
        assertThat(approved.json().path("awaitingApproval").asBoolean()).isFalse();
        JsonNode audit = api.get("/api/v1/audit?recordType=USER&recordId=" + id, admin).json();
        assertThat(audit.findValuesAsString("action")).contains("USER_APPROVED");
        assertProblem(api.post("/api/v1/users/" + UUID.randomUUID() + "/reactivate", "", admin), 404, null);
    }
}
