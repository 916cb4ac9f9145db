package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * An administrator, on a phone, holds a report from the public that a complaint concerns: finds
 * the retention page in the menu, gets a mistake pointed out, places the hold by the report's
 * reference, lifts it, and asks for a run now. Every page is checked with axe and for sideways
 * scrolling at 360 by 740.
 */
class RetentionJourneyBrowserTest extends BrowserJourney {

    @Test
    void anAdministratorHoldsAReportUnderReviewThenLiftsTheHold() {
        try (BrowserContext publicPhone = phone(); BrowserContext adminPhone = phone()) {
            Page reporter = open(publicPhone);
            reporter.navigate(url("/report"));
            reporter.getByLabel("What happened?").fill("A man took the passports of two young women at gate 12");
            reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the report")).click();
            String reference = reporter.locator("#reference").innerText();

            Page page = open(adminPhone);
            signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD, "/operations");
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main menu"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Retention").setExact(true))
                    .click();
            assertThat(heading(page)).hasText("Retention and disposal");
            assertThat(page.locator("#class-CHECK_WITHOUT_REFERRAL")).containsText("90 days");
            assertThat(page.locator("#no-holds")).isVisible();
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.getByLabel("Report from the public").check();
            page.getByLabel("Record ID").fill(reference);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place the hold")).click();
            assertThat(page.locator(".govuk-error-summary")).containsText("Enter the reason for the hold");
            assertThat(page.getByLabel("Record ID")).hasValue(reference);
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.getByLabel("Reason").fill("Complaint 2027/14: the reporter asked what was kept");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place the hold")).click();
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("Hold placed.");
            assertThat(page.locator("#holds")).containsText("Complaint 2027/14");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.locator("#holds").getByRole(AriaRole.BUTTON).first().click();
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("Hold lifted.");
            assertThat(page.locator("#no-holds")).isVisible();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dispose of what is due now")).click();
            assertThat(page.locator(".govuk-notification-banner--success")).containsText("Run finished. Records masked: 0.");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
        }
    }
}
