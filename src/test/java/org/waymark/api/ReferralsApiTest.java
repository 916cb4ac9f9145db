package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.json;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.waymark.referral.WorkingDays;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiFixtures;
import org.waymark.support.ApiTests;
import org.waymark.support.TestClock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Referrals through the JSON API, over real HTTP: the path each consent answer leads to, the
 * anonymous Duty to Notify, the child's referral, the package read back from its PDF, who may
 * submit, the decisions and the due dates, and the logged reads. Runs on H2 and on PostgreSQL
 *; days pass on a clock the test moves.
 */
@Import(TestClock.InUse.class)
class ReferralsApiTest extends ApiTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String NAME = "Elena Petrova";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestClock clock;

    String charity;

    @BeforeAll
    void people() {
        ApiFixtures.Forces forces = forcesWith("coordinator", "officer", "analyst", "navigator", "charity officer",
                "sarc worker", "other force");
        charity = forces.charity();
        operation = operation(List.of(charity, forces.sarc()));
    }

    String operation;

    // --- the path --------------------------------------------------------------------------------

    @Test
    void anAdultWhoConsentsIsReferredWithThePackageFilledFromTheCheck() {
        String check = checkOf(NAME, "NO");

        Response started = api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent",
                consent(true))), as.get("officer"));

        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        assertThat(started.json().path("kind").asString()).isEqualTo("NRM");
        assertThat(started.json().path("childReferral").asBoolean()).isFalse();
        assertThat(started.json().path("status").asString()).isEqualTo("DRAFT");
        JsonNode referral = api.get("/api/v1/referrals/" + started.text("id"), as.get("officer")).json();
        JsonNode content = referral.path("package");
        assertThat(content.path("subject").path("name").asString()).isEqualTo(NAME);
        assertThat(content.path("subject").path("nationality").asString()).isEqualTo("BG");
        assertThat(content.path("subject").path("gender").asString()).isEqualTo("FEMALE");
        assertThat(content.path("indicators").asString()).contains("T01", "observed", "Man in row 30");
        assertThat(content.path("account").path("background").asString()).isEqualTo("Offered work in a bar");
        assertThat(content.path("exploitation").findValuesAsString("type")).containsExactly("SEXUAL");
        assertThat(content.path("referrer").path("organisation").asString()).startsWith("Essex Police");
        assertThat(content.path("dutyToNotify").isNull()).isTrue();
        assertThat(referral.path("consent").path("explainedBy").asString()).isEqualTo("PC Olu Officer");
        assertThat(referral.path("rgDueDate").isNull()).isTrue();
        assertThat(referral.path("missing").findValuesAsString("field")).containsExactly("subject.phone");
    }

    @Test
    void anAdultWhoDoesNotConsentIsAnAnonymousDutyToNotifyWithNoNameInItsJsonOrItsPdf() throws IOException {
        String check = checkOf(NAME, "NO");
        assertThat(api.put("/api/v1/checks/" + check + "/person", json(Map.of("name", NAME, "under18", "NO",
                "gender", "FEMALE", "nationality", "BG", "dateOfBirth", "1990-05-01", "finalDestination",
                "14 Acacia Avenue, Luton")), as.get("officer")).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/checks/" + check + "/account", json(Map.of("suspectedTypes", List.of("SEXUAL"),
                "account", "Elena Petrova was offered work in a bar")), as.get("officer")).status()).isEqualTo(200);

        Response started = api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent",
                consent(false))), as.get("officer"));

        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        assertThat(started.json().path("kind").asString()).isEqualTo("DUTY_TO_NOTIFY");
        assertThat(started.json().path("namedWithConsent").asBoolean()).isFalse();
        String id = started.text("id");
        Response read = api.get("/api/v1/referrals/" + id, as.get("officer"));
        assertThat(read.raw().body()).doesNotContain("Elena", "Petrova", "1990", "Acacia");
        assertThat(read.json().path("package").path("account").path("background").asString())
                .isEqualTo("[name withheld] was offered work in a bar");
        assertThat(read.json().path("package").path("dutyToNotify").path("nationality").asString()).isEqualTo("BG");
        assertThat(read.json().path("package").path("dutyToNotify").path("gender").asString()).isEqualTo("FEMALE");
        assertThat(read.json().path("missing").findValuesAsString("field"))
                .containsExactly("dutyToNotify.reasonNoConsent");
        String text = pdfText(id);
        assertThat(text).contains("Duty to Notify package", "Duty to Notify, anonymous", "Bulgaria (BG)")
                .doesNotContain("Elena", "Petrova", "The person’s details", "1990", "Acacia");
        assertThat(api.get("/api/v1/referrals/" + id + "/sections", as.get("officer")).raw().body())
                .doesNotContain("Elena", "Petrova", "1990", "Acacia");

        JsonNode content = read.json().path("package");
        Map<String, Object> withName = packageWith(content, "subject", Map.of("name", NAME));
        assertProblem(api.put("/api/v1/referrals/" + id + "/package", json(withName), as.get("officer")), 400,
                "subject.name");
        assertProblem(api.put("/api/v1/referrals/" + id + "/package", json(packageWith(content, "age",
                Map.of("dateOfBirth", "1990-05-01"))), as.get("officer")), 400, "age.dateOfBirth");
        assertProblem(api.put("/api/v1/referrals/" + id + "/package", json(packageWith(content, "age",
                Map.of("under18", "NOT_SURE"))), as.get("officer")), 400, "age.under18");
        assertThat(api.get("/api/v1/referrals/" + id, as.get("officer")).raw().body()).doesNotContain("Petrova");
        assertProblem(api.post("/api/v1/referrals/" + id + "/withdrawal", null, as.get("officer")), 409, null);
    }

    @Test
    void anAdultWhoAgreesToBeNamedIsNamedInTheDutyToNotify() {
        String check = checkOf(NAME, "NO");
        Response started = api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent",
                consent(false), "namedWithConsent", true)), as.get("officer"));

        assertThat(started.json().path("namedWithConsent").asBoolean()).isTrue();
        JsonNode content = api.get("/api/v1/referrals/" + started.text("id"), as.get("officer")).json()
                .path("package");
        assertThat(content.path("subject").path("name").asString()).isEqualTo(NAME);
        assertThat(content.path("dutyToNotify").path("nationality").asString()).isEqualTo("BG");
    }

    @Test
    void aChildIsReferredWithoutConsentAndTheLocalAuthorityMustBeNamed() {
        String check = checkOf("Ana", "NOT_SURE");

        Response withoutAuthority = api.post("/api/v1/checks/" + check + "/referral", json(Map.of()),
                as.get("officer"));
        assertProblem(withoutAuthority, 422, "localAuthority");
        assertThat(withoutAuthority.json().path("detail").asString()).contains("local authority");

        Response started = api.post("/api/v1/checks/" + check + "/referral", json(Map.of("localAuthority",
                Map.of("name", "Essex County Council", "contact", "Children’s duty team, 0345 603 7627"))),
                as.get("officer"));
        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        assertThat(started.json().path("kind").asString()).isEqualTo("NRM");
        assertThat(started.json().path("childReferral").asBoolean()).isTrue();
        JsonNode referral = api.get("/api/v1/referrals/" + started.text("id"), as.get("officer")).json();
        assertThat(referral.path("consent").isNull()).isTrue();
        assertThat(referral.path("package").path("localAuthority").path("name").asString())
                .isEqualTo("Essex County Council");
        assertThat(referral.path("package").path("age").path("under18").asString()).isEqualTo("NOT_SURE");
    }

    @Test
    void anAdultWithoutAConsentAnswerIsToldWhatIsMissing() {
        String check = checkOf(NAME, "NO");

        assertProblem(api.post("/api/v1/checks/" + check + "/referral", json(Map.of()), as.get("officer")), 422,
                "consent");
        Map<String, Object> noAnswer = new HashMap<>(consent(true));
        noAnswer.remove("given");
        assertProblem(api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent", noAnswer)),
                as.get("officer")), 422, "consent.given");
        assertProblem(api.post("/api/v1/checks/" + check + "/referral", "{\"consent\": 7}", as.get("officer")), 400,
                "consent");
        assertThat(api.get("/api/v1/checks/" + check + "/referrals", as.get("officer")).json()).isEmpty();
    }

    // --- submission and decisions ---------------------------------------------------------------

    @Test
    void onlyAFirstResponderSubmitsAndTheDecisionIsDueFiveWorkingDaysLater() {
        String id = readyReferral();
        Instant submitted = clock.instant().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String submission = json(Map.of("homeOfficeReference", "NRM-2026-004711", "submittedAt",
                submitted.toString()));

        assertThat(api.post("/api/v1/referrals/" + id + "/submission", submission, as.get("navigator")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/referrals/" + id + "/submission", submission, as.get("charity officer"))
                .status()).isEqualTo(403);
        Response done = api.post("/api/v1/referrals/" + id + "/submission", submission, as.get("officer"));

        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        LocalDate due = WorkingDays.addWorkingDays(submitted.atZone(LONDON).toLocalDate(), 5);
        JsonNode referral = api.get("/api/v1/referrals/" + id, as.get("coordinator")).json();
        assertThat(referral.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(referral.path("homeOfficeReference").asString()).isEqualTo("NRM-2026-004711");
        assertThat(Instant.parse(referral.path("submittedAt").asString())).isEqualTo(submitted);
        assertThat(referral.path("rgDueDate").asString()).isEqualTo(due.toString());
        assertThat(referral.path("overdue").asBoolean()).isFalse();
        assertProblem(api.post("/api/v1/referrals/" + id + "/submission", submission, as.get("officer")), 409, null);
        assertProblem(api.put("/api/v1/referrals/" + id + "/package", json(Map.of()), as.get("officer")), 409, null);

        LocalDate today = clock.instant().atZone(LONDON).toLocalDate();
        Response decided = api.post("/api/v1/referrals/" + id + "/decisions", json(Map.of("type", "RG", "result",
                "POSITIVE", "date", today.toString())), as.get("officer"));
        assertThat(decided.status()).as(decided.raw().body()).isEqualTo(200);
        assertThat(decided.json().path("status").asString()).isEqualTo("RG_POSITIVE");
        assertThat(decided.json().path("recoveryPeriodEnds").asString()).isEqualTo(today.plusDays(30).toString());
        assertThat(decided.json().path("decisions").findValuesAsString("result")).containsExactly("POSITIVE");
    }

    @Test
    void anIncompletePackageIsNotSubmittedAndEachMissingAnswerIsNamed() {
        String id = nrmReferral(checkOf(NAME, "NO"));

        Response refused = api.post("/api/v1/referrals/" + id + "/submission", json(Map.of("homeOfficeReference",
                "NRM-1", "submittedAt", clock.instant().toString())), as.get("officer"));

        assertProblem(refused, 422, "subject.phone");
        assertThat(refused.json().path("errors").findValuesAsString("message"))
                .contains("Enter a phone, email or address where the person can be contacted");
        assertThat(api.get("/api/v1/referrals/" + id, as.get("officer")).json().path("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void theCoordinatorsListShowsWhatIsDueAndWhatIsOverdue() {
        String late = readyReferral();
        String waiting = readyReferral();
        String draft = nrmReferral(checkOf(NAME, "NO"));
        submit(late, clock.instant());
        clock.advance(Duration.ofDays(12));
        submit(waiting, clock.instant().minus(1, ChronoUnit.MINUTES));

        List<String> overdue = ids(api.get("/api/v1/referrals?overdue=true", as.get("coordinator")));
        List<String> due = ids(api.get("/api/v1/referrals?due=true", as.get("coordinator")));
        List<String> drafts = ids(api.get("/api/v1/referrals?status=DRAFT", as.get("coordinator")));

        assertThat(overdue).contains(late).doesNotContain(waiting, draft);
        assertThat(due).contains(late, waiting).doesNotContain(draft);
        assertThat(due.indexOf(late)).isLessThan(due.indexOf(waiting));
        assertThat(drafts).contains(draft).doesNotContain(late, waiting);
        JsonNode row = api.get("/api/v1/referrals?overdue=true", as.get("coordinator")).json().get(0);
        assertThat(row.path("overdue").asBoolean()).isTrue();
        assertThat(row.path("operationName").asString()).isEqualTo("Week of action");
        assertThat(api.get("/api/v1/referrals", as.get("officer")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/referrals?status=LOST", as.get("coordinator")).status()).isEqualTo(400);
    }

    @Test
    void withdrawnConsentStopsTheSubmissionAndADutyToNotifyCanFollow() {
        String check = checkOf(NAME, "NO");
        String id = nrmReferral(check);
        assertThat(api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent", consent(false))),
                as.get("officer")).status()).isEqualTo(409);

        Response withdrawn = api.post("/api/v1/referrals/" + id + "/withdrawal", json(Map.of()), as.get("officer"));

        assertThat(withdrawn.status()).as(withdrawn.raw().body()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().path("consentWithdrawnAt").isNull()).isFalse();
        assertProblem(api.post("/api/v1/referrals/" + id + "/submission", json(Map.of("homeOfficeReference", "NRM-1",
                "submittedAt", clock.instant().toString())), as.get("officer")), 409, null);
        Response notify = api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent", consent(false))),
                as.get("officer"));
        assertThat(notify.status()).isEqualTo(201);
        assertThat(notify.json().path("kind").asString()).isEqualTo("DUTY_TO_NOTIFY");
    }

    @Test
    void anAdultWhoDeclinesOnACheckClosedAsAnNrmReferralIsNotifiedAndTheOutcomeCorrected() {
        String check = checkOf(NAME, "NO");
        assertThat(api.post("/api/v1/checks/" + check + "/outcome", json(Map.of("outcomes", List.of("NRM_REFERRAL",
                "SAFEGUARDING_ADVICE"))), as.get("officer")).status()).isEqualTo(200);

        Response notify = api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent", consent(false))),
                as.get("coordinator"));

        assertThat(notify.status()).as(notify.raw().body()).isEqualTo(201);
        assertThat(notify.json().path("kind").asString()).isEqualTo("DUTY_TO_NOTIFY");
        JsonNode corrected = api.get("/api/v1/checks/" + check, as.get("officer")).json();
        assertThat(JSON.convertValue(corrected.path("outcomes"), List.class))
                .containsExactlyInAnyOrder("DUTY_TO_NOTIFY", "SAFEGUARDING_ADVICE");
        assertThat(corrected.path("outcomeCorrection").path("why").asString()).isEqualTo("NRM_CONSENT_DECLINED");
        assertThat(corrected.path("outcomeCorrection").path("by").path("name").asString())
                .isEqualTo("coordinator");

        String reported = checkOf(NAME, "NO");
        assertThat(api.post("/api/v1/checks/" + reported + "/outcome", json(Map.of("outcomes",
                List.of("DUTY_TO_NOTIFY"))), as.get("officer")).status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/checks/" + reported + "/referral", json(Map.of("consent", consent(true))),
                as.get("officer")), 422, "consent.given");
        assertThat(api.get("/api/v1/checks/" + reported, as.get("officer")).json().path("outcomeCorrection").isNull())
                .isTrue();
    }

    @Test
    void aDraftOnTheWrongPathIsSetAsideAndTheRightReferralStarted() {
        String check = checkOf(NAME, "NO");
        String notify = api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent", consent(false))),
                as.get("officer")).text("id");
        assertThat(api.put("/api/v1/checks/" + check + "/person", json(Map.of("name", NAME, "under18", "NOT_SURE")),
                as.get("officer")).status()).isEqualTo(200);
        Map<String, Object> child = Map.of("localAuthority", Map.of("name", "Essex County Council", "contact",
                "Duty team"));
        assertThat(api.post("/api/v1/checks/" + check + "/referral", json(child), as.get("officer")).status())
                .isEqualTo(409);

        Response discarded = api.post("/api/v1/referrals/" + notify + "/discard", null, as.get("officer"));

        assertThat(discarded.status()).as(discarded.raw().body()).isEqualTo(200);
        assertThat(discarded.json().path("status").asString()).isEqualTo("DISCARDED");
        assertProblem(api.put("/api/v1/referrals/" + notify + "/package", json(Map.of()), as.get("officer")), 409,
                null);
        Response started = api.post("/api/v1/checks/" + check + "/referral", json(child), as.get("officer"));
        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        assertThat(started.json().path("childReferral").asBoolean()).isTrue();
        String submitted = readyReferral();
        submit(submitted, clock.instant());
        assertProblem(api.post("/api/v1/referrals/" + submitted + "/discard", null, as.get("officer")), 409, null);
        assertThat(api.post("/api/v1/referrals/" + started.text("id") + "/discard", null, as.get("navigator"))
                .status()).isEqualTo(403);
    }

    /**
     * A start sent eight times at once, as a double click or a hasty retry would: the check has
     * one referral in force, and every other copy is told what a second start told alone is.
     * Once that referral is withdrawn or set aside, the check may have another, once again.
     */
    @Test
    void startsSentAtOnceLeaveOneReferralInForceAndTheRestAreTheDuplicatesConflict() {
        String check = checkOf(NAME, "NO");
        String path = "/api/v1/checks/" + check + "/referral";
        String nrm = json(Map.of("consent", consent(true)));

        List<Response> answers = api.postAtOnce(8, path, nrm, as.get("officer"));

        Response duplicate = api.post(path, nrm, as.get("officer"));
        assertProblem(duplicate, 409, null);
        assertThat(duplicate.text("detail")).isEqualTo("This check already has a referral in progress or submitted");
        String started = onlyOneStarted(answers, duplicate);
        assertThat(inForce(check)).containsExactly(started);

        assertThat(api.post("/api/v1/referrals/" + started + "/withdrawal", json(Map.of()), as.get("officer"))
                .status()).isEqualTo(200);
        String notify = onlyOneStarted(api.postAtOnce(8, path, json(Map.of("consent", consent(false))),
                as.get("officer")), duplicate);
        assertThat(inForce(check)).containsExactly(notify);

        assertThat(api.post("/api/v1/referrals/" + notify + "/discard", null, as.get("officer")).status())
                .isEqualTo(200);
        String again = onlyOneStarted(api.postAtOnce(8, path, json(Map.of("consent", consent(false))),
                as.get("officer")), duplicate);
        assertThat(inForce(check)).containsExactly(again);
        assertThat(ids(api.get("/api/v1/checks/" + check + "/referrals", as.get("officer"))))
                .containsExactly(started, notify, again);
    }

    /** The one referral among answers sent at once; every other answer is the duplicate's. */
    private static String onlyOneStarted(List<Response> answers, Response duplicate) {
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201)
                .hasSize(answers.size() - 1).allSatisfy(answer -> {
                    assertThat(answer.status()).isEqualTo(duplicate.status());
                    assertThat(answer.contentType()).isEqualTo(duplicate.contentType());
                    assertThat(answer.json()).isEqualTo(duplicate.json());
                });
        return answers.stream().filter(answer -> answer.status() == 201).findFirst().orElseThrow().text("id");
    }

    /** The ids of the check's referrals in force: neither withdrawn nor set aside. */
    private List<String> inForce(String check) {
        Response referrals = api.get("/api/v1/checks/" + check + "/referrals", as.get("officer"));
        assertThat(referrals.status()).as(referrals.raw().body()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        referrals.json().forEach(referral -> {
            if (!List.of("WITHDRAWN", "DISCARDED").contains(referral.path("status").asString())) {
                found.add(referral.path("id").asString());
            }
        });
        return found;
    }

    @Test
    void aDecisionOutOfOrderOrOnADutyToNotifyIsRefused() {
        String id = readyReferral();
        LocalDate today = clock.instant().atZone(LONDON).toLocalDate();
        assertProblem(api.post("/api/v1/referrals/" + id + "/decisions", json(Map.of("type", "RG", "result",
                "POSITIVE", "date", today.toString())), as.get("officer")), 409, "type");
        submit(id, clock.instant().minus(1, ChronoUnit.MINUTES));

        assertProblem(api.post("/api/v1/referrals/" + id + "/decisions", json(Map.of("type", "CG", "result",
                "POSITIVE", "date", today.toString())), as.get("officer")), 409, "type");
        assertProblem(api.post("/api/v1/referrals/" + id + "/decisions", json(Map.of("type", "RG", "result",
                "POSITIVE", "date", today.plusDays(3).toString())), as.get("officer")), 400, "date");
        assertProblem(api.post("/api/v1/referrals/" + id + "/decisions", json(Map.of("type", "XG", "result",
                "POSITIVE", "date", today.toString())), as.get("officer")), 400, "type");
        assertProblem(api.post("/api/v1/referrals/" + id + "/decisions", json(Map.of("type", "RG", "result",
                "NEGATIVE", "date", today.toString())), as.get("navigator")), 403, null);
    }

    // --- output and audit -----------------------------------------------------------------------

    @Test
    void thePdfReadsBackInTheFormsOrderWithNamesAsWritten() throws IOException {
        String id = readyReferral("Елена Петрова");

        String text = pdfText(id);

        List<String> headings = List.of("Referrer and organisation", "Age", "The person’s account",
                "Indicators identified", "Places", "Exploitation types", "Other victims", "Risk", "Crime reference",
                "Cooperation with the police", "The person’s details");
        List<Integer> positions = headings.stream().map(text::indexOf).toList();
        assertThat(positions).doesNotContain(-1).isSorted();
        assertThat(text).contains("NRM referral package", "Елена Петрова", "Companion holds their passport",
                "Offered work in a bar", "Sexual", "Brothel", "07700 900123");
        JsonNode sections = api.get("/api/v1/referrals/" + id + "/sections", as.get("officer")).json();
        assertThat(sections.findValuesAsString("heading")).containsSubsequence(headings);
        assertThat(sections.get(0).path("text").asString()).startsWith("This referral\nKind: NRM referral");
        for (JsonNode section : sections) {
            boolean assessment = List.of("exploitation", "otherVictims", "risk").contains(section.path("id").asString());
            assertThat(section.path("nature").asString()).as(section.path("id").asString())
                    .isEqualTo(assessment ? "OPINION" : "FACT");
            assertThat(section.path("whose").isNull()).isEqualTo(!assessment);
        }
        JsonNode log = api.get("/api/v1/audit?recordType=REFERRAL&recordId=" + id, admin).json();
        assertThat(log.findValuesAsString("action")).contains("REFERRAL_STARTED", "REFERRAL_CHANGED",
                "REFERRAL_PDF_DOWNLOADED");
    }

    @Test
    void everyReadIsLoggedAndAPartnerSeesOnlyTheirOwnAdditions() {
        String check = checkOf(NAME, "NO");
        navigatorAskedFor(check);
        String id = nrmReferral(check);

        Response added = api.post("/api/v1/referrals/" + id + "/account-additions", json(Map.of("text",
                "She told me later that her passport was taken in Sofia")), as.get("navigator"));
        Response partnerView = api.get("/api/v1/referrals/" + id, as.get("navigator"));
        api.get("/api/v1/referrals/" + id, as.get("officer"));
        Response refused = api.get("/api/v1/referrals/" + id, as.get("analyst"));

        assertThat(added.status()).as(added.raw().body()).isEqualTo(200);
        assertThat(partnerView.json().path("view").asString()).isEqualTo("PARTNER_VIEW");
        assertThat(partnerView.raw().body()).contains("passport was taken in Sofia")
                .doesNotContain("Petrova", "Man in row 30", "Offered work in a bar", "\"package\"");
        assertThat(refused.status()).isEqualTo(403);
        submitReady(id);
        JsonNode partnersList = api.get("/api/v1/checks/" + check + "/referrals", as.get("navigator")).json();
        assertThat(partnersList.findValuesAsString("status")).containsExactly("SUBMITTED");
        assertThat(partnersList.get(0).path("homeOfficeReference").isNull()).isTrue();
        assertThat(api.get("/api/v1/checks/" + check + "/referrals", as.get("officer")).json().get(0)
                .path("homeOfficeReference").asString()).startsWith("NRM-");
        JsonNode whole = api.get("/api/v1/referrals/" + id, as.get("officer")).json();
        assertThat(whole.path("accountAdditions").findValuesAsString("text"))
                .containsExactly("She told me later that her passport was taken in Sofia");
        List<String> reads = new ArrayList<>();
        for (JsonNode entry : api.get("/api/v1/audit?recordType=REFERRAL&recordId=" + id, admin).json()) {
            if (entry.path("action").asString().equals("REFERRAL_READ")) {
                reads.add(entry.path("detail").asString() + " " + entry.path("outcome").asString());
            }
        }
        assertThat(reads).containsExactlyInAnyOrder("PARTNER_VIEW SUCCESS", "FULL SUCCESS", "FULL SUCCESS",
                "FULL SUCCESS", "REFUSED FAILURE");
    }

    /**
     * Every role against every endpoint. Columns, in the order of {@link #people()}:
     * coordinator, officer, analyst, navigator (asked), charity officer (asked, not a first
     * responder), SARC worker (taking part, not asked), another force's officer, administrator.
     */
    @Test
    void everyRoleAgainstEveryEndpoint() {
        String check = checkOf(NAME, "NO");
        navigatorAskedFor(check);
        String id = nrmReferral(check);

        Map<String, ApiFixtures.Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put("start", who -> api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent",
                consent(true))), who));
        endpoints.put("the check's referrals", who -> api.get("/api/v1/checks/" + check + "/referrals", who));
        endpoints.put("read", who -> api.get("/api/v1/referrals/" + id, who));
        endpoints.put("edit the package", who -> api.put("/api/v1/referrals/" + id + "/package", json(Map.of(
                "indicators", "T01")), who));
        endpoints.put("add to the account", who -> api.post("/api/v1/referrals/" + id + "/account-additions",
                json(Map.of("text", "More")), who));
        endpoints.put("sections", who -> api.get("/api/v1/referrals/" + id + "/sections", who));
        endpoints.put("list", who -> api.get("/api/v1/referrals", who));

        //                                      coord officer analyst navig charOff sarc  other admin
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("start",                List.of(409, 409, 403, 403, 403, 403, 404, 403));
        expected.put("the check's referrals", List.of(200, 200, 403, 200, 200, 403, 404, 403));
        expected.put("read",                 List.of(200, 200, 403, 200, 200, 403, 404, 403));
        expected.put("edit the package",     List.of(200, 200, 403, 403, 403, 403, 404, 403));
        expected.put("add to the account",   List.of(200, 200, 403, 200, 200, 403, 404, 403));
        expected.put("sections",             List.of(200, 200, 403, 403, 403, 403, 404, 403));
        expected.put("list",                 List.of(200, 403, 403, 403, 403, 403, 403, 403));

        assertThat(ApiFixtures.statuses(endpoints, as.values())).isEqualTo(expected);
        assertThat(api.get("/api/v1/referrals/" + UUID.randomUUID(), as.get("officer")).status()).isEqualTo(404);
    }

    // --- helpers -------------------------------------------------------------------------------

    @Test
    void anotherForceIsToldThereIsNoSuchReferralAsForAnUnknownIdAndTheAttemptIsLogged() {
        String id = readyReferral();
        Response unknown = api.get("/api/v1/referrals/" + UUID.randomUUID(), as.get("other force"));

        Response hidden = api.get("/api/v1/referrals/" + id, as.get("other force"));
        Response added = api.post("/api/v1/referrals/" + id + "/account-additions", json(Map.of("text",
                "Anything")), as.get("other force"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.raw().body()).isEqualTo(unknown.raw().body().replace(unknown.text("instance"),
                hidden.text("instance")));
        assertThat(added.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/referrals/" + id, as.get("officer")).json().path("accountAdditions")).isEmpty();
        assertThat(api.get("/api/v1/referrals/" + id, as.get("analyst")).status()).isEqualTo(403);
        List<String> reads = new ArrayList<>();
        for (JsonNode entry : api.get("/api/v1/audit?recordType=REFERRAL&recordId=" + id, admin).json()) {
            if (entry.path("action").asString().equals("REFERRAL_READ")
                    && entry.path("outcome").asString().equals("FAILURE")) {
                reads.add(entry.path("detail").asString());
            }
        }
        assertThat(reads).containsExactly("REFUSED", "REFUSED");
    }

    private String readyReferral() {
        return readyReferral(NAME);
    }

    /** The officer's NRM referral of the consenting adult checked, as the consent step leaves it: a draft. */
    private String nrmReferral(String check) {
        return api.post("/api/v1/checks/" + check + "/referral", json(Map.of("consent", consent(true))),
                as.get("officer")).text("id");
    }

    /** A referral of a consenting adult whose package the form would take. */
    private String readyReferral(String name) {
        String id = nrmReferral(checkOf(name, "NO"));
        JsonNode content = api.get("/api/v1/referrals/" + id, as.get("officer")).json().path("package");
        Map<String, Object> complete = packageWith(content, "subject", Map.of("phone", "07700 900123"));
        complete.put("exploitation", List.of(Map.of("type", "SEXUAL", "subtypes", List.of("BROTHEL"))));
        Response edited = api.put("/api/v1/referrals/" + id + "/package", json(complete), as.get("officer"));
        assertThat(edited.status()).as(edited.raw().body()).isEqualTo(200);
        assertThat(edited.json().path("status").asString()).as(edited.raw().body()).isEqualTo("READY");
        return id;
    }

    /** Completes the package of a consenting adult's referral, then submits it. */
    private void submitReady(String id) {
        JsonNode content = api.get("/api/v1/referrals/" + id, as.get("officer")).json().path("package");
        assertThat(api.put("/api/v1/referrals/" + id + "/package", json(packageWith(content, "subject",
                Map.of("phone", "07700 900123"))), as.get("officer")).json().path("status").asString())
                .isEqualTo("READY");
        submit(id, clock.instant().minus(1, ChronoUnit.MINUTES));
    }

    private void submit(String id, Instant at) {
        Response done = api.post("/api/v1/referrals/" + id + "/submission", json(Map.of("homeOfficeReference",
                "NRM-" + id.substring(0, 8), "submittedAt", at.truncatedTo(ChronoUnit.SECONDS).toString())),
                as.get("officer"));
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
    }

    /** The package as JSON, with some fields of one section changed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> packageWith(JsonNode content, String section, Map<String, Object> fields) {
        Map<String, Object> whole = new LinkedHashMap<String, Object>(JSON.convertValue(content, Map.class));
        Map<String, Object> changed = new LinkedHashMap<>(whole.get(section) instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of());
        changed.putAll(fields);
        whole.put(section, changed);
        return whole;
    }

    private Map<String, Object> consent(boolean given) {
        return Map.of("given", given, "explainedBy", "PC Olu Officer", "language", "bg", "interpreterUsed", true,
                "at", clock.instant().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private String pdfText(String id) throws IOException {
        HttpResponse<byte[]> pdf = api.download("/api/v1/referrals/" + id + "/package.pdf", as.get("officer"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.json().findValuesAsString("id");
    }

    /** A check of the operation on which the officer recorded a person, an indicator and an account. */
    private String checkOf(String name, String under18) {
        Response response = api.post("/api/v1/operations/" + operation + "/checks", json(Map.of("location",
                "Arrivals hall", "category", "POTENTIAL_VICTIM", "person", Map.of("name", name, "under18", under18,
                        "gender", "FEMALE", "nationality", "BG", "languages", List.of("bg")))),
                as.get("officer"));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        String id = response.text("id");
        assertThat(api.post("/api/v1/checks/" + id + "/indicators", json(Map.of("indicators", List.of(Map.of("code",
                "T01", "basis", "OBSERVED", "note", "Man in row 30 kept her boarding pass")))), as.get("officer"))
                .status()).isEqualTo(200);
        assertThat(api.put("/api/v1/checks/" + id + "/account", json(Map.of("suspectedTypes", List.of("SEXUAL"),
                "account", "Offered work in a bar", "opinion", "Frightened of the man")), as.get("officer"))
                .status()).isEqualTo(200);
        return id;
    }

    /** A navigator of the charity asked for to the check by the officer. */
    private void navigatorAskedFor(String check) {
        Response asked = api.post("/api/v1/checks/" + check + "/support-requests", json(Map.of("agencyId", charity,
                "kind", "NAVIGATOR")), as.get("officer"));
        assertThat(asked.status()).as(asked.raw().body()).isEqualTo(201);
    }

    private String operation(List<String> partners) {
        return given.operation().focusedOn("BG", "MD", "TR").withPartners(partners).plannedBy(as.get("coordinator"));
    }
}
