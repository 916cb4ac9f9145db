package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiClient.Response;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A member of the public reports what they saw, on a phone and without an account, and gets a
 * reference; an officer finds the report in the queue, takes it on, sees the reporter's contact
 * details and links it to the operation. Every page is checked with axe.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:reportjourney;DB_CLOSE_DELAY=-1",
        "waymark.admin.email=" + ReportJourneyBrowserTest.ADMIN_EMAIL,
        "waymark.admin.password=" + ReportJourneyBrowserTest.ADMIN_PASSWORD })
class ReportJourneyBrowserTest extends BrowserJourney {

    static final String ADMIN_EMAIL = "admin@reports.waymark.test";
    static final String ADMIN_PASSWORD = "correct horse battery staple 45";
    private static final String OFFICER_EMAIL = "olly.officer@essex.waymark.test";
    private static final String PASSWORD = "a long enough passphrase";
    private static final String OPERATION = "Week of action: Stansted reports";

    @Test
    void thePublicReportsAndAnOfficerLinksTheReportToTheOperation() {
        plan(new ApiClient(port));

        try (BrowserContext publicPhone = phone(); BrowserContext officerPhone = phone()) {
            Page reporter = open(publicPhone);
            reporter.navigate(url("/report"));
            assertThat(heading(reporter)).hasText("Report information about trafficking");
            assertThat(reporter.locator(".govuk-warning-text")).containsText("In an emergency, call 999.");
            assertNoSidewaysScrolling(reporter);
            checkAccessibility(reporter);
            reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the report")).click();
            assertThat(reporter.locator(".govuk-error-summary")).containsText("Tell us what happened");
            checkAccessibility(reporter);
            reporter.getByLabel("What happened?").fill("A man took the passports of two young women at gate 12");
            reporter.getByLabel("Where? (optional)").fill("Stansted, gate 12");
            reporter.getByLabel("How can we contact you? (optional)").fill("07700 900123");
            reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the report")).click();
            assertThat(heading(reporter)).hasText("Report sent");
            String reference = reporter.locator("#reference").innerText();
            assertTrue(reference.matches("WM-[A-Z2-9]{4}-[A-Z2-9]{4}"), reference);
            assertTrue(publicPhone.cookies().isEmpty(), "reporting set a cookie: " + publicPhone.cookies());
            checkAccessibility(reporter);

            Page officer = open(officerPhone);
            signIn(officer, OFFICER_EMAIL, PASSWORD);
            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports").setExact(true)).click();
            assertThat(heading(officer)).hasText("Reports from the public");
            assertThat(officer.locator("main")).not().containsText("07700 900123");
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);
            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
            assertThat(heading(officer)).hasText("Report " + reference);
            assertThat(officer.locator("#contact")).containsText("shown only to the officer assigned");
            checkAccessibility(officer);

            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign to me")).click();
            assertThat(officer.locator(".govuk-notification-banner")).containsText("The report is assigned");
            assertThat(officer.locator("#contact")).containsText("07700 900123");
            officer.getByLabel("Link to an operation").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel(OPERATION));
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link")).click();
            assertThat(officer.locator(".govuk-notification-banner")).containsText("linked to the operation");
            assertThat(officer.locator("#report")).containsText(OPERATION);
            assertThat(officer.locator("#report")).containsText("In review");
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);
        }
    }

    private BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true)
                .setHasTouch(true));
    }

    /** Essex Police, its officer (who also coordinates), and the operation, through the API. */
    private void plan(ApiClient api) {
        String admin = bearer(api.token(ADMIN_EMAIL, ADMIN_PASSWORD));
        Response police = api.post("/api/v1/agencies", json(Map.of("name", "Essex Police", "type", "POLICE")), admin);
        assertEquals(201, police.status(), police.raw().body());
        Response user = api.post("/api/v1/users", json(Map.of("name", "Olly Officer", "email", OFFICER_EMAIL,
                "agencyId", police.text("id"), "roles", List.of("OFFICER"), "password", PASSWORD)), admin);
        assertEquals(201, user.status(), user.raw().body());
        Response coordinator = api.post("/api/v1/users", json(Map.of("name", "Cara Coordinator", "email",
                "cara@essex.waymark.test", "agencyId", police.text("id"), "roles", List.of("COORDINATOR"),
                "password", PASSWORD)), admin);
        assertEquals(201, coordinator.status(), coordinator.raw().body());
        Response operation = api.post("/api/v1/operations", json(Map.of("name", OPERATION, "port", "STN",
                "startDate", "2026-12-01", "endDate", "2026-12-07", "focusCountries", List.of("BG"))),
                bearer(api.token("cara@essex.waymark.test", PASSWORD)));
        assertEquals(201, operation.status(), operation.raw().body());
    }
}
