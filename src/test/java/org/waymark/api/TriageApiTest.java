package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;

import tools.jackson.databind.JsonNode;

/**
 * The triage of reports from the public through the JSON API: who sees the queue, who sees a
 * reporter's contact details, assigning and linking, and the logged reads. Runs on H2 and on
 * PostgreSQL.
 */
@TestPropertySource(properties = { "waymark.reports.limit=1000" })
class TriageApiTest extends ApiTests {

    String officerId;
    /** Every role of another force, Kent Police, which takes no part in Essex's operations. */
    final Map<String, String> otherForce = new LinkedHashMap<>();

    @BeforeAll
    void people() {
        String police = given.agency("Essex Police", "POLICE");
        String charity = given.agency("Justice & Care", "CHARITY");
        as.put("coordinator", given.user("coordinator", police, "COORDINATOR"));
        as.put("officer", given.user("officer", police, "OFFICER"));
        as.put("second officer", given.user("second", police, "OFFICER"));
        as.put("analyst", given.user("analyst", police, "ANALYST"));
        as.put("navigator", given.user("navigator", charity, "PARTNER"));
        as.put("charity officer", given.user("charity-officer", charity, "OFFICER"));
        as.put("admin", admin);
        String kent = given.agency("Kent Police", "POLICE");
        otherForce.put("coordinator", given.user("kent-coordinator", kent, "COORDINATOR"));
        otherForce.put("officer", given.user("kent-officer", kent, "OFFICER"));
        otherForce.put("analyst", given.user("kent-analyst", kent, "ANALYST"));
        otherForce.put("partner", given.user("kent-partner", kent, "PARTNER"));
        officerId = given.userIdByEmailStart("officer-");
    }

