package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.waymark.support.ApiFixtures;

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
@TestPropertySource(properties = "waymark.results.refresh-seconds=2")
class ResultsJourneyBrowserTest extends BrowserJourney {

    private static final String COORDINATOR_EMAIL = "cara.coordinator@essex.waymark.test";
    private static final String ANALYST_EMAIL = "ari.analyst@essex.waymark.test";

    private ApiFixtures given;
    private String coordinator;
    private String operation;
    private String flight;

    @Test
    void theCoordinatorFollowsTheFiguresAndApprovesTheReport() throws Exception {
        setUp();
        tally(40, "bg");

        try (BrowserContext phone = browser.newContext(phoneScreen().setAcceptDownloads(true))) {
            Page page = open(phone);
            signIn(page, COORDINATOR_EMAIL, PASSWORD, "/shift");

            // The operation is under way: the coordinator starts at its shift, a link from its details.
            page.locator("#operation-details").click();
            page.locator("#results-link").click();
            assertThat(heading(page)).hasText("Results");
            assertThat(page.locator("#passengers-engaged")).hasText("40");
            assertThat(page.locator("#flights-monitored")).hasText("1: 1 arrival, 0 departures");
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

        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            signIn(page, ANALYST_EMAIL, PASSWORD, "/results");
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
        given = given();
        String police = given.agencyNamed("Essex Police", "POLICE");
        given.userWithEmail("Cara Coordinator", COORDINATOR_EMAIL, police, "OFFICER", "COORDINATOR");
        given.userWithEmail("Ari Analyst", ANALYST_EMAIL, police, "ANALYST");
        coordinator = given.tokenOf(COORDINATOR_EMAIL);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        operation = given.operation().between(today.minusDays(1), today.plusDays(1)).plannedBy(coordinator);
        // An hour ago, so that it counts as monitored: a flight whose time is still to come does not yet.
        LocalDateTime anHourAgo = LocalDateTime.now(ZoneId.of("Europe/London")).minusHours(1)
                .truncatedTo(ChronoUnit.MINUTES);
        flight = given.flight(operation, "FR1234", "ARRIVAL", "SOF", anHourAgo.toString(), coordinator);
        given.monitor(operation, flight, coordinator);
    }

    private void tally(int passengers, String language) {
        given.tally(operation, Map.of("flightId", flight, "passengers", passengers, "languages", List.of(language)),
                coordinator);
    }
}
