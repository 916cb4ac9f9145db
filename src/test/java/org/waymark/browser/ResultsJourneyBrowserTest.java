package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiClient.Response;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The results on a phone: the coordinator opens the operation's dashboard, sees its figures as
 * charts and tables, watches a tally from the gate arrive without reloading, writes and approves
 * the press summary and downloads the report; the analyst sees the same figures without the
 * records behind them. Every page is checked with axe for serious and critical WCAG 2.2 AA
 * violations, and none scrolls sideways.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:resultsjourney;DB_CLOSE_DELAY=-1",
        "waymark.results.refresh-seconds=2",
        "waymark.admin.email=" + ResultsJourneyBrowserTest.ADMIN_EMAIL,
        "waymark.admin.password=" + ResultsJourneyBrowserTest.ADMIN_PASSWORD })
class ResultsJourneyBrowserTest extends BrowserJourney {

    static final String ADMIN_EMAIL = "admin@results.waymark.test";
    static final String ADMIN_PASSWORD = "correct horse battery staple 45";

    private static final String COORDINATOR_EMAIL = "cara.coordinator@essex.waymark.test";
    private static final String ANALYST_EMAIL = "ari.analyst@essex.waymark.test";
    private static final String PASSWORD = "a long enough passphrase";

    private ApiClient api;
    private String coordinator;
    private String operation;
    private String flight;

    @Test
    void theCoordinatorFollowsTheFiguresAndApprovesTheReport() throws Exception {
        setUp();
        tally(40, "bg");

        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setIsMobile(true).setHasTouch(true).setAcceptDownloads(true))) {
            Page page = open(phone);
            signIn(page, COORDINATOR_EMAIL, PASSWORD);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Week of action")).click();
            page.locator("#results-link").click();
            assertThat(heading(page)).hasText("Results");
            assertThat(page.locator("#passengers-engaged")).hasText("40");
            assertThat(page.locator("#flights-monitored")).hasText("1: 1 arrivals, 0 departures");
            assertThat(page.locator("#table-by-country tbody tr").first()).containsText("Bulgaria");
            assertThat(page.locator("#table-by-language tbody tr").first()).hasText("Bulgarian 40");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            // A tally from the gate shows up without reloading.
            tally(7, "ro");
            assertThat(page.locator("#passengers-engaged")).hasText("47",
                    new LocatorAssertions.HasTextOptions().setTimeout(15_000));
            assertThat(page.locator("#table-by-language")).containsText("Romanian 7");

            // The press summary: drafted, refused when empty, then approved; the report downloads.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("End-of-operation report")).click();
            assertThat(heading(page)).hasText("End-of-operation report");
            Locator text = page.getByLabel("Press summary", new Page.GetByLabelOptions().setExact(true));
            assertThat(text).containsText("spoke to 47 passengers");
            assertThat(page.locator("#exports-waiting")).isVisible();
            checkAccessibility(page);

            text.fill("");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
            assertThat(page.locator(".govuk-error-summary")).containsText("Enter the press summary");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            text.fill("During the week of action officers spoke to 47 passengers arriving from Bulgaria.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
            assertThat(page.locator(".govuk-notification-banner")).containsText("Press summary approved");
            assertThat(page.locator("strong.govuk-tag")).hasText("Approved");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            Download pdf = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Report (PDF)")).click());
            byte[] bytes = Files.readAllBytes(pdf.path());
            assertTrue(new String(bytes, 0, 5).startsWith("%PDF"), "a PDF");
        }

        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = open(phone);
            signIn(page, ANALYST_EMAIL, PASSWORD);
            page.navigate(url("/operations/" + operation + "/results"));
            assertThat(heading(page)).hasText("Results");
            assertThat(page.locator("main")).containsText("You see the operation’s figures");
            assertThat(page.locator("#passengers-engaged")).hasText("47");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the checks")))
                    .hasCount(0);
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Yields across operations")).click();
            assertThat(heading(page)).hasText("Where checks came from");
            Locator bulgaria = page.locator("#yields-by-country tbody tr").first();
            assertThat(bulgaria.locator("th")).hasText("Bulgaria");
            assertThat(bulgaria.locator("td").nth(1)).hasText("47");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
        }
    }

    /** Essex Police's operation today, with one monitored arrival from Sofia, set up through the API. */
    private void setUp() {
        api = new ApiClient(port);
        String admin = bearer(api.token(ADMIN_EMAIL, ADMIN_PASSWORD));
        String police = created(api.post("/api/v1/agencies", json(Map.of("name", "Essex Police", "type", "POLICE")),
                admin)).path("id").asString();
        created(api.post("/api/v1/users", json(Map.of("name", "Cara Coordinator", "email", COORDINATOR_EMAIL,
                "agencyId", police, "roles", List.of("OFFICER", "COORDINATOR"), "password", PASSWORD)), admin));
        created(api.post("/api/v1/users", json(Map.of("name", "Ari Analyst", "email", ANALYST_EMAIL, "agencyId",
                police, "roles", List.of("ANALYST"), "password", PASSWORD)), admin));
        coordinator = bearer(api.token(COORDINATOR_EMAIL, PASSWORD));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        operation = created(api.post("/api/v1/operations", json(Map.of("name", "Week of action", "port", "STN",
                "startDate", today.minusDays(1).toString(), "endDate", today.plusDays(1).toString(),
                "focusCountries", List.of("BG"))), coordinator)).path("id").asString();
        flight = created(api.post("/api/v1/operations/" + operation + "/flights", json(Map.of("flightNumber",
                "FR1234", "direction", "ARRIVAL", "airport", "SOF", "scheduled", today + "T07:35")), coordinator))
                .path("id").asString();
        assertEquals(200, api.post("/api/v1/operations/" + operation + "/flights/" + flight + "/monitor", null,
                coordinator).status());
    }

    private void tally(int passengers, String language) {
        Response response = api.sendWith("POST", "/api/v1/operations/" + operation + "/engagements",
                "application/json", json(Map.of("flightId", flight, "passengers", passengers, "languages",
                        List.of(language))), coordinator, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, response.status(), response.raw().body());
    }

    private static tools.jackson.databind.JsonNode created(Response response) {
        assertEquals(201, response.status(), response.raw().body());
        return response.json();
    }
}
