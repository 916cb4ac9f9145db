package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.json;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiFixtures;
import org.waymark.support.ApiTests;

import tools.jackson.databind.JsonNode;

/**
 * Enhanced checks, indicators and support requests through the JSON API, over real HTTP: who
 * may do what, what a partner sees, the child rule and the logged reads. Runs on H2 and on
 * PostgreSQL.
 */
class ChecksApiTest extends ApiTests {

    String police;
    String charity;
    String sarc;

    @BeforeAll
    void people() {
        ApiFixtures.Forces forces = forcesWith("coordinator", "officer", "analyst", "navigator", "charity officer",
                "sarc worker", "other force");
        police = forces.police();
        charity = forces.charity();
        sarc = forces.sarc();
    }

    // --- starting and recording ----------------------------------------------------------------

    @Test
    void anOfficerStartsACheckOnAFlightAndRecordsThePersonAsFactsApartFromOpinion() {
        String operation = operation();
        String flight = flight(operation);

        Response started = api.post("/api/v1/operations/" + operation + "/checks", json(Map.of("flightId", flight,
                "category", "POTENTIAL_VICTIM", "person", Map.of("name", "Maria", "under18", "NO", "gender", "FEMALE",
                        "nationality", "bg", "languages", List.of("BG", "en")))), as.get("officer"));

        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        JsonNode check = started.json();
        assertThat(check.path("status").asString()).isEqualTo("OPEN");
        assertThat(check.path("flightNumber").asString()).isEqualTo("FR1234");
        assertThat(check.path("person").path("nationality").asString()).isEqualTo("BG");
        assertThat(check.path("person").path("languages").toString()).isEqualTo("[\"bg\",\"en\"]");
        String id = check.path("id").asString();

        Response account = api.put("/api/v1/checks/" + id + "/account", json(Map.of("suspectedTypes",
                List.of("SEXUAL"), "account", "Offered a job in a restaurant by a man she met online.",
                "opinion", "Story seemed rehearsed.")), as.get("officer"));
        assertThat(account.status()).as(account.raw().body()).isEqualTo(200);
        assertThat(account.json().path("account").asString()).startsWith("Offered a job");
        assertThat(account.json().path("opinion").asString()).isEqualTo("Story seemed rehearsed.");

        Response advice = api.post("/api/v1/checks/" + id + "/advice", json(Map.of("kind", "HELPLINE")),
                as.get("officer"));
        assertThat(advice.json().path("advice").get(0).path("kind").asString()).isEqualTo("HELPLINE");
        assertThat(advice.json().path("advice").get(0).path("givenAt").asString()).isNotBlank();
    }

    @Test
    void startingNeedsAFlightOrAPlaceACategoryAndTheAnswerToUnder18() {
        String operation = operation();
        String checks = "/api/v1/operations/" + operation + "/checks";
        String officer = as.get("officer");

        assertProblem(api.post(checks, json(Map.of("category", "WITNESS", "person", Map.of("under18", "NO"))),
                officer), 400, "flightId");
        assertProblem(api.post(checks, json(Map.of("location", "Arrivals hall", "person", Map.of("under18", "NO"))),
                officer), 400, "category");
        assertProblem(api.post(checks, json(Map.of("location", "Arrivals hall", "category", "WITNESS")), officer),
                400, "person.under18");
        assertProblem(api.post(checks, json(Map.of("location", "Arrivals hall", "category", "WITNESS", "person",
                Map.of("under18", "NO", "age", 15))), officer), 400, "person.under18");
        assertProblem(api.post(checks, json(Map.of("location", "Arrivals hall", "category", "WITNESS", "person",
                Map.of("under18", "MAYBE"))), officer), 400, "person.under18");
        assertProblem(api.post(checks, json(Map.of("location", "Arrivals hall", "category", "WITNESS", "person",
                Map.of("under18", "NO", "nationality", "XX"))), officer), 400, "person.nationality");
        assertProblem(api.post(checks, json(Map.of("location", "Arrivals hall", "category", "WITNESS", "person",
                Map.of("under18", "NO", "dateOfBirth", "2999-01-01"))), officer), 400, "person.dateOfBirth");
        assertProblem(api.post(checks, json(Map.of("flightId", flight(operation()), "category", "WITNESS", "person",
                Map.of("under18", "NO"))), officer), 400, "flightId");
        assertThat(api.get(checks, as.get("coordinator")).json()).isEmpty();
    }

