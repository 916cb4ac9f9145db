package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;
import org.waymark.support.WebBrowser;

import tools.jackson.databind.JsonNode;

/**
 * Text with a control character (NUL, which PostgreSQL cannot store, or another one that no
 * person types) is refused with a clear 400 wherever it comes in, in a JSON body, a form or a
 * query parameter, and nothing of it is stored. Tab and line breaks stay welcome. Runs on H2
 * and on PostgreSQL.
 */
@TestPropertySource(properties = { "waymark.reports.limit=1000" })
class ControlCharactersTest extends ApiTests {

    static final List<String> CONTROL_CHARACTERS = List.of("\u0000", "\u0007", "\u001b");
    /** The embeddings, overrides and isolates of direction, and their ends. */
    static final List<String> DIRECTION_OVERRIDES = List.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
            "\u2066", "\u2067", "\u2068", "\u2069");

    String coordinatorEmail;
    String coordinator;

    @BeforeAll
    void people() {
        String police = given.agency("Essex Police", "POLICE");
        coordinatorEmail = given.userWithEmail("Cara Coordinator", "coordinator-" + UUID.randomUUID()
                + "@waymark.test", police, "COORDINATOR");
        coordinator = bearer(api.token(coordinatorEmail, PASSWORD));
    }

    @Test
    void thePressSummaryWithAControlCharacterIsRefusedAndNotSaved() {
        String report = "/api/v1/operations/" + operation() + "/report";
        for (String control : CONTROL_CHARACTERS) {
            Response refused = api.put(report + "/press-summary", json(Map.of("text", "A good week" + control)),
                    coordinator);

            assertRefused(refused, "text");
            assertThat(api.get(report, coordinator).json().path("saved").asBoolean()).isFalse();
        }
        Response saved = api.put(report + "/press-summary", json(Map.of("text", "A good week.\r\n\tOn to the next")),
                coordinator);
        assertThat(saved.status()).as("tab and line breaks are text").isEqualTo(200);
    }

    /**
     * A character that overrides the direction of text would make it read otherwise than it was
     * written ("abc", U+202E, "dcba" shows as "abcabcd"): refused as a control character is, in the API
     * and in a form, which comes back without it. Right-to-left text and its marks are text.
     */
    @Test
    void aDirectionOverrideIsRefusedAndRightToLeftTextIsKept() {
        String report = "/api/v1/operations/" + operation() + "/report";
        for (String override : DIRECTION_OVERRIDES) {
            assertRefused(api.put(report + "/press-summary", json(Map.of("text", "Spoke to 12" + override
                    + "0 passengers")), coordinator), "text");
            assertThat(api.get(report, coordinator).json().path("saved").asBoolean()).isFalse();
        }
        String rightToLeft = "Leaflets in Arabic (\u0646\u0634\u0631\u0629) and Hebrew (\u05E2\u05DC\u05D5\u05DF)\u200F, "
                + "marked\u200E left to right again";
        assertThat(api.put(report + "/press-summary", json(Map.of("text", rightToLeft)), coordinator).status())
                .isEqualTo(200);
        assertThat(api.get(report, coordinator).json().path("text").asString()).isEqualTo(rightToLeft);

        int reportsBefore = api.get("/api/v1/reports", coordinator).json().size();
        WebBrowser publicBrowser = new WebBrowser(port, WebBrowser.CHROME_ON_ANDROID);
        WebBrowser.Response refused = publicBrowser.post("/report", Map.of("what", "Flight FR\u202E4321\u202C to "
                + "Sofia", "where", "Gate\u2066 12\u2069", "website", ""));
        assertThat(refused.status()).as(refused.page().text()).isEqualTo(200);
        assertThat(refused.page().select("#what-error").text()).contains("invisible characters");
        assertThat(refused.page().select("textarea[name=what]").first().wholeText().strip())
                .isEqualTo("Flight FR4321 to Sofia");
        assertThat(refused.page().select("input[name=where]").val()).isEqualTo("Gate 12");
        assertThat(api.get("/api/v1/reports", coordinator).json().size()).as("nothing saved").isEqualTo(reportsBefore);
    }

    @Test
    void aDateAnEnumOrHalfACharacterWithAControlCharacterIsRefusedNotTrimmed() {
        int before = api.get("/api/v1/operations", coordinator).json().size();
        String operation = "{\"name\":\"Week of action\",\"port\":\"STN\",\"startDate\":\"2026-09-16%s\","
                + "\"endDate\":\"2026-09-19\",\"focusCountries\":[\"BG\"],\"focusExploitationTypes\":[\"LABOUR%s\"]}";

        assertRefused(api.post("/api/v1/operations", operation.formatted("\\u0007", ""), coordinator), "startDate");
        assertRefused(api.post("/api/v1/operations", operation.formatted("", "\\u0007"), coordinator),
                "focusExploitationTypes[0]");
        assertThat(api.get("/api/v1/operations", coordinator).json().size()).isEqualTo(before);

        String report = "/api/v1/operations/" + operation() + "/report";
        Response broken = api.put(report + "/press-summary", "{\"text\":\"A good week\\ud800\"}", coordinator);
        assertThat(broken.status()).as(broken.raw().body()).isEqualTo(400);
        assertThat(broken.text("detail")).contains("half of a character");
        assertThat(broken.json().path("errors").findValuesAsString("field")).containsExactly("text");
        assertThat(api.get(report, coordinator).json().path("saved").asBoolean()).isFalse();
        Response paired = api.put(report + "/press-summary", "{\"text\":\"A good week \\ud83d\\ude00\"}",
                coordinator);
        assertThat(paired.status()).as("a whole pair is one character").isEqualTo(200);
        assertThat(api.get(report, coordinator).json().path("text").asString()).isEqualTo("A good week \uD83D\uDE00");
    }

    @Test
    void aNoteWithAControlCharacterIsRefusedAndNotAdded() {
        String id = report();
        for (String control : CONTROL_CHARACTERS) {
            Response refused = api.post("/api/v1/reports/" + id + "/notes", json(Map.of("text", "Called" + control)),
                    coordinator);

            assertRefused(refused, "text");
        }
        assertThat(api.get("/api/v1/reports/" + id, coordinator).json().path("notes")).isEmpty();
        assertThat(api.post("/api/v1/reports/" + id + "/notes", json(Map.of("text", "Called\nno answer")),
                coordinator).status()).isEqualTo(200);
    }

    @Test
    void theAuditLogIsNotSearchedForAControlCharacterNorIsTheSearchLogged() {
        for (String parameter : List.of("action", "recordType", "recordId")) {
            for (String control : CONTROL_CHARACTERS) {
                int readsBefore = auditReads();
                Response refused = api.get("/api/v1/audit?" + parameter + "=" + encode("USER" + control), admin);

                assertRefused(refused, parameter);
                assertThat(auditReads()).as("only the count's own read is logged").isEqualTo(readsBefore + 1);
            }
        }
    }

    @Test
    void theFormsAndPagesSayWhatIsWrongAndSaveNothing() {
        String operation = operation();
        String id = report();
        WebBrowser coordinatorBrowser = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS);
        coordinatorBrowser.signIn(coordinatorEmail, PASSWORD);
        WebBrowser adminBrowser = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS);
        adminBrowser.signIn(ADMIN, PASSWORD);
        for (String control : CONTROL_CHARACTERS) {
            String reportPage = "/operations/" + operation + "/results/report";
            assertComesBack(coordinatorBrowser.post(reportPage, Map.of("text", "A good week" + control, "action",
                    "approve", "_csrf", csrf(coordinatorBrowser, reportPage))), "A good week");
            assertComesBack(coordinatorBrowser.post("/reports/" + id + "/notes", Map.of("text", "Called" + control,
                    "_csrf", csrf(coordinatorBrowser, "/reports/" + id))), "Called");
            for (String parameter : List.of("action", "recordType", "recordId")) {
                assertRefused(adminBrowser.get("/admin/audit?" + parameter + "=" + encode("USER" + control)));
            }
        }
        assertThat(api.get("/api/v1/operations/" + operation + "/report", coordinator).json().path("saved")
                .asBoolean()).isFalse();
        String tooLong = "Called the reporter. ".repeat(100);
        WebBrowser.Response longNote = coordinatorBrowser.post("/reports/" + id + "/notes", Map.of("text", tooLong,
                "_csrf", csrf(coordinatorBrowser, "/reports/" + id)));
        assertThat(longNote.page().select("#text-error").text()).contains("A note must be 2,000 characters or fewer");
        assertThat(longNote.page().select("textarea[name=text]").first().wholeText()).isEqualTo(tooLong);
        assertThat(api.get("/api/v1/reports/" + id, coordinator).json().path("notes")).isEmpty();
    }

    @Test
    void aFormComesBackWithTheTextTypedTheInvisibleCharactersTakenOutAndNothingSaved() {
        int reportsBefore = api.get("/api/v1/reports", coordinator).json().size();
        WebBrowser publicBrowser = new WebBrowser(port, WebBrowser.CHROME_ON_ANDROID);
        for (String control : List.of("\u000b", "\u0000", "\u001b")) {
            WebBrowser.Response refused = publicBrowser.post("/report", Map.of("what", "A man took the passports"
                    + control + "of two young women", "where", "Gate 12", "website", ""));

            assertThat(refused.status()).as(refused.page().text()).isEqualTo(200);
            assertThat(refused.page().select(".govuk-error-summary").text()).contains("invisible characters");
            assertThat(refused.page().select("#what-error").text()).contains("invisible characters");
            String shown = control.equals("\u000b") ? "A man took the passports\nof two young women"
                    : "A man took the passports" + "of two young women";
            assertThat(refused.page().select("textarea[name=what]").first().wholeText().strip()).isEqualTo(shown);
            assertThat(refused.page().select("input[name=where]").val()).isEqualTo("Gate 12");
        }
        assertThat(api.get("/api/v1/reports", coordinator).json().size()).as("nothing saved").isEqualTo(reportsBefore);
        WebBrowser.Response sent = publicBrowser.post("/report", Map.of("what", "A man took the passports\nof two "
                + "young women", "where", "Gate 12", "website", ""));
        assertThat(sent.page().text()).contains("reference");
        assertThat(api.get("/api/v1/reports", coordinator).json().size()).isEqualTo(reportsBefore + 1);

        WebBrowser coordinatorBrowser = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS);
        coordinatorBrowser.signIn(coordinatorEmail, PASSWORD);
        int operationsBefore = api.get("/api/v1/operations", coordinator).json().size();
        WebBrowser.Response operation = coordinatorBrowser.post("/operations", Map.of("name", "Week\u0000 of action",
                "port", "STN", "_csrf", csrf(coordinatorBrowser, "/operations/new")));
        assertThat(operation.status()).isEqualTo(200);
        assertThat(operation.page().select("#name-error").text()).contains("invisible characters");
        assertThat(operation.page().select("input[name=name]").val()).isEqualTo("Week of action");
        assertThat(api.get("/api/v1/operations", coordinator).json().size()).isEqualTo(operationsBefore);

        // A choice is looked at as sent too: Spring would trim "POLICE<ESC>" into POLICE and save it.
        WebBrowser adminBrowser = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS);
        adminBrowser.signIn(ADMIN, PASSWORD);
        int agenciesBefore = api.get("/api/v1/agencies", admin).json().size();
        WebBrowser.Response agency = adminBrowser.post("/admin/agencies", Map.of("name", "Kent Police", "type",
                "POLICE\u001b", "firstResponder", "true", "_csrf", csrf(adminBrowser, "/admin/agencies/new")));
        assertThat(agency.status()).as(agency.page().text()).isEqualTo(200);
        assertThat(agency.page().select("#type-error").text()).contains("invisible characters");
        assertThat(agency.page().select("#type option[selected]").val()).isEqualTo("POLICE");
        assertThat(agency.page().select("input[name=name]").val()).isEqualTo("Kent Police");
        assertThat(api.get("/api/v1/agencies", admin).json().size()).as("nothing saved").isEqualTo(agenciesBefore);
    }

    @Test
    void aSignInWithAControlCharacterIsRefusedBeforeAnyAccountIsLookedFor() {
        WebBrowser browser = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS);
        String csrf = browser.get("/sign-in").page().select("form[action=/sign-in] input[name=_csrf]").val();
        for (String control : CONTROL_CHARACTERS) {
            assertRefused(browser.post("/sign-in", Map.of("email", coordinatorEmail + control, "password", PASSWORD,
                    "_csrf", csrf)));
        }
        browser.signIn(coordinatorEmail, PASSWORD);
    }

    @Test
    void aScheduleRowWithAControlCharacterIsRefusedByLineAndATextFieldOfAnUploadIsRefused() throws Exception {
        String operation = operation();
        String csv = "flight_number,airline,direction,airport,scheduled\nFR1234,Ryan\u0000air,ARRIVAL,SOF,"
                + "2026-09-17T09:00\nW64321,Wizz\u001bAir,ARRIVAL,SOF,2026-09-17T10:00\n";
        Response imported = api.sendBytes("/api/v1/operations/" + operation + "/flights/import", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), coordinator);
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        assertThat(imported.json().path("accepted").asInt()).isZero();
        assertThat(imported.json().path("rejected").findValues("line").stream().map(JsonNode::asInt))
                .containsExactly(2, 3);

        WebBrowser browser = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS);
        browser.signIn(coordinatorEmail, PASSWORD);
        String page = "/operations/" + operation + "/flights/import";
        HttpResponse<String> uploaded = upload(browser, page, csv, null);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        String progress = URI.create(uploaded.headers().firstValue("Location").orElseThrow()).getPath();
        WebBrowser.Response finished = browser.get(progress);
        for (int wait = 0; wait < 100 && finished.page().getElementById("rejected") == null; wait++) {
            Thread.sleep(100);
            finished = browser.get(progress);
        }
        assertThat(finished.page().getElementById("rejected").text()).isEqualTo("2");
        assertThat(finished.page().getElementById("accepted").text()).isEqualTo("0");
        assertThat(api.get("/api/v1/operations/" + operation + "/flights", coordinator).json()).isEmpty();

        HttpResponse<String> refused = upload(browser, page, csv, "A note\u0000");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("control character");
    }

    /** The schedule upload form sent as a browser sends it, with an extra text field when given. */
    private HttpResponse<String> upload(WebBrowser browser, String page, String csv, String note) throws Exception {
        String boundary = "----walk" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                .append(csrf(browser, page)).append("\r\n");
        if (note != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n")
                    .append(note).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"schedule.csv\"\r\nContent-Type: text/csv\r\n\r\n").append(csv).append("\r\n--")
                .append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "WAYMARK_SESSION=" + browser.sessionCookie()).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("detail")).contains("control character");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly(field);
    }

    /** A page's text box comes back with the error beside it and what was typed, the invisible characters out. */
    private static void assertComesBack(WebBrowser.Response response, String shown) {
        assertThat(response.status()).as(response.page().text()).isEqualTo(200);
        assertThat(response.page().select(".govuk-error-summary a").attr("href")).isEqualTo("#text");
        assertThat(response.page().select("#text-error").text()).contains("invisible characters");
        assertThat(response.page().select("textarea[name=text]").first().wholeText().strip()).isEqualTo(shown);
    }

    private static void assertRefused(WebBrowser.Response response) {
        assertThat(response.status()).as(response.page().text()).isEqualTo(400);
        assertThat(response.page().select("h1").text()).isEqualTo("There is a problem with the request");
        assertThat(response.page().select("main").text()).contains("control character");
    }

    private static String csrf(WebBrowser browser, String page) {
        WebBrowser.Response response = browser.get(page);
        assertThat(response.status()).isEqualTo(200);
        return response.page().select("form[method=post] input[name=_csrf]").first().val();
    }

    private int auditReads() {
        JsonNode reads = api.get("/api/v1/audit?action=AUDIT_READ&size=500", admin).json();
        return reads.size();
    }

    private String operation() {
        return given.operation().plannedBy(coordinator);
    }

    private String report() {
        Response created = api.post("/api/v1/public/reports", json(Map.of("what", "A man took the passports of two "
                + "young women at gate 12")), null);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String reference = created.text("reference");
        return api.get("/api/v1/reports", coordinator).json().findParents("reference").stream()
                .filter(found -> found.path("reference").asString().equals(reference)).findFirst().orElseThrow()
                .path("id").asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
