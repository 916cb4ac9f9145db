package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.waymark.support.ApiClient.json;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waymark.referral.WorkingDays;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiFixtures;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * From a closed enhanced check to a submitted NRM referral with its first decision, on a phone:
 * the officer records the adult's consent, sees what the Home Office's form still needs, fills
 * it in, marks the referral submitted with the Home Office's reference, and records a positive
 * reasonable grounds decision; the due date and the end of the recovery period are shown. Every
 * page is checked with axe for serious and critical WCAG 2.2 AA violations.
 */
class ReferralJourneyBrowserTest extends BrowserJourney {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final String OFFICER_EMAIL = "olly.officer@essex.waymark.test";
    private static final String NAME = "Maria Ivanova";

    @Test
    void officerTakesAClosedCheckToASubmittedReferralWithItsFirstDecision() {
        String checkId = closedCheckWithAnNrmOutcome();
        LocalDate today = LocalDate.now(UK);

        try (BrowserContext phone = phone()) {
            Page officer = open(phone);
            signIn(officer, OFFICER_EMAIL, PASSWORD, "/shift");

            // From the closed check to the consent step.
            officer.navigate(url("/checks/" + checkId));
            assertThat(heading(officer)).hasText("Enhanced check");
            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Prepare an NRM referral or Duty to Notify")).click();
            assertThat(heading(officer)).hasText("NRM referral or Duty to Notify");
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);

            // Nothing answered: the error summary says so.
            officer.getByLabel("Who explained the NRM?").fill("");
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start")).click();
            assertThat(officer.locator(".govuk-error-summary")).containsText("Enter who explained the NRM");
            checkAccessibility(officer);

            officer.getByLabel("Who explained the NRM?").fill("PC Olly Officer");
            officer.getByLabel("Language it was explained in").selectOption("bg");
            officer.locator("#interpreterUsed").check();
            officer.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Consents to an NRM referral"))
                    .check();
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start")).click();

            // The referral, filled from the check, with what the form still needs.
            assertThat(heading(officer)).hasText("NRM referral");
            assertThat(officer.locator(".govuk-notification-banner")).containsText("NRM referral started");
            assertThat(officer.locator("main")).containsText("Draft");
            assertThat(officer.locator("main")).containsText(NAME);
            assertThat(officer.locator("main")).containsText("Companion holds their passport or boarding pass");
            assertThat(officer.locator("main")).containsText(
                    "Enter a phone, email or address where the person can be contacted");
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);

            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Enter a phone, email or address where the person can be contacted")).click();
            assertThat(heading(officer)).containsText("The person’s details");
            checkAccessibility(officer);
            officer.getByLabel("Phone number").fill("07700 900123");
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

            assertThat(heading(officer)).hasText("NRM referral");
            assertThat(officer.locator("main")).containsText("Ready to submit");
            assertThat(officer.locator("main")).not().containsText("What the form still needs");

            // Sent through the Home Office's form: the reference, then the decision.
            // The date and time submitted start as now, after the consent.
            officer.getByLabel("Home Office reference").fill("NRM-2026-004711");
            assertThat(officer.locator("#submittedDate-day")).hasValue(String.valueOf(today.getDayOfMonth()));
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as submitted")).click();

            assertThat(officer.locator(".govuk-notification-banner")).containsText(
                    "The referral is marked as submitted");
            assertThat(officer.locator("main")).containsText("NRM-2026-004711");
            assertThat(officer.locator("main")).containsText("Reasonable grounds decision due "
                    + DAY.format(WorkingDays.addWorkingDays(today, 5)));
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);

            officer.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Reasonable grounds")).check();
            officer.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Positive")).check();
            officer.locator("#decision #date-day").fill(String.valueOf(today.getDayOfMonth()));
            officer.locator("#decision #date-month").fill(String.valueOf(today.getMonthValue()));
            officer.locator("#decision #date-year").fill(String.valueOf(today.getYear()));
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the decision")).click();

            assertThat(officer.locator(".govuk-notification-banner")).containsText("Decision recorded");
            assertThat(officer.locator("main")).containsText("Positive reasonable grounds");
            assertThat(officer.locator("main")).containsText("Recovery period ends " + DAY.format(today.plusDays(30)));
            assertThat(officer.locator("#decisions")).containsText("Reasonable grounds: Positive");
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);

            // The print view, in the form's order, for the officer to transcribe.
            officer.navigate(officer.url() + "/print");
            assertThat(officer.locator("body")).containsText("Referrer and organisation");
            assertThat(officer.locator("body")).containsText("07700 900123");
            checkAccessibility(officer);
        }
    }

    /**
     * An operation of Essex Police taking place today, and a check of an adult whom its officer
     * closed with an NRM referral outcome, set up through the API.
     */
    private String closedCheckWithAnNrmOutcome() {
        ApiClient api = new ApiClient(port);
        ApiFixtures given = given();
        String police = given.agencyNamed("Essex Police", "POLICE");
        String officer = given.tokenOf(given.userWithEmail("Olly Officer", OFFICER_EMAIL, police, "OFFICER",
                "COORDINATOR"));
        LocalDate today = LocalDate.now(UK);
        String operationId = given.operation().between(today.minusDays(1), today.plusDays(1)).plannedBy(officer);
        String checkId = given.check(operationId, Map.of("location", "Arrivals hall", "category",
                "POTENTIAL_VICTIM", "person", Map.of("name", NAME, "under18", "NO", "gender", "FEMALE",
                        "nationality", "BG", "languages", List.of("bg"))), officer);
        ok(api.post("/api/v1/checks/" + checkId + "/indicators", json(Map.of("indicators", List.of(Map.of("code",
                "T01", "basis", "OBSERVED")))), officer));
        ok(api.put("/api/v1/checks/" + checkId + "/account", json(Map.of("suspectedTypes", List.of("SEXUAL"),
                "account", "Offered work in a bar in Luton")), officer));
        ok(api.post("/api/v1/checks/" + checkId + "/outcome", json(Map.of("outcomes", List.of("NRM_REFERRAL",
                "SAFEGUARDING_ADVICE"))), officer));
        return checkId;
    }

    private static void ok(Response response) {
        assertEquals(200, response.status(), response.raw().body());
    }
}
