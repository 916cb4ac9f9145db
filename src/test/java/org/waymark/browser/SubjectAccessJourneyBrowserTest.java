package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * An administrator, on a phone, answers a subject access request from someone named in a report
 * from the public: finds the page in the menu, gets a mistake pointed out, finds the report by
 * the person's name, and downloads the PDF; then reads the audit log, in words, and gets a date
 * that is no date pointed out. Every page is checked with axe and for sideways scrolling at 360
 * by 740.
 */
class SubjectAccessJourneyBrowserTest extends BrowserJourney {

    @Test
    void anAdministratorFindsAPersonsRecordsAndExportsThem() throws IOException {
        try (BrowserContext publicPhone = downloadingPhone(); BrowserContext adminPhone = downloadingPhone()) {
            Page reporter = open(publicPhone);
            reporter.navigate(url("/report"));
            reporter.getByLabel("What happened?")
                    .fill("Ivana Petrova was met at gate 12 by a man who took her passport");
            reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the report")).click();
            String reference = reporter.locator("#reference").innerText();

            Page page = open(adminPhone);
            signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD, "/operations");
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main menu"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Subject access").setExact(true))
                    .click();
            assertThat(heading(page)).hasText("Subject access");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find records")).click();
            assertThat(page.locator(".govuk-error-summary")).containsText("Enter the person’s name");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("ivana PETROVA");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find records")).click();
            assertThat(page.locator("#reports")).containsText(reference);
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.locator("#reports").getByRole(AriaRole.CHECKBOX).check();
            page.getByLabel("Request reference").fill("SAR 2027/3");
            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Export as PDF")).click());
            try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
                String text = new PDFTextStripper().getText(pdf);
                org.assertj.core.api.Assertions.assertThat(text).contains("SAR 2027/3", reference,
                        "Ivana Petrova was met at gate 12");
            }

            // The audit log says it in words, on a phone, and never names the person.
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main menu"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Audit log").setExact(true))
                    .click();
            assertThat(heading(page)).hasText("Audit log");
            assertThat(page.locator("main")).containsText("Exported records for a subject access request");
            assertThat(page.locator("main")).containsText("Request SAR 2027/3");
            assertThat(page.locator("main")).not().containsText("Petrova");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.locator("#from-day").fill("31");
            page.locator("#from-month").fill("2");
            page.locator("#from-year").fill("2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            assertThat(page.locator(".govuk-error-summary")).containsText("The ‘from’ date must be a real date");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
        }
    }

    private BrowserContext downloadingPhone() {
        return browser.newContext(phoneScreen().setAcceptDownloads(true));
    }
}
