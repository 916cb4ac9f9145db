package org.waymark.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.waymark.shared.Disposal;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;
import org.waymark.support.TestClock;
import org.waymark.tips.NewReport;
import org.waymark.tips.Tips;

import tools.jackson.databind.JsonNode;

/**
 * Retention with a clock the test moves on, the default periods and the run asked for by hand:
 * a check without referral past its 90 days is masked (the marker in place of the person, the
 * disposal in the audit log and the register), then deleted 30 days later, and the operation's
 * summary reads the same throughout; a referral package and its check are kept for 6 years; a
 * held record waits for its hold to be lifted. Runs on H2 and on PostgreSQL. The clock only
 * moves forward, so the tests run in order, each with records of its own.
 */
@TestPropertySource(properties = { "waymark.scheduling.enabled=false" })
@Import(TestClock.InUse.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionTest extends ApiTests {

    @Autowired
    TestClock clock;
    @Autowired
    Tips tips;
    @Autowired
    JdbcClient jdbc;

    String charity;
    final Map<String, String> emails = new HashMap<>();

    @BeforeAll
    void people() {
        String police = given.agency("Essex Police", "POLICE");
        charity = given.agency("Justice & Care", "CHARITY");
        user("coordinator", police, "COORDINATOR");
        user("officer", police, "OFFICER");
    }

    @Test
    @Order(1)
    void aCheckWithoutReferralIsMaskedThenDeletedAndTheSummaryReadsTheSame() {
        String operation = operation();
        tally(operation, 12);
        String check = check(operation);
        close(check, "SAFEGUARDING_ADVICE");
        String referred = check(operation);
        referral(referred);
        close(referred, "NRM_REFERRAL");
        JsonNode summary = summary(operation);
        assertThat(summary.path("enhancedChecks").asLong()).isEqualTo(2);
        assertThat(summary.path("nrmReferrals").asLong()).isEqualTo(1);

        assertThat(run().path("masked").isEmpty()).as("nothing is due yet").isTrue();
        clock.advance(Duration.ofDays(89));
        run();
        assertThat(read(check).path("disposedAt").isNull()).as("89 days after closing").isTrue();

        clock.advance(Duration.ofDays(2));
        JsonNode ran = run();
        assertThat(ran.path("masked").path("CHECK_WITHOUT_REFERRAL").asLong()).isEqualTo(1);

        JsonNode masked = read(check);
        assertThat(masked.path("disposedAt").isNull()).isFalse();
        assertThat(masked.path("person").path("name").asString()).isEqualTo(Disposal.MARKER);
        assertThat(masked.path("person").path("nationality").isNull()).isTrue();
        assertThat(masked.path("account").asString()).isEqualTo(Disposal.MARKER);
        assertThat(masked.path("outcomes").toString()).contains("SAFEGUARDING_ADVICE");
        assertThat(api.put("/api/v1/checks/" + check + "/account", json(Map.of("account", "More")), as("officer"))
                .status()).as("a masked check no longer changes").isEqualTo(409);
        assertThat(actions(check)).contains("RECORD_MASKED");
        assertThat(read(referred).path("person").path("name").asString()).as("kept with its referral")
                .isEqualTo("Elena");
        assertThat(summary(operation)).isEqualTo(summary);
        assertThat(run().path("masked").isEmpty()).as("a second run finds nothing more").isTrue();

        clock.advance(Duration.ofDays(29));
        run();
        assertThat(api.get("/api/v1/checks/" + check, as("officer")).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        assertThat(run().path("deleted").path("CHECK_WITHOUT_REFERRAL").asLong()).isEqualTo(1);

        assertThat(api.get("/api/v1/checks/" + check, as("officer")).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM check_indicator WHERE check_id = ?").param(UUID.fromString(check))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT name FROM enhanced_check WHERE id = ?").param(UUID.fromString(check))
                .query(String.class).optional()).isEmpty();
        assertThat(actions(check)).contains("RECORD_MASKED", "RECORD_DELETED");
        assertThat(register(check)).containsExactly("DELETED", "MASKED");
        assertThat(summary(operation)).isEqualTo(summary);
        assertThat(read(referred).path("person").path("name").asString()).isEqualTo("Elena");
    }

    @Test
    @Order(2)
    void aHeldRecordWaitsUntilTheHoldIsLifted() {
        String operation = operation();
        String check = check(operation);
        close(check, "SAFEGUARDING_ADVICE");
        String admin = admin();
        Response refused = api.post("/api/v1/retention/holds", json(Map.of("recordType", "ENHANCED_CHECK",
                "record", UUID.randomUUID().toString(), "reason", "A complaint")), admin);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asString()).contains("no such record");
        assertThat(api.post("/api/v1/retention/holds", json(Map.of("recordType", "SOMETHING", "record", check,
                "reason", "A complaint")), admin).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/retention/holds", json(Map.of("recordType", "ENHANCED_CHECK", "record",
                check, "reason", "A complaint")), as("coordinator")).status()).isEqualTo(403);
        Response held = api.post("/api/v1/retention/holds", json(Map.of("recordType", "ENHANCED_CHECK", "record",
                check, "reason", "Complaint 2027/14 under investigation")), admin);
        assertThat(held.status()).as(held.raw().body()).isEqualTo(201);

        clock.advance(Duration.ofDays(91));
        run();
        assertThat(read(check).path("disposedAt").isNull()).as("held").isTrue();
        JsonNode overview = api.get("/api/v1/retention", admin()).json();
        assertThat(overview.path("holds").toString()).contains(check);

        Response lifted = api.post("/api/v1/retention/holds/" + held.text("id") + "/lift", null, admin());
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(lifted.json().path("liftedAt").isNull()).isFalse();
        assertThat(api.post("/api/v1/retention/holds/" + held.text("id") + "/lift", null, admin()).status())
                .isEqualTo(409);
        run();
        assertThat(read(check).path("person").path("name").asString()).isEqualTo(Disposal.MARKER);
        assertThat(actions(check)).contains("RETENTION_HOLD_PLACED", "RETENTION_HOLD_LIFTED", "RECORD_MASKED");
    }

    @Test
    @Order(3)
    void aReferralPackageIsKeptForSixYearsThenMaskedAndDeletedWithItsCheck() {
        String operation = operation();
        tally(operation, 40);
        String check = check(operation);
        String referral = referral(check);
        close(check, "NRM_REFERRAL");
        String report = report();
        JsonNode summary = summary(operation);

        clock.advance(Duration.ofDays(400));
        run();
        assertThat(read(check).path("disposedAt").isNull()).isTrue();
        assertThat(api.get("/api/v1/referrals/" + referral, as("officer")).json().path("disposedAt").isNull())
                .isTrue();
        assertThat(jdbc.sql("SELECT what FROM public_report WHERE id = ?").param(UUID.fromString(report))
                .query(String.class).single()).as("a report not linked: a year").isEqualTo(Disposal.MARKER);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engagement WHERE operation_id = ?")
                .param(UUID.fromString(operation)).query(Long.class).single()).as("tallies: a year").isZero();
        assertThat(summary(operation)).isEqualTo(summary);

        clock.advance(Duration.ofDays(6 * 366 - 400));
        JsonNode ran = run();
        assertThat(ran.path("masked").path("REFERRAL_PACKAGE").asLong()).as("with the first test's").isEqualTo(4);
        assertThat(register(referral)).containsExactly("MASKED");
        assertThat(register(check)).containsExactly("MASKED");
        assertThat(ran.path("deleted").path("AUDIT_LOG").asLong()).isPositive();
        JsonNode masked = api.get("/api/v1/referrals/" + referral, as("officer")).json();
        assertThat(masked.path("disposedAt").isNull()).isFalse();
        assertThat(masked.path("homeOfficeReference").asString()).isEqualTo(Disposal.MARKER);
        assertThat(masked.path("package").toString()).doesNotContain("Elena", "07700 900123");
        assertThat(read(check).path("person").path("name").asString()).isEqualTo(Disposal.MARKER);
        assertThat(summary(operation)).isEqualTo(summary);

        clock.advance(Duration.ofDays(31));
        run();
        assertThat(api.get("/api/v1/referrals/" + referral, as("officer")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/checks/" + check, as("officer")).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM public_report WHERE id = ?").param(UUID.fromString(report))
                .query(Long.class).single()).isZero();
        assertThat(register(referral)).containsExactly("DELETED", "MASKED");
        assertThat(register(check)).containsExactly("DELETED", "MASKED");
        assertThat(summary(operation)).isEqualTo(summary);
        assertThat(summary.path("nrmReferrals").asLong()).isEqualTo(1);
        assertThat(summary.path("passengersEngaged").asLong()).isEqualTo(40);
        assertThat(api.get("/api/v1/audit?action=RECORDS_DELETED&recordType=AUDIT_ENTRY", admin()).json()
                .toString()).contains("retention period ended");
    }

    @Test
    @Order(4)
    void onlyAdministratorsSeeRetentionAndBadInputIsAProblemNotAnError() {
        assertThat(api.get("/api/v1/retention", as("coordinator")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/retention/runs", null, as("coordinator")).status()).isEqualTo(403);
        JsonNode overview = api.get("/api/v1/retention", admin()).json();
        assertThat(overview.path("policy").path("checkWithoutReferral").asString()).isEqualTo("P90D");
        assertThat(overview.path("classes").size()).isEqualTo(6);
        Response notAnId = api.post("/api/v1/retention/holds/not-an-id/lift", null, admin());
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/retention/holds/" + UUID.randomUUID() + "/lift", null, admin()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/retention/holds", "{", admin()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/retention/holds", json(Map.of("recordType", "PUBLIC_REPORT", "record",
                "WM-0000-0000", "reason", " ")), admin()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/retention/disposals?size=0", admin()).status()).isEqualTo(400);
    }

    private JsonNode run() {
        Response response = api.post("/api/v1/retention/runs", null, admin());
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode summary(String operation) {
        Response response = api.get("/api/v1/operations/" + operation + "/summary", as("coordinator"));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode read(String check) {
        Response response = api.get("/api/v1/checks/" + check, as("officer"));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.json();
    }

    private List<String> actions(String record) {
        return api.get("/api/v1/audit?recordId=" + record, admin()).json().valueStream()
                .map(entry -> entry.path("action").asString()).toList();
    }

    /** The register's disposals of the record, newest first. */
    private List<String> register(String record) {
        return api.get("/api/v1/retention/disposals?size=500", admin()).json().valueStream()
                .filter(entry -> record.equals(entry.path("recordId").asString()))
                .map(entry -> entry.path("action").asString()).toList();
    }

    /** A fresh token, as tokens expire while the clock moves on. */
    private String as(String who) {
        return given.tokenOf(emails.get(who));
    }

    private String admin() {
        return bearer(api.token(ADMIN, PASSWORD));
    }

    private void user(String name, String agency, String role) {
        emails.put(name, given.userWithEmail(name, name + "-" + UUID.randomUUID() + "@waymark.test", agency, role));
    }

    private String operation() {
        return given.operation().withPartners(charity).plannedBy(as("coordinator"));
    }

    private void tally(String operation, int passengers) {
        given.tally(operation, Map.of("location", "Arrivals hall", "passengers", passengers, "leaflets", 1,
                "languages", List.of("bg")), as("officer"));
    }

    private String check(String operation) {
        String officer = as("officer");
        String id = given.check(operation, Map.of("location", "Arrivals hall", "category", "POTENTIAL_VICTIM",
                "person", Map.of("name", "Elena", "under18", "NO", "gender", "FEMALE", "nationality", "BG",
                        "languages", List.of("bg"))), officer);
        api.post("/api/v1/checks/" + id + "/indicators", json(Map.of("indicators", List.of(Map.of("code", "T01",
                "basis", "OBSERVED", "note", "Her companion held both passports")))), officer);
        assertThat(api.put("/api/v1/checks/" + id + "/account", json(Map.of("suspectedTypes", List.of("SEXUAL"),
                "account", "Offered work in a bar")), officer).status()).isEqualTo(200);
        return id;
    }

    private void close(String check, String outcome) {
        Response response = api.post("/api/v1/checks/" + check + "/outcome", json(Map.of("outcomes",
                List.of(outcome))), as("officer"));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    }

    /** A consenting adult's NRM referral, completed and submitted; its id. */
    private String referral(String check) {
        return given.submittedReferral(check, clock.instant(), as("officer"));
    }

    private String report() {
        tips.receive(new NewReport("A man took the passports of two young women at gate 12", "Stansted, gate 12",
                null, null, "07700 900456"), "10.9.9.9");
        return jdbc.sql("SELECT id FROM public_report ORDER BY received_at DESC FETCH FIRST 1 ROWS ONLY")
                .query(String.class).single();
    }
}