    @Test
    void onlyOfficersAndCoordinatorsOfFirstRespondersTriageAndTheContactGoesNoFurtherThanNeeded() {
        String id = reportWithContact();

        //                                 coord officer second analyst navig charOff admin
        List<Integer> queue = as.values().stream().map(who -> api.get("/api/v1/reports", who).status()).toList();
        assertThat(queue).containsExactly(200, 200, 200, 403, 403, 403, 403);
        assertThat(api.get("/api/v1/reports", as.get("officer")).raw().body()).doesNotContain("07700 900123");

        assertThat(api.get("/api/v1/reports/" + id, as.get("officer")).json().path("contact").isNull()).isTrue();
        assertThat(api.get("/api/v1/reports/" + id, as.get("coordinator")).json().path("contact").asString())
                .isEqualTo("07700 900123");
        Response taken = api.post("/api/v1/reports/" + id + "/assignee", json(Map.of("userId", officerId)),
                as.get("officer"));
        assertThat(taken.status()).as(taken.raw().body()).isEqualTo(200);
        assertThat(taken.json().path("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(api.get("/api/v1/reports/" + id, as.get("officer")).json().path("contact").asString())
                .isEqualTo("07700 900123");
        assertThat(api.get("/api/v1/reports/" + id, as.get("second officer")).json().path("contactShown").asBoolean())
                .isFalse();
        assertThat(api.post("/api/v1/reports/" + id + "/assignee", json(Map.of("userId", officerId)),
                as.get("second officer")).status()).as("officers take reports on themselves only").isEqualTo(403);
        String secondId = given.userIdByEmailStart("second-");
        assertThat(api.post("/api/v1/reports/" + id + "/assignee", json(Map.of("userId", secondId)),
                as.get("second officer")).status()).as("nor take one on from a colleague").isEqualTo(403);
        assertThat(api.post("/api/v1/reports/" + id + "/assignee", json(Map.of("userId", secondId)),
                as.get("coordinator")).status()).as("a coordinator reassigns it").isEqualTo(200);
    }

    @Test
    void aReportIsLinkedToAnOperationGivenAStatusAndNotesAndEveryReadIsLogged() {
        String id = reportWithContact();
        String operation = operation();

        assertThat(api.post("/api/v1/reports/" + id + "/operation", json(Map.of("operationId", operation)),
                as.get("officer")).json().path("operationName").asString()).isEqualTo("Week of action");
        assertThat(api.post("/api/v1/reports/" + id + "/operation", json(Map.of("operationId",
                UUID.randomUUID())), as.get("officer")).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/reports/" + id + "/status", json(Map.of("status", "ACTIONED")),
                as.get("officer")).json().path("status").asString()).isEqualTo("ACTIONED");
        assertThat(api.post("/api/v1/reports/" + id + "/status", json(Map.of("status", "LOST")),
                as.get("officer")).status()).isEqualTo(400);
        JsonNode noted = api.post("/api/v1/reports/" + id + "/notes", json(Map.of("text", "Passed to Border Force")),
                as.get("officer")).json();
        assertThat(noted.path("notes").findValuesAsString("text")).containsExactly("Passed to Border Force");
        assertThat(api.post("/api/v1/reports/" + id + "/notes", json(Map.of("text", " ")), as.get("officer"))
                .status()).isEqualTo(400);
        api.get("/api/v1/reports/" + id, as.get("analyst"));

        List<String> reads = new ArrayList<>();
        for (JsonNode entry : api.get("/api/v1/audit?recordType=PUBLIC_REPORT&recordId=" + id, admin).json()) {
            reads.add(entry.path("action").asString() + " " + entry.path("detail").asString());
        }
        assertThat(reads).contains("PUBLIC_REPORT_RECEIVED ", "PUBLIC_REPORT_READ REFUSED",
                "PUBLIC_REPORT_TRIAGED LINKED", "PUBLIC_REPORT_TRIAGED NOTE");
    }

    @Test
    void aReportOneForceHasTakenOnIsNeitherSeenNorChangedByAnother() {
        String linked = reportWithContact();
        String assigned = reportWithContact();
        String fresh = reportWithContact();
        assertThat(ids(otherForce.get("officer"))).as("a new report is open to every force").contains(linked,
                assigned, fresh);
        String operation = operation();
        assertThat(api.post("/api/v1/reports/" + linked + "/operation", json(Map.of("operationId", operation)),
                as.get("officer")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/reports/" + assigned + "/assignee", json(Map.of("userId", officerId)),
                as.get("officer")).status()).isEqualTo(200);

        for (var who : otherForce.entrySet()) {
            String token = who.getValue();
            boolean triages = !who.getKey().equals("analyst") && !who.getKey().equals("partner");
            Response queue = api.get("/api/v1/reports", token);
            assertThat(queue.status()).as(who.getKey()).isEqualTo(triages ? 200 : 403);
            if (triages) {
                assertThat(ids(token)).as(who.getKey()).contains(fresh).doesNotContain(linked, assigned);
            }
            for (String id : List.of(linked, assigned)) {
                int refused = triages ? 404 : 403;
                String path = "/api/v1/reports/" + id;
                assertThat(List.of(api.get(path, token).status(),
                        api.post(path + "/status", json(Map.of("status", "ACTIONED")), token).status(),
                        api.post(path + "/notes", json(Map.of("text", "Ours now")), token).status(),
                        api.post(path + "/operation", json(Map.of("operationId", operation)), token).status(),
                        api.post(path + "/assignee", json(Map.of("userId", officerId)), token).status()))
                        .as("%s of another force: read, status, note, link, assign", who.getKey())
                        .containsOnly(refused);
                assertThat(api.get(path, token).raw().body()).doesNotContain("07700 900123", "gate 12");
            }
        }
        String kentOfficer = api.get("/api/v1/users", admin).json().findParents("email").stream()
                .filter(found -> found.path("email").asString().startsWith("kent-officer-")).findFirst()
                .orElseThrow().path("id").asString();
        assertThat(api.post("/api/v1/reports/" + linked + "/assignee", json(Map.of("userId", kentOfficer)),
                as.get("coordinator")).status()).as("nor given to an officer of a force not taking part")
                .isEqualTo(400);
        JsonNode stillEssex = api.get("/api/v1/reports/" + linked, as.get("coordinator")).json();
        assertThat(stillEssex.path("status").asString()).isEqualTo("NEW");
        assertThat(stillEssex.path("notes")).isEmpty();
        assertThat(stillEssex.path("operationId").asString()).isEqualTo(operation);
    }

    private List<String> ids(String who) {
        return api.get("/api/v1/reports", who).json().findValuesAsString("id");
    }

    private String reportWithContact() {
        Response created = api.post("/api/v1/public/reports", json(Map.of("what", "A man took the passports of two "
                + "young women at gate 12", "contact", "07700 900123")), null);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String reference = created.text("reference");
        return api.get("/api/v1/reports", as.get("coordinator")).json().findParents("reference").stream()
                .filter(found -> found.path("reference").asString().equals(reference)).findFirst().orElseThrow()
                .path("id").asString();
    }

    private String operation() {
        return given.operation().plannedBy(as.get("coordinator"));
    }
}