    @Test
    void malformedRequestsAreClearFourHundredsAndChangeNothing() {
        String id = check(operation(), "NO");
        String officer = as.get("officer");
        String person = "/api/v1/checks/" + id + "/person";

        assertProblem(api.put(person, "{\"under18\": 1}", officer), 400, null);
        assertProblem(api.put(person, "{\"under18\": \"NO\", \"shoeSize\": 9}", officer), 400, null);
        assertProblem(api.put(person, "{\"under18\": \"NO\", \"age\": \"twenty\"}", officer), 400, null);
        assertProblem(api.put(person, "{\"under18\": \"NO\", \"dateOfBirth\": \"16/09/1990\"}", officer), 400,
                null);
        assertProblem(api.put(person, "null", officer), 400, null);
        assertProblem(api.put(person, json(Map.of("under18", "NO", "name", "A\u0000B")), officer), 400,
                "name");
        assertProblem(api.put(person, json(Map.of("under18", "NO", "name", "Ana", "nameNotGiven", true)), officer),
                400, "person.name");
        assertProblem(api.put(person, json(Map.of("under18", "NO", "interpreterMode", "PHONE")), officer), 400,
                "person.interpreterLanguage");
        assertProblem(api.put("/api/v1/checks/" + id + "/account", json(Map.of("account", "x".repeat(15_001))),
                officer), 400, "account");
        assertProblem(api.post("/api/v1/checks/" + id + "/advice", json(Map.of("kind", "OTHER")), officer), 400,
                "note");
        assertProblem(api.post("/api/v1/checks/" + id + "/advice", json(Map.of("kind", "LEAFLET", "at",
                "2030-01-01T00:00:00Z")), officer), 400, "at");
        assertProblem(api.post("/api/v1/checks/" + id + "/outcome", json(Map.of("outcomes", List.of("ARRESTED"))),
                officer), 400, null);
        assertThat(api.get("/api/v1/checks/not-a-uuid", officer).status()).isEqualTo(400);

        JsonNode unchanged = api.get("/api/v1/checks/" + id, officer).json();
        assertThat(unchanged.path("person").path("name").isNull()).isTrue();
        assertThat(unchanged.path("account").isNull()).isTrue();
        assertThat(unchanged.path("advice")).isEmpty();
        assertThat(unchanged.path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void indicatorsComeFromTheCatalogueWithTheirBasis() {
        String id = check(operation(), "NO");

        Response recorded = api.post("/api/v1/checks/" + id + "/indicators", json(Map.of("indicators", List.of(
                Map.of("code", "T01", "basis", "OBSERVED"),
                Map.of("code", "G02", "basis", "DISCLOSED", "note", "Owes 2,000 euros for the ticket"),
                Map.of("code", "T12", "basis", "THIRD_PARTY")))), as.get("officer"));

        assertThat(recorded.status()).as(recorded.raw().body()).isEqualTo(200);
        assertThat(recorded.json().path("indicators").findValuesAsString("code")).containsExactly("G02", "T01",
                "T12");
        assertThat(recorded.json().path("indicators").get(0).path("note").asString())
                .isEqualTo("Owes 2,000 euros for the ticket");
        assertProblem(api.post("/api/v1/checks/" + id + "/indicators", json(Map.of("indicators",
                List.of(Map.of("code", "Z99", "basis", "OBSERVED")))), as.get("officer")), 400, "indicators");
        assertProblem(api.post("/api/v1/checks/" + id + "/indicators", json(Map.of("indicators",
                List.of(Map.of("code", "T02")))), as.get("officer")), 400, "basis");
        assertThat(api.send("DELETE", "/api/v1/checks/" + id + "/indicators/T12", null, null, as.get("officer"))
                .json().path("indicators").findValuesAsString("code")).containsExactly("G02", "T01");
    }

    @Test
    void aRetiredIndicatorStaysReadableOnOldChecksButCannotBeChosenAgain() {
        String code = "X" + (100 + (int) (Math.random() * 899));
        Response added = api.post("/api/v1/indicators", json(Map.of("code", code, "group", "TRAVEL",
                "exploitationType", "ALL", "text", "Carries someone else’s bank cards")), admin);
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        int version = api.get("/api/v1/indicators", as.get("officer")).json().path("version").asInt();
        String old = check(operation(), "NO");
        api.post("/api/v1/checks/" + old + "/indicators", json(Map.of("indicators",
                List.of(Map.of("code", code, "basis", "OBSERVED")))), as.get("officer"));

        Response retired = api.post("/api/v1/indicators/" + code + "/retire", null, admin);

        assertThat(retired.json().path("retired").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/indicators", as.get("officer")).json().path("version").asInt())
                .isEqualTo(version + 1);
        JsonNode kept = api.get("/api/v1/checks/" + old, as.get("officer")).json().path("indicators").get(0);
        assertThat(kept.path("code").asString()).isEqualTo(code);
        assertThat(kept.path("text").asString()).isEqualTo("Carries someone else’s bank cards");
        assertThat(kept.path("retired").asBoolean()).isTrue();
        assertProblem(api.post("/api/v1/checks/" + check(operation(), "NO") + "/indicators", json(Map.of(
                "indicators", List.of(Map.of("code", code, "basis", "OBSERVED")))), as.get("officer")), 400,
                "indicators");
        assertThat(api.post("/api/v1/indicators", json(Map.of("code", "Y01", "group", "TRAVEL", "exploitationType",
                "ALL", "text", "Anything")), as.get("coordinator")).status()).isEqualTo(403);
        assertProblem(api.post("/api/v1/indicators", json(Map.of("code", code, "group", "TRAVEL",
                "exploitationType", "ALL", "text", "Again")), admin), 409, "code");
        assertProblem(api.post("/api/v1/indicators", json(Map.of("code", "lower case", "group", "TRAVEL",
                "exploitationType", "ALL", "text", "Bad code")), admin), 400, "code");
    }

    // --- the child rule ------------------------------------------------------------------------

    @Test
    void aChildOrAPersonOfUnclearAgeClosesOnlyWithAChildReferralAndAnNrmReferral() {
        for (String under18 : List.of("YES", "NOT_SURE")) {
            String id = check(operation(), under18);
            api.put("/api/v1/checks/" + id + "/person", json(Map.of("name", "A", "under18", under18)),
                    as.get("officer"));

            Response advice = outcome(id, List.of("SAFEGUARDING_ADVICE"));
            Response onlyChild = outcome(id, List.of("CHILD_SAFEGUARDING_REFERRAL"));

            assertProblem(advice, 422, "outcomes");
            assertThat(advice.json().path("detail").asString()).contains("treated as a child");
            assertProblem(onlyChild, 422, "outcomes");
            Response both = outcome(id, List.of("CHILD_SAFEGUARDING_REFERRAL", "NRM_REFERRAL"));
            assertThat(both.status()).as(both.raw().body()).isEqualTo(200);
            assertThat(both.json().path("status").asString()).isEqualTo("CLOSED");
        }
    }

    @Test
    void closingNeedsAnOutcomeAndAClosedCheckNoLongerChanges() {
        String id = check(operation(), "NO");

        assertProblem(outcome(id, List.of()), 400, "outcomes");
        assertProblem(outcome(id, List.of("DUTY_TO_NOTIFY")), 422, "outcomes");
        Response closed = outcome(id, List.of("SAFEGUARDING_ADVICE", "INTELLIGENCE_SUBMITTED"));

        assertThat(closed.json().path("outcomes").toString()).contains("SAFEGUARDING_ADVICE",
                "INTELLIGENCE_SUBMITTED");
        assertThat(closed.json().path("closedAt").asString()).isNotBlank();
        assertProblem(api.put("/api/v1/checks/" + id + "/person", json(Map.of("under18", "NO")), as.get("officer")),
                409, null);
        assertThat(outcome(id, List.of("NO_FURTHER_ACTION")).status()).isEqualTo(409);
    }

    // --- categories, facts and opinions --------------------------------------------------------

    @Test
    void theWholeCheckSaysWhichPartsAreFactsAndWhichAreOpinionsAndWhoseTheOpinionIs() {
        String id = check(operation(), "NO");

        JsonNode started = api.get("/api/v1/checks/" + id, as.get("officer")).json();
        assertThat(started.path("natures").path("person").asString()).isEqualTo("FACT");
        assertThat(started.path("assessedBy").isNull()).isTrue();
        JsonNode assessed = api.put("/api/v1/checks/" + id + "/account", json(Map.of("suspectedTypes",
                List.of("LABOUR"), "account", "Came to pick fruit for an agency", "opinion",
                "Agency sounds like a front")), as.get("officer")).json();

        JsonNode natures = assessed.path("natures");
        for (String fact : List.of("person", "indicators", "account", "advice", "supportRequests", "outcomes")) {
            assertThat(natures.path(fact).asString()).as(fact).isEqualTo("FACT");
        }
        assertThat(natures.path("suspectedTypes").asString()).isEqualTo("OPINION");
        assertThat(natures.path("opinion").asString()).isEqualTo("OPINION");
        assertThat(natures.has("outcomeNote")).isFalse();
        assertThat(assessed.path("assessedBy").path("name").asString()).isEqualTo("officer");
        assertThat(assessed.path("assessedBy").path("agencyName").asString()).startsWith("Essex Police");
        assertThat(assessed.path("assessedAt").asString()).isNotBlank();
        // The existing fields stay as they were.
        assertThat(assessed.path("opinion").asString()).isEqualTo("Agency sounds like a front");
        assertThat(assessed.path("account").asString()).isEqualTo("Came to pick fruit for an agency");

        JsonNode accountOnly = api.put("/api/v1/checks/" + id + "/account", json(Map.of("suspectedTypes",
                List.of("LABOUR"), "account", "Came to pick fruit for an agency in Kent", "opinion",
                "Agency sounds like a front")), as.get("coordinator")).json();
        assertThat(accountOnly.path("assessedBy").path("name").asString()).isEqualTo("officer");

        JsonNode closed = api.post("/api/v1/checks/" + id + "/outcome", json(Map.of("outcomes",
                List.of("SAFEGUARDING_ADVICE"), "note", "Probably a front for a gangmaster")),
                as.get("coordinator")).json();
        assertThat(closed.path("outcomeNote").asString()).isEqualTo("Probably a front for a gangmaster");
        assertThat(closed.path("outcomeNoteNature").asString()).isEqualTo("OPINION");
        assertThat(closed.path("natures").path("outcomeNote").asString()).isEqualTo("OPINION");
        assertThat(closed.path("closedBy").path("name").asString()).isEqualTo("coordinator");

        String factual = check(operation(), "NO");
        JsonNode facts = api.post("/api/v1/checks/" + factual + "/outcome", json(Map.of("outcomes",
                List.of("SAFEGUARDING_ADVICE"), "note", "Leaflet in Romanian given", "noteNature", "FACT")),
                as.get("officer")).json();
        assertThat(facts.path("outcomeNoteNature").asString()).isEqualTo("FACT");
        assertThat(facts.path("natures").path("outcomeNote").asString()).isEqualTo("FACT");
        assertProblem(api.post("/api/v1/checks/" + check(operation(), "NO") + "/outcome", json(Map.of("outcomes",
                List.of("SAFEGUARDING_ADVICE"), "note", "x", "noteNature", "GUESS")), as.get("officer")), 400, null);
    }

    @Test
    void thePartnerAndTheAnalystSeeNoMoreThanBefore() {
        String id = check(operation(), "NO");
        api.put("/api/v1/checks/" + id + "/account", json(Map.of("account", "Told of a job as a model",
                "opinion", "Frightened of her companion")), as.get("officer"));
        api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", charity, "kind",
                "NAVIGATOR")), as.get("officer"));

        Response partner = api.get("/api/v1/checks/" + id, as.get("navigator"));

        assertThat(partner.json().path("view").asString()).isEqualTo("PARTNER");
        for (String hidden : List.of("category", "natures", "assessedBy", "assessedAt", "outcomeNoteNature",
                "closedBy", "opinion")) {
            assertThat(partner.json().has(hidden)).as(hidden).isFalse();
        }
        assertThat(partner.raw().body()).doesNotContain("Frightened", "OPINION", "POTENTIAL_VICTIM");
        assertThat(api.get("/api/v1/checks/" + id, as.get("analyst")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/operations/" + operation() + "/checks", as.get("analyst")).status())
                .isEqualTo(403);
    }

    @Test
    void anotherForceIsToldThereIsNoSuchCheckAsForAnUnknownIdAndTheAttemptIsLogged() {
        String id = check(operation(), "NO");
        Response unknown = api.get("/api/v1/checks/" + UUID.randomUUID(), as.get("other force"));

        Response hidden = api.get("/api/v1/checks/" + id, as.get("other force"));
        Response changed = api.put("/api/v1/checks/" + id + "/category", json(Map.of("category", "WITNESS")),
                as.get("other force"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.raw().body()).isEqualTo(unknown.raw().body().replace(unknown.text("instance"),
                hidden.text("instance")));
        assertThat(changed.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/checks/" + id, as.get("officer")).json().path("category").asString())
                .isEqualTo("POTENTIAL_VICTIM");
        assertThat(api.get("/api/v1/checks/" + id, as.get("analyst")).status())
                .as("an analyst of an agency taking part knows of the operation: refused, not hidden").isEqualTo(403);
        List<String> reads = new ArrayList<>();
        for (JsonNode entry : api.get("/api/v1/audit?recordType=ENHANCED_CHECK&recordId=" + id, admin).json()) {
            if (entry.path("action").asString().equals("CHECK_READ")) {
                reads.add(entry.path("detail").asString() + " " + entry.path("outcome").asString());
            }
        }
        assertThat(reads).containsExactlyInAnyOrder("REFUSED FAILURE", "FULL SUCCESS", "REFUSED FAILURE");
    }

    @Test
    void theCategoryIsRequiredCanChangeAndEachChangeIsLogged() {
        String operation = operation();
        String id = check(operation, "NO");
        String category = "/api/v1/checks/" + id + "/category";

        assertProblem(api.put(category, "{}", as.get("officer")), 400, "category");
        assertProblem(api.put(category, json(Map.of("category", "SUSPECT")), as.get("officer")), 400, null);
        Response changed = api.put(category, json(Map.of("category", "WITNESS")), as.get("officer"));

        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.json().path("category").asString()).isEqualTo("WITNESS");
        assertThat(api.get("/api/v1/checks/" + id, as.get("coordinator")).json().path("category").asString())
                .isEqualTo("WITNESS");
        assertThat(api.get("/api/v1/operations/" + operation + "/checks", as.get("coordinator")).json().get(0)
                .path("category").asString()).isEqualTo("WITNESS");
        JsonNode log = api.get("/api/v1/audit?recordType=ENHANCED_CHECK&recordId=" + id, admin).json();
        List<String> changes = new ArrayList<>();
        for (JsonNode entry : log) {
            if (entry.path("action").asString().equals("CHECK_CHANGED")) {
                changes.add(entry.path("detail").asString());
            }
        }
        assertThat(changes).containsExactly("CATEGORY");
        assertThat(api.put(category, json(Map.of("category", "OTHER")), as.get("analyst")).status()).isEqualTo(403);
        assertThat(api.put(category, json(Map.of("category", "OTHER")), as.get("navigator")).status())
                .isEqualTo(403);
    }

    // --- support requests ----------------------------------------------------------------------

    @Test
    void aNavigatorSeesWhatTheVisitNeedsAcknowledgesAndArrivesAndTheResponseTimesShow() {
        String operation = operation();
        String id = check(operation, "NO");
        api.put("/api/v1/checks/" + id + "/person", json(Map.of("name", "Maria", "under18", "NO", "languages",
                List.of("bg"), "interpreterLanguage", "bg", "interpreterMode", "PHONE", "nationality", "BG")),
                as.get("officer"));
        api.post("/api/v1/checks/" + id + "/indicators", json(Map.of("indicators", List.of(Map.of("code", "T03",
                "basis", "DISCLOSED")))), as.get("officer"));
        api.put("/api/v1/checks/" + id + "/account", json(Map.of("account", "Told of a job as a model",
                "opinion", "Frightened of her companion")), as.get("officer"));

        Response requested = api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", charity,
                "kind", "NAVIGATOR")), as.get("officer"));
        assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
        assertThat(requested.json().path("status").asString()).isEqualTo("REQUESTED");
        String request = requested.text("id");

        Response mine = api.get("/api/v1/support-requests", as.get("navigator"));
        JsonNode listed = mine.json().get(0);
        assertThat(listed.path("id").asString()).isEqualTo(request);
        assertThat(listed.path("check").path("name").asString()).isEqualTo("Maria");
        assertThat(listed.path("check").path("languages").toString()).isEqualTo("[\"bg\"]");
        // The indicator's code as a JSON string: a time such as 2026-12-06T03:34 holds T03 too.
        assertThat(mine.raw().body()).doesNotContain("\"T03\"", "model", "Frightened", "nationality");

        JsonNode partnerView = api.get("/api/v1/checks/" + id, as.get("navigator")).json();
        assertThat(partnerView.path("view").asString()).isEqualTo("PARTNER");
        assertThat(partnerView.has("indicators")).isFalse();
        assertThat(partnerView.has("account")).isFalse();
        assertThat(partnerView.has("opinion")).isFalse();
        assertThat(partnerView.has("person")).isFalse();

        assertThat(api.post("/api/v1/support-requests/" + request + "/acknowledge", null, as.get("officer")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/support-requests/" + request + "/ended", null, as.get("navigator")).status())
                .isEqualTo(409);
        JsonNode acknowledged = api.post("/api/v1/support-requests/" + request + "/acknowledge", null,
                as.get("navigator")).json();
        assertThat(acknowledged.path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.path("secondsToAcknowledge").isNumber()).isTrue();
        assertThat(api.post("/api/v1/support-requests/" + request + "/acknowledge", null, as.get("navigator"))
                .status()).isEqualTo(409);
        assertThat(api.post("/api/v1/support-requests/" + request + "/arrived", null, as.get("navigator")).json()
                .path("status").asString()).isEqualTo("ARRIVED");
        assertThat(api.post("/api/v1/support-requests/" + request + "/ended", null, as.get("officer")).json()
                .path("status").asString()).isEqualTo("ENDED");

        JsonNode seenByOfficer = api.get("/api/v1/checks/" + id, as.get("officer")).json().path("supportRequests")
                .get(0);
        assertThat(seenByOfficer.path("agencyName").asString()).startsWith("Justice & Care");
        assertThat(seenByOfficer.path("arrivedAt").asString()).isNotBlank();
        assertThat(seenByOfficer.path("secondsToArrive").isNumber()).isTrue();
        assertThat(api.get("/api/v1/support-requests", as.get("sarc worker")).json()).isEmpty();
    }

    @Test
    void aRequestCarriesWhereToMeetAndTheOfficersNumberAndThePartnerSaysWhenTheyWillArrive() {
        String id = check(operation(), "NO");
        String path = "/api/v1/checks/" + id + "/support-requests";

        assertProblem(api.post(path, json(Map.of("agencyId", charity, "kind", "NAVIGATOR", "requesterPhone",
                "ring the desk")), as.get("officer")), 400, "requesterPhone");
        assertProblem(api.post(path, json(Map.of("agencyId", charity, "kind", "NAVIGATOR", "meetingPoint",
                "x".repeat(201))), as.get("officer")), 400, "meetingPoint");
        assertProblem(api.post(path, json(Map.of("agencyId", charity, "kind", "NAVIGATOR", "meetingPoint",
                "Gate\u000012")), as.get("officer")), 400, "meetingPoint");
        Response requested = api.post(path, json(Map.of("agencyId", charity, "kind", "NAVIGATOR", "meetingPoint",
                " Border Force desk ", "requesterPhone", "+44 7700 900123")), as.get("officer"));
        assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
        assertThat(requested.text("meetingPoint")).isEqualTo("Border Force desk");
        assertThat(requested.text("requesterPhone")).isEqualTo("+44 7700 900123");
        assertThat(requested.json().path("expectedArrival").isNull()).isTrue();
        String request = requested.text("id");

        JsonNode listed = api.get("/api/v1/support-requests", as.get("navigator")).json().get(0);
        assertThat(listed.path("id").asString()).isEqualTo(request);
        assertThat(listed.path("requesterName").asString()).isNotBlank();
        assertThat(listed.path("requesterPhone").asString()).isEqualTo("+44 7700 900123");
        assertThat(listed.path("meetingPoint").asString()).isEqualTo("Border Force desk");

        String acknowledge = "/api/v1/support-requests/" + request + "/acknowledge";
        assertProblem(api.post(acknowledge, json(Map.of("expectedArrival", Instant.now().minusSeconds(600)
                .toString())), as.get("navigator")), 400, "expectedArrival");
        assertProblem(api.post(acknowledge, json(Map.of("expectedArrival", Instant.now().plus(Duration.ofHours(13))
                .toString())), as.get("navigator")), 400, "expectedArrival");
        assertProblem(api.post(acknowledge, json(Map.of("expectedArrival", "at half past")), as.get("navigator")),
                400, "expectedArrival");
        Instant soon = Instant.now().plusSeconds(1200).truncatedTo(ChronoUnit.SECONDS);
        Response acknowledged = api.post(acknowledge, json(Map.of("expectedArrival", soon.toString())),
                as.get("navigator"));
        assertThat(acknowledged.status()).as(acknowledged.raw().body()).isEqualTo(200);
        assertThat(acknowledged.text("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(Instant.parse(acknowledged.text("expectedArrival"))).isEqualTo(soon);

        String expected = "/api/v1/support-requests/" + request + "/expected-arrival";
        Instant later = soon.plusSeconds(600);
        assertThat(api.post(expected, json(Map.of("expectedArrival", later.toString())), as.get("officer")).status())
                .as("only the agency asked says when it will arrive").isEqualTo(403);
        assertThat(Instant.parse(api.post(expected, json(Map.of("expectedArrival", later.toString())),
                as.get("navigator")).text("expectedArrival"))).isEqualTo(later);
        JsonNode seenByOfficer = api.get("/api/v1/checks/" + id, as.get("officer")).json().path("supportRequests")
                .get(0);
        assertThat(Instant.parse(seenByOfficer.path("expectedArrival").asString())).isEqualTo(later);
        assertThat(seenByOfficer.path("meetingPoint").asString()).isEqualTo("Border Force desk");

        api.post("/api/v1/support-requests/" + request + "/arrived", null, as.get("navigator"));
        assertProblem(api.post(expected, json(Map.of("expectedArrival", later.toString())), as.get("navigator")),
                409, null);
    }

    @Test
    void aPartnerDeclinesOnceWithAReasonBeforeArrivingAndTheDeclineShowsInTheResponseTimes() {
        String operation = operation();
        String id = check(operation, "NO");
        String request = api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", charity,
                "kind", "NAVIGATOR")), as.get("officer")).text("id");
        String decline = "/api/v1/support-requests/" + request + "/decline";

        assertProblem(api.post(decline, json(Map.of("reason", " ")), as.get("navigator")), 400, "reason");
        assertProblem(api.post(decline, json(Map.of()), as.get("navigator")), 400, "reason");
        assertProblem(api.post(decline, json(Map.of("reason", "z".repeat(501))), as.get("navigator")), 400, "reason");
        assertProblem(api.post(decline, json(Map.of("reason", "Nobody\u0007 free")), as.get("navigator")), 400,
                "reason");
        //                                              coord officer analyst navig charOff sarc  other admin
        assertThat(as.values().stream().filter(who -> !who.equals(as.get("navigator"))
                && !who.equals(as.get("charity officer"))).map(who -> api.post(decline, json(Map.of("reason",
                        "Not ours")), who).status()).toList()).containsExactly(403, 403, 403, 403, 404, 403);

        Response declined = api.post(decline, json(Map.of("reason", "Nobody free\nuntil 18:00")),
                as.get("navigator"));
        assertThat(declined.status()).as(declined.raw().body()).isEqualTo(200);
        assertThat(declined.text("status")).isEqualTo("DECLINED");
        assertThat(declined.text("declineReason")).isEqualTo("Nobody free until 18:00");
        assertThat(declined.text("declinedAt")).isNotBlank();
        assertProblem(api.post(decline, json(Map.of("reason", "Still nobody")), as.get("charity officer")), 409,
                null);
        assertThat(api.post("/api/v1/support-requests/" + request + "/acknowledge", null, as.get("navigator"))
                .status()).isEqualTo(409);
        assertThat(api.post("/api/v1/support-requests/" + request + "/arrived", null, as.get("officer")).status())
                .isEqualTo(409);

        JsonNode seenByOfficer = api.get("/api/v1/checks/" + id, as.get("officer")).json().path("supportRequests")
                .get(0);
        assertThat(seenByOfficer.path("status").asString()).isEqualTo("DECLINED");
        assertThat(seenByOfficer.path("declineReason").asString()).isEqualTo("Nobody free until 18:00");
        JsonNode times = api.get("/api/v1/operations/" + operation + "/response-times", as.get("analyst")).json();
        assertThat(times.path("byAgency").get(0).path("declined").asInt()).isEqualTo(1);
        assertThat(times.path("requests").get(0).path("status").asString()).isEqualTo("DECLINED");
        assertThat(times.path("requests").get(0).path("declineReason").isNull()).as("times only, for analysts")
                .isTrue();
        assertThat(times.path("requests").get(0).path("requesterName").isNull()).isTrue();

        // The agency may be asked again; one it has arrived for cannot be declined.
        String again = api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", charity,
                "kind", "NAVIGATOR")), as.get("officer")).text("id");
        api.post("/api/v1/support-requests/" + again + "/arrived", null, as.get("navigator"));
        assertProblem(api.post("/api/v1/support-requests/" + again + "/decline", json(Map.of("reason",
                "Too late")), as.get("navigator")), 409, null);
    }

    @Test
    void responseTimesArePerRequestAndPerAgencyForThoseWhoCallPartnersAndAnalysts() {
        String operation = operation();
        String first = api.post("/api/v1/checks/" + check(operation, "NO") + "/support-requests", json(Map.of(
                "agencyId", charity, "kind", "NAVIGATOR")), as.get("officer")).text("id");
        api.post("/api/v1/checks/" + check(operation, "NO") + "/support-requests", json(Map.of("agencyId", charity,
                "kind", "NAVIGATOR")), as.get("officer"));
        api.post("/api/v1/support-requests/" + first + "/acknowledge", null, as.get("navigator"));
        String path = "/api/v1/operations/" + operation + "/response-times";

        JsonNode times = api.get(path, as.get("coordinator")).json();

        assertThat(times.path("requests")).hasSize(2);
        JsonNode agency = times.path("byAgency").get(0);
        assertThat(agency.path("agencyId").asString()).isEqualTo(charity);
        assertThat(agency.path("requests").asInt()).isEqualTo(2);
        assertThat(agency.path("toAcknowledge").path("count").asInt()).isEqualTo(1);
        assertThat(agency.path("toAcknowledge").path("medianSeconds").isNumber()).isTrue();
        assertThat(agency.path("toArrive").path("count").asInt()).isZero();
        assertThat(agency.path("toArrive").path("medianSeconds").isNull()).isTrue();
        //                                           coord officer analyst navig charOff sarc  other admin
        assertThat(as.values().stream().map(who -> api.get(path, who).status()).toList())
                .containsExactly(200, 200, 200, 403, 403, 403, 404, 403);
    }

    @Test
    void supportIsAskedOnlyOfPartnerAgenciesTakingPartAndOnlyOnceAtATime() {
        String id = check(operation(), "NO");
        String notTakingPart = given.agency("Salvation Army", "CHARITY");

        assertThat(api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", charity, "kind",
                "NAVIGATOR")), as.get("officer")).status()).isEqualTo(201);
        assertProblem(api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", charity,
                "kind", "NAVIGATOR")), as.get("coordinator")), 409, "agencyId");
        assertThat(api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", charity, "kind",
                "INTERPRETER")), as.get("officer")).status()).isEqualTo(201);
        assertProblem(api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", police,
                "kind", "SARC")), as.get("officer")), 400, "agencyId");

        assertProblem(api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", notTakingPart,
                "kind", "NAVIGATOR")), as.get("officer")), 400, "agencyId");
        assertProblem(api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", charity)),
                as.get("officer")), 400, "kind");
        assertThat(api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", charity, "kind",
                "NAVIGATOR")), as.get("navigator")).status()).isEqualTo(403);
    }

    /**
     * The same support asked for eight times at once: the agency is asked once, and every other
     * copy is told what a second request told alone is. Once that support has ended, the agency
     * may be asked again.
     */
    @Test
    void theSameSupportAskedForAtOnceIsAskedOnceAndTheRestAreTheDuplicatesConflict() {
        String id = check(operation(), "NO");
        String path = "/api/v1/checks/" + id + "/support-requests";
        String navigator = json(Map.of("agencyId", charity, "kind", "NAVIGATOR"));

        List<Response> answers = api.postAtOnce(8, path, navigator, as.get("officer"));

        Response duplicate = api.post(path, navigator, as.get("officer"));
        assertProblem(duplicate, 409, "agencyId");
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).hasSize(7)
                .allSatisfy(answer -> {
                    assertThat(answer.status()).isEqualTo(409);
                    assertThat(answer.contentType()).isEqualTo(duplicate.contentType());
                    assertThat(answer.json()).isEqualTo(duplicate.json());
                });
        String asked = answers.stream().filter(answer -> answer.status() == 201).findFirst().orElseThrow()
                .text("id");
        assertThat(open(id)).containsExactly(asked);

        assertThat(api.post("/api/v1/support-requests/" + asked + "/arrived", null, as.get("navigator")).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/support-requests/" + asked + "/ended", null, as.get("navigator")).status())
                .isEqualTo(200);
        Response again = api.post(path, navigator, as.get("officer"));
        assertThat(again.status()).as(again.raw().body()).isEqualTo(201);
        assertThat(open(id)).containsExactly(again.text("id"));
    }

    /** The ids of the check's support requests not ended yet. */
    private List<String> open(String check) {
        Response read = api.get("/api/v1/checks/" + check, as.get("officer"));
        assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        read.json().path("supportRequests").forEach(request -> {
            if (!"ENDED".equals(request.path("status").asString())) {
                found.add(request.path("id").asString());
            }
        });
        return found;
    }

    // --- who sees what -------------------------------------------------------------------------

    /**
     * Every role against every endpoint of the module. Expected answers, in the order of
     * {@link #people()}: coordinator, officer, analyst, navigator (asked), charity officer (asked
     * agency, not a first responder), SARC worker (taking part, not asked), another force's
     * officer, administrator.
     */
    @Test
    void everyRoleAgainstEveryEndpoint() {
        String operation = operation();
        String id = check(operation, "NO");
        String request = api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", charity,
                "kind", "NAVIGATOR")), as.get("officer")).text("id");

        Map<String, ApiFixtures.Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put("start a check", who -> api.post("/api/v1/operations/" + operation + "/checks",
                json(Map.of("location", "Arrivals hall", "category", "WITNESS", "person", Map.of("under18", "NO"))),
                who));
        endpoints.put("list checks", who -> api.get("/api/v1/operations/" + operation + "/checks", who));
        endpoints.put("read a check", who -> api.get("/api/v1/checks/" + id, who));
        endpoints.put("change the person", who -> api.put("/api/v1/checks/" + id + "/person",
                json(Map.of("under18", "NO")), who));
        endpoints.put("change the category", who -> api.put("/api/v1/checks/" + id + "/category",
                json(Map.of("category", "WITNESS")), who));
        endpoints.put("record indicators", who -> api.post("/api/v1/checks/" + id + "/indicators",
                json(Map.of("indicators", List.of(Map.of("code", "T01", "basis", "OBSERVED")))), who));
        endpoints.put("record the account", who -> api.put("/api/v1/checks/" + id + "/account",
                json(Map.of("account", "x")), who));
        endpoints.put("record advice", who -> api.post("/api/v1/checks/" + id + "/advice",
                json(Map.of("kind", "LEAFLET")), who));
        endpoints.put("ask for support", who -> api.post("/api/v1/checks/" + check(operation, "NO")
                + "/support-requests", json(Map.of("agencyId", sarc, "kind", "SARC")), who));
        endpoints.put("list the agency's requests", who -> api.get("/api/v1/support-requests", who));
        endpoints.put("read the catalogue", who -> api.get("/api/v1/indicators", who));
        endpoints.put("add an indicator", who -> api.post("/api/v1/indicators", json(Map.of("code", "Q" + (10
                + (int) (Math.random() * 89)) + "" + (int) (Math.random() * 9), "group", "TRAVEL", "exploitationType",
                "ALL", "text", "Matrix")), who));

        //                                            coord officer analyst navig charOff sarc  other admin
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("start a check",              List.of(201, 201, 403, 403, 403, 403, 404, 403));
        expected.put("list checks",                List.of(200, 200, 403, 403, 403, 403, 404, 403));
        expected.put("read a check",               List.of(200, 200, 403, 200, 200, 403, 404, 403));
        expected.put("change the person",          List.of(200, 200, 403, 403, 403, 403, 404, 403));
        expected.put("change the category",        List.of(200, 200, 403, 403, 403, 403, 404, 403));
        expected.put("record indicators",          List.of(200, 200, 403, 403, 403, 403, 404, 403));
        expected.put("record the account",         List.of(200, 200, 403, 403, 403, 403, 404, 403));
        expected.put("record advice",              List.of(200, 200, 403, 403, 403, 403, 404, 403));
        expected.put("ask for support",            List.of(201, 201, 403, 403, 403, 403, 404, 403));
        expected.put("list the agency's requests", List.of(200, 200, 403, 200, 200, 200, 200, 403));
        expected.put("read the catalogue",         List.of(200, 200, 200, 200, 200, 200, 200, 200));
        expected.put("add an indicator",           List.of(403, 403, 403, 403, 403, 403, 403, 201));

        assertThat(ApiFixtures.statuses(endpoints, as.values())).isEqualTo(expected);

        List<Integer> acknowledging = as.values().stream()
                .map(who -> api.post("/api/v1/support-requests/" + request + "/acknowledge", null, who).status())
                .toList();
        // Only the asked agency acknowledges; once it has, a second acknowledgement is a conflict.
        // Another force is told there is no such request.
        assertThat(acknowledging).containsExactly(403, 403, 403, 200, 409, 403, 404, 403);
        assertThat(api.post("/api/v1/support-requests/" + request + "/arrived", null, as.get("other force")).status())
                .isEqualTo(404);
    }

    @Test
    void everyReadOfACheckIsLoggedRefusedOnesToo() {
        String id = check(operation(), "NO");
        api.post("/api/v1/checks/" + id + "/support-requests", json(Map.of("agencyId", charity, "kind",
                "NAVIGATOR")), as.get("officer"));

        api.get("/api/v1/checks/" + id, as.get("officer"));
        api.get("/api/v1/checks/" + id, as.get("navigator"));
        api.get("/api/v1/support-requests", as.get("navigator"));
        api.get("/api/v1/checks/" + id, as.get("analyst"));

        JsonNode log = api.get("/api/v1/audit?recordType=ENHANCED_CHECK&recordId=" + id, admin).json();
        List<String> reads = new ArrayList<>();
        for (JsonNode entry : log) {
            if (entry.path("action").asString().equals("CHECK_READ")) {
                reads.add(entry.path("detail").asString() + " " + entry.path("outcome").asString());
            }
        }
        assertThat(reads).containsExactlyInAnyOrder("FULL SUCCESS", "PARTNER_VIEW SUCCESS", "PARTNER_VIEW SUCCESS",
                "REFUSED FAILURE");
        assertThat(log.findValuesAsString("action")).contains("CHECK_STARTED");
        JsonNode disclosure = api.get("/api/v1/audit?action=SUPPORT_REQUESTED&recordType=SUPPORT_REQUEST", admin)
                .json();
        assertThat(disclosure.findValuesAsString("detail")).anyMatch(d -> d.contains(charity) && d.contains(id));
    }

    @Test
    void aClosedOperationTakesNoNewChecks() {
        String operation = operation();
        api.post("/api/v1/operations/" + operation + "/status", json(Map.of("status", "CLOSED")),
                as.get("coordinator"));

        assertThat(api.post("/api/v1/operations/" + operation + "/checks", json(Map.of("location", "Arrivals hall",
                "category", "WITNESS", "person", Map.of("under18", "NO"))), as.get("officer")).status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/checks/" + UUID.randomUUID(), as.get("officer")).status()).isEqualTo(404);
    }

    // --- helpers -------------------------------------------------------------------------------

    private String operation() {
        return given.operation().focusedOn("BG", "MD", "TR").withPartners(charity, sarc)
                .plannedBy(as.get("coordinator"));
    }

    private String flight(String operation) {
        return given.flight(operation, "FR1234", "ARRIVAL", "SOF", "2026-09-16T07:35", as.get("coordinator"));
    }

    private String check(String operation, String under18) {
        return given.check(operation, under18, as.get("officer"));
    }

    private Response outcome(String id, List<String> outcomes) {
        return api.post("/api/v1/checks/" + id + "/outcome", json(Map.of("outcomes", outcomes)), as.get("officer"));
    }
}
