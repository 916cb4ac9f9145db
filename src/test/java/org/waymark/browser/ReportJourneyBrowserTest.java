package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waymark.support.ApiFixtures;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A member of the public reports what they saw, on a phone and without an account, and gets a
 * reference; an officer finds the report in the queue, takes it on, sees the reporter's contact
 * details and links it to the operation. Every page is checked with axe.
 */
class ReportJourneyBrowserTest extends BrowserJourney {

    private static final String OFFICER_EMAIL = "olly.officer@essex.waymark.test";
    private static final String OPERATION = "Week of action: Stansted reports";

    @Test
    void thePublicReportsAndAnOfficerLinksTheReportToTheOperation() {
        plan();

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
            signIn(officer, OFFICER_EMAIL, PASSWORD, "/shift");
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

    @Test
    void aPassengerReportsInBulgarianOnAPhone() {
        try (BrowserContext publicPhone = phone()) {
            Page reporter = open(publicPhone);
            reporter.navigate(url("/help/bg"));
            reporter.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Съобщете какво се е случило")).click();
            assertThat(reporter).hasURL(url("/report/bg"));
            assertThat(reporter.locator("html")).hasAttribute("lang", "bg");
            assertThat(heading(reporter)).hasText("Съобщете информация за трафик на хора");
            assertThat(reporter.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("999")))
                    .hasAttribute("href", "tel:999");
            assertThat(reporter.locator(".govuk-exit-this-page__button")).containsText("Излезте от тази страница");
            assertNoSidewaysScrolling(reporter);
            checkAccessibility(reporter);

            reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Изпратете съобщението")).click();
            assertThat(reporter.locator(".govuk-error-summary")).containsText("Кажете ни какво се случи");
            checkAccessibility(reporter);
            reporter.getByLabel("Какво се случи?").fill("Мъж взе паспортите на две млади жени на изход 12");
            reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Изпратете съобщението")).click();
            assertThat(heading(reporter)).hasText("Съобщението е изпратено");
            assertTrue(reporter.locator("#reference").innerText().matches("WM-[A-Z2-9]{4}-[A-Z2-9]{4}"));
            assertNoSidewaysScrolling(reporter);
            checkAccessibility(reporter);
            assertTrue(publicPhone.cookies().isEmpty(), "reporting set a cookie: " + publicPhone.cookies());
        }
    }

    /** Essex Police, its officer (who also coordinates), and the operation, through the API. */
    private void plan() {
        ApiFixtures given = given();
        String police = given.agencyNamed("Essex Police", "POLICE");
        given.userWithEmail("Olly Officer", OFFICER_EMAIL, police, "OFFICER");
        String coordinator = given.tokenOf(given.userWithEmail("Cara Coordinator", "cara@essex.waymark.test", police,
                "COORDINATOR"));
        given.operation().named(OPERATION).between("2026-12-01", "2026-12-07").plannedBy(coordinator);
    }
}
