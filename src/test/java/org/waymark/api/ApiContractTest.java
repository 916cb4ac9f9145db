package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.basic;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;

import tools.jackson.databind.JsonNode;

/**
 * The JSON API as other systems use it, over real HTTP against the whole application. Runs on
 * H2 and on PostgreSQL.
 */
class ApiContractTest extends ApiTests {

    String leadAgency;
    String partnerAgency;
    String otherAgency;
    String coordinator;
    String partner;
    String analyst;
    String outsider;
    String officer;

    @BeforeAll
    void agenciesAndUsers() {
        leadAgency = given.agency("Essex Police", "POLICE");
        partnerAgency = given.agency("Justice & Care", "CHARITY");
        otherAgency = given.agency("Kent Police", "POLICE");
        coordinator = given.user("coordinator", leadAgency, "COORDINATOR");
        officer = given.user("officer", leadAgency, "OFFICER");
        partner = given.user("navigator", partnerAgency, "PARTNER");
        analyst = given.user("analyst", leadAgency, "ANALYST");
        outsider = given.user("kent", otherAgency, "COORDINATOR");
    }

    // --- tokens and authentication ---------------------------------------------------------

    @Test
    void issuesATokenForEmailAndPasswordThatExpiresInThirtyDays() {
        Response response = api.post("/api/v1/tokens", null, basic(ADMIN, PASSWORD));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("token")).startsWith("wmk_").hasSizeGreaterThan(40);
        Instant expiresAt = Instant.parse(response.text("expiresAt"));
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofDays(29), Duration.ofDays(30));
        assertThat(api.get("/api/v1/operations", bearer(response.text("token"))).status()).isEqualTo(200);
    }

    @Test
    void refusesWrongPasswordsAndMissingOrUnknownTokensWithProblemJson() {
        Response wrongPassword = api.post("/api/v1/tokens", null, basic(ADMIN, "not the password at all"));
        Response noToken = api.get("/api/v1/agencies", null);
        Response unknownToken = api.get("/api/v1/agencies", bearer("wmk_thisTokenWasNeverIssued"));
        Response basicElsewhere = api.get("/api/v1/agencies", basic(ADMIN, PASSWORD));

        for (Response response : List.of(wrongPassword, noToken, unknownToken, basicElsewhere)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void apiCallsKeepNoSessionAndNeedNoCsrfToken() {
        Response response = api.post("/api/v1/agencies", json(Map.of("name", "Stateless " + UUID.randomUUID(),
                "type", "OTHER")), admin);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String email = "revoking-" + UUID.randomUUID() + "@waymark.test";
        createUser(email, leadAgency, "OFFICER");
        String token = api.token(email, PASSWORD);
        assertThat(api.get("/api/v1/operations", bearer(token)).status()).isEqualTo(200);

        // Revoking happens on the account page; the API's deactivation stops every token too.
        String userId = userIdByEmail(email);
        assertThat(api.post("/api/v1/users/" + userId + "/deactivate", null, admin).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/operations", bearer(token)).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/tokens", null, basic(email, PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void fiveFailedSignInsLockTheAccountAndAreAudited() {
        String email = "locking-" + UUID.randomUUID() + "@waymark.test";
        String userId = createUser(email, leadAgency, "OFFICER").text("id");

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(api.post("/api/v1/tokens", null, basic(email, "wrong password " + attempt)).status())
                    .isEqualTo(401);
        }
        Response rightPasswordWhileLocked = api.post("/api/v1/tokens", null, basic(email, PASSWORD));

        assertThat(rightPasswordWhileLocked.status()).isEqualTo(401);
        JsonNode entries = api.get("/api/v1/audit?recordType=USER&recordId=" + userId, admin).json();
        assertThat(actions(entries)).contains("ACCOUNT_LOCKED", "SIGN_IN_FAILED", "USER_CREATED");
        assertThat(actions(entries).stream().filter("SIGN_IN_FAILED"::equals)).hasSize(6);
    }

    // --- agencies and users ------------------------------------------------------------------

    @Test
    void firstResponderFollowsTheAgencyTypeUnlessSet() {
        Response police = api.post("/api/v1/agencies", json(Map.of("name", "Police " + UUID.randomUUID(),
                "type", "POLICE")), admin);
        Response sarc = api.post("/api/v1/agencies", json(Map.of("name", "SARC " + UUID.randomUUID(),
                "type", "SARC")), admin);
        Response charityAsResponder = api.post("/api/v1/agencies", json(Map.of("name",
                "Charity " + UUID.randomUUID(), "type", "CHARITY", "firstResponder", true)), admin);

        assertThat(police.status()).isEqualTo(201);
        assertThat(police.json().path("firstResponder").asBoolean()).isTrue();
        assertThat(police.text("type")).isEqualTo("POLICE");
        assertThat(UUID.fromString(police.text("id"))).isNotNull();
        assertThat(sarc.json().path("firstResponder").asBoolean()).isFalse();
        assertThat(charityAsResponder.json().path("firstResponder").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/agencies", coordinator).json().findValuesAsString("name"))
                .contains(police.text("name"), sarc.text("name"));
    }

    @Test
    void aDuplicateAgencyNameIsAConflict() {
        String name = "Border Force " + UUID.randomUUID();
        api.post("/api/v1/agencies", json(Map.of("name", name, "type", "BORDER_FORCE")), admin);

        Response again = api.post("/api/v1/agencies", json(Map.of("name", name.toUpperCase(), "type",
                "BORDER_FORCE")), admin);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
    }

    @Test
    void createsUsersAndRefusesADuplicateEmailWhateverItsCase() {
        String email = "Dana.Officer-" + UUID.randomUUID() + "@Waymark.test";
        Response created = createUser(email, leadAgency, "OFFICER");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("email")).isEqualTo(email.toLowerCase());
        assertThat(created.text("agencyId")).isEqualTo(leadAgency);
        assertThat(created.json().path("roles").get(0).asString()).isEqualTo("OFFICER");
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(created.json().has("password")).isFalse();

        Response duplicate = createUser(email.toUpperCase(), leadAgency, "OFFICER");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aUserWithoutAPasswordGetsAGeneratedOneOnce() {
        String email = "generated-" + UUID.randomUUID() + "@waymark.test";
        Response created = api.post("/api/v1/users", json(Map.of("name", "Gen Erated", "email", email,
                "agencyId", leadAgency, "roles", List.of("PARTNER"))), admin);

        assertThat(created.status()).isEqualTo(201);
        String generated = created.text("generatedPassword");
        assertThat(generated).hasSizeGreaterThanOrEqualTo(12);
        assertThat(api.post("/api/v1/tokens", null, basic(email, generated)).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/users/" + created.text("id"), admin).json().has("generatedPassword")).isFalse();
    }

    @Test
    void onlyAdministratorsManageAgenciesUsersAndTheAuditLog() {
        String agency = json(Map.of("name", "Not allowed " + UUID.randomUUID(), "type", "OTHER"));
        for (String notAdmin : List.of(coordinator, partner, analyst)) {
            assertThat(api.post("/api/v1/agencies", agency, notAdmin).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/users", notAdmin).status()).isEqualTo(403);
            Response audit = api.get("/api/v1/audit", notAdmin);
            assertThat(audit.status()).isEqualTo(403);
            assertThat(audit.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/v1/users", admin).status()).isEqualTo(200);
    }

    @Test
    void rolesAreNamedNotNumberedAndNamesMustFitOnceFolded() {
        Response numbered = api.post("/api/v1/users", "{\"name\": \"N\", \"email\": \"numbered-" + UUID.randomUUID()
                + "@waymark.test\", \"agencyId\": \"" + leadAgency + "\", \"roles\": [0]}", admin);
        // A dotted capital I becomes two characters in lower case: the folded name must still fit.
        Response dottedI = api.post("/api/v1/agencies", json(Map.of("name", "\u0130".repeat(100), "type", "OTHER")),
                admin);

        assertProblemAbout(numbered, 400, "roles");
        assertProblemAbout(dottedI, 400, "name");
    }

    @Test
    void passwordsShorterThanTwelveCharactersAreRefused() {
        Response response = api.post("/api/v1/users", json(Map.of("name", "Short", "email",
                "short-" + UUID.randomUUID() + "@waymark.test", "agencyId", leadAgency, "roles", List.of("OFFICER"),
                "password", "elevenchars")), admin);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
    }

    // --- operations ----------------------------------------------------------------------------

    @Test
    void aCoordinatorPlansAnOperationLedByTheirAgency() {
        Response created = createOperation(coordinator, "Week of action: Stansted Airport", "2026-09-16",
                "2026-09-19", List.of(partnerAgency));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("name").asString()).isEqualTo("Week of action: Stansted Airport");
        assertThat(body.path("port").asString()).isEqualTo("STN");
        assertThat(body.path("startDate").asString()).isEqualTo("2026-09-16");
        assertThat(body.path("endDate").asString()).isEqualTo("2026-09-19");
        assertThat(body.path("status").asString()).isEqualTo("PLANNED");
        assertThat(body.path("focusExploitationTypes").get(0).asString()).isEqualTo("SEXUAL");
        assertThat(texts(body.path("focusCountries"))).containsExactly("BG", "MD", "TR");
        assertThat(texts(body.path("agencyIds"))).containsExactlyInAnyOrder(leadAgency, partnerAgency).isSorted();

        String id = body.path("id").asString();
        assertThat(api.get("/api/v1/operations/" + id, coordinator).json()).isEqualTo(body);
        assertThat(api.get("/api/v1/operations", coordinator).json().findValuesAsString("id")).contains(id);
    }

    @Test
    void partnersSeeOnlyTheOutlineAndOtherAgenciesSeeNothing() {
        String id = createOperation(coordinator, "Outline only", "2026-10-01", "2026-10-03", List.of(partnerAgency))
                .text("id");

        JsonNode forPartner = api.get("/api/v1/operations/" + id, partner).json();
        JsonNode forAnalyst = api.get("/api/v1/operations/" + id, analyst).json();
        JsonNode forOfficer = api.get("/api/v1/operations/" + id, officer).json();

        for (JsonNode outline : List.of(forPartner, forAnalyst)) {
            assertThat(outline.path("name").asString()).isEqualTo("Outline only");
            assertThat(outline.path("status").asString()).isEqualTo("PLANNED");
            assertThat(outline.has("focusCountries")).isFalse();
            assertThat(outline.has("agencyIds")).isFalse();
            assertThat(outline.has("focusExploitationTypes")).isFalse();
        }
        assertThat(forOfficer.has("focusCountries")).isTrue();
        assertThat(api.get("/api/v1/operations/" + id, outsider).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/operations", outsider).json().findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void onlyCoordinatorsPlanOperations() {
        Response byOfficer = createOperation(officer, "Not mine to plan", "2026-10-01", "2026-10-02", List.of());
        Response byPartner = createOperation(partner, "Not mine to plan", "2026-10-01", "2026-10-02", List.of());

        assertThat(byOfficer.status()).isEqualTo(403);
        assertThat(byPartner.status()).isEqualTo(403);
        assertThat(byOfficer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyTheLeadAgencysCoordinatorsEditAndCloseAndOnlyAnAdministratorReopens() {
        String id = createOperation(coordinator, "Lifecycle", "2026-11-01", "2026-11-04", List.of(otherAgency))
                .text("id");
        String edited = json(operation("Lifecycle, extended", "2026-11-01", "2026-11-05", List.of(otherAgency)));

        assertThat(api.put("/api/v1/operations/" + id, edited, outsider).status()).isEqualTo(403);
        Response update = api.put("/api/v1/operations/" + id, edited, coordinator);
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.text("endDate")).isEqualTo("2026-11-05");

        assertThat(status(id, "ACTIVE", coordinator).text("status")).isEqualTo("ACTIVE");
        assertThat(status(id, "CLOSED", coordinator).text("status")).isEqualTo("CLOSED");

        assertThat(api.put("/api/v1/operations/" + id, edited, coordinator).status()).isEqualTo(409);
        Response reopenByCoordinator = status(id, "ACTIVE", coordinator);
        assertThat(reopenByCoordinator.status()).isEqualTo(409);
        assertThat(reopenByCoordinator.json().path("detail").asString()).contains("administrator");
        assertThat(status(id, "ACTIVE", admin).text("status")).isEqualTo("ACTIVE");

        JsonNode audit = api.get("/api/v1/audit?recordType=OPERATION&recordId=" + id, admin).json();
        assertThat(actions(audit)).containsExactly("OPERATION_STATUS_CHANGED", "OPERATION_STATUS_CHANGED",
                "OPERATION_STATUS_CHANGED", "OPERATION_UPDATED", "OPERATION_CREATED");
    }

    @Test
    void theAuditLogRecordsWhoCreatedAnOperationAndFiltersByUser() {
        String id = createOperation(coordinator, "Audited", "2026-12-01", "2026-12-02", List.of()).text("id");

        JsonNode entries = api.get("/api/v1/audit?recordType=OPERATION&recordId=" + id, admin).json();

        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.path("action").asString()).isEqualTo("OPERATION_CREATED");
        assertThat(entry.path("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(entry.path("agencyId").asString()).isEqualTo(leadAgency);
        String userId = entry.path("userId").asString();
        JsonNode byUser = api.get("/api/v1/audit?userId=" + userId, admin).json();
        assertThat(byUser.findValuesAsString("userId")).containsOnly(userId);
        assertThat(actions(byUser)).contains("OPERATION_CREATED", "TOKEN_CREATED");
    }

    // --- bad input: always a 4xx with problem JSON --------------------------------------------

    @Test
    void anEndDateBeforeTheStartDateNamesTheField() {
        Response response = createOperation(coordinator, "Backwards", "2026-09-19", "2026-09-16", List.of());

        assertProblemAbout(response, 400, "endDate");
        assertThat(response.json().path("detail").asString()).contains("end date");
    }

    @Test
    void malformedRequestsAreClearFourHundreds() {
        Map<String, Object> good = operation("Bad input", "2026-09-16", "2026-09-19", List.of());
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] { with(good, "focusCountries", List.of("BG", "XX")), "focusCountries" });
        cases.add(new Object[] { with(good, "focusExploitationTypes", List.of("SMUGGLING")),
                "focusExploitationTypes" });
        cases.add(new Object[] { with(good, "startDate", "16/09/2026"), "startDate" });
        cases.add(new Object[] { with(good, "startDate", "2026-02-30"), "startDate" });
        cases.add(new Object[] { with(good, "name", " "), "name" });
        cases.add(new Object[] { with(good, "name", "x".repeat(121)), "name" });
        cases.add(new Object[] { with(good, "port", "Stansted"), "port" });
        cases.add(new Object[] { with(good, "port", "S1N"), "port" });
        cases.add(new Object[] { with(good, "agencyIds", List.of(UUID.randomUUID().toString())), "agencyIds" });
        cases.add(new Object[] { with(good, "agencyIds", List.of("not-a-uuid")), "agencyIds" });
        cases.add(new Object[] { with(good, "focusExploitationsTypo", List.of("SEXUAL")), "focusExploitationsTypo" });
        cases.add(new Object[] { with(good, "endDate", 20260919), "endDate" });
        cases.add(new Object[] { with(good, "startDate", "0000-01-01"), "startDate" });
        cases.add(new Object[] { with(good, "endDate", "2206-09-19"), "endDate" });
        cases.add(new Object[] { with(good, "focusExploitationTypes", List.of(0)), "focusExploitationTypes" });
        cases.add(new Object[] { with(good, "name", 5), "name" });
        cases.add(new Object[] { with(good, "name", "Week\u0000of action"), "name" });
        for (Object[] c : cases) {
            assertProblemAbout(api.post("/api/v1/operations", json(c[0]), coordinator), 400, (String) c[1]);
        }

        for (String body : List.of("{", "[]", "\"text\"", "", "{\"name\": }")) {
            Response response = api.post("/api/v1/operations", body, coordinator);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        Response xml = api.send("POST", "/api/v1/operations", "application/xml", "<operation/>", coordinator);
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/operations/not-a-uuid", coordinator).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/operations/" + UUID.randomUUID(), coordinator).status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/operations", null, null, coordinator).status()).isEqualTo(405);
        assertThat(api.get("/api/v1/no-such-thing", coordinator).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/no-such-thing", coordinator).contentType())
                .startsWith("application/problem+json");
        assertProblemAbout(api.post("/api/v1/operations/" + UUID.randomUUID() + "/status",
                json(Map.of("status", "FINISHED")), coordinator), 400, "status");
        assertProblemAbout(api.get("/api/v1/audit?size=100000", admin), 400, "size");
        Response yaml = api.send("POST", "/api/v1/agencies", "application/yaml", "name: Y\ntype: OTHER\n", admin);
        assertThat(yaml.status()).isEqualTo(415);
    }

    @Test
    void theOpenApiDescriptionListsTheEndpoints() {
        Response docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames()).contains("/api/v1/tokens", "/api/v1/agencies",
                "/api/v1/users", "/api/v1/operations", "/api/v1/operations/{id}/status", "/api/v1/audit",
                "/api/v1/operations/{operationId}/checks", "/api/v1/checks/{id}", "/api/v1/checks/{id}/indicators",
                "/api/v1/checks/{id}/outcome", "/api/v1/checks/{checkId}/support-requests",
                "/api/v1/support-requests", "/api/v1/support-requests/{id}/acknowledge",
                "/api/v1/support-requests/{id}/expected-arrival", "/api/v1/support-requests/{id}/decline",
                "/api/v1/indicators",
                "/api/v1/checks/{checkId}/referral", "/api/v1/referrals/{id}", "/api/v1/referrals/{id}/package",
                "/api/v1/referrals/{id}/submission", "/api/v1/referrals/{id}/decisions",
                "/api/v1/referrals/{id}/withdrawal", "/api/v1/referrals/{id}/package.pdf");
    }

    // --- helpers --------------------------------------------------------------------------------

    private Response createUser(String email, String agencyId, String role) {
        return api.post("/api/v1/users", json(Map.of("name", "Test " + role, "email", email, "agencyId", agencyId,
                "roles", List.of(role), "password", PASSWORD)), admin);
    }

    private String userIdByEmail(String email) {
        for (JsonNode user : api.get("/api/v1/users", admin).json()) {
            if (user.path("email").asString().equals(email)) {
                return user.path("id").asString();
            }
        }
        throw new AssertionError("no user " + email);
    }

    private static Map<String, Object> operation(String name, String start, String end, List<String> agencies) {
        return Map.of("name", name, "port", "STN", "startDate", start, "endDate", end, "focusExploitationTypes",
                List.of("SEXUAL"), "focusCountries", List.of("TR", "BG", "MD"), "agencyIds", agencies);
    }

    private Response createOperation(String who, String name, String start, String end, List<String> agencies) {
        return api.post("/api/v1/operations", json(operation(name, start, end, agencies)), who);
    }

    private Response status(String id, String status, String who) {
        return api.post("/api/v1/operations/" + id + "/status", json(Map.of("status", status)), who);
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(field, value);
        return copy;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    private static List<String> actions(JsonNode entries) {
        return entries.findValuesAsString("action");
    }

    private static void assertProblemAbout(Response response, int status, String field) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsString("field")).as(response.raw().body())
                .anyMatch(f -> f.startsWith(field));
        assertThat(response.raw().body()).doesNotContain("Exception", "at org.", "at java.");
    }
}
