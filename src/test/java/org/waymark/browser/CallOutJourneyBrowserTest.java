package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiFixtures;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * A call-out on phones when nobody is on call and Waymark does not email: the officer asks the
 * charity for a navigator and reads that nobody is on call and whom to call instead; the
 * navigator, looking anyway, sees who asked, their number and where to meet, and declines with a
 * reason after a first try without one; the officer's open requests page shows the decline by
 * itself, and the lead coordinator finds it on theirs, after the child's referral their shift
 * says the operation owes. Every page is checked with axe for serious
 * and critical WCAG 2.2 AA violations, and for sideways scrolling.
 */
class CallOutJourneyBrowserTest extends BrowserJourney {

    private static final ZoneId PORT_TIME = ZoneId.of("Europe/London");
    private static final String COORDINATOR_EMAIL = "cara.coordinator@essex.callout.test";
    private static final String OFFICER_EMAIL = "olly.officer@essex.callout.test";
    private static final String NAVIGATOR_EMAIL = "nia.navigator@justiceandcare.callout.test";
    private static final String REASON = "Our only navigator is at Gatwick until 18:00";

    private String childCheck;

    @Test
    void nobodyOnCallIsSaidPlainlyAndADeclineReachesTheOfficerAndTheCoordinator() {
        String check = aCheckInTodaysOperation();

        try (BrowserContext officerPhone = phone(); BrowserContext navigatorPhone = phone();
                BrowserContext coordinatorPhone = phone()) {
            Page officer = open(officerPhone);
            signIn(officer, OFFICER_EMAIL, PASSWORD, "/shift");
            // From the shift to the officer's open check, and on to its support task.
            officer.locator("#my-checks").getByRole(AriaRole.LINK).click();
            assertThat(officer).hasURL(url("/checks/" + check));
            officer.locator("#tasks").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Support")
                    .setExact(true)).click();
            assertThat(heading(officer)).hasText("Request support");
            officer.getByLabel("Agency").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Justice & Care"));
            officer.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Navigator")).check();
            officer.getByLabel("Where to meet you (optional)").fill("Gate 12, by the Border Force desk");
            officer.getByLabel("Your phone number").fill("07700 900102");
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the request")).click();

            assertThat(heading(officer)).hasText("Nobody at Justice & Care is on call for a navigator");
            assertThat(officer.locator("main")).not().containsText("Support requested from");
            assertThat(officer.locator(".govuk-warning-text")).containsText("Email is off in Waymark");
            assertThat(officer.locator(".wm-coordinators")).containsText("Cara Coordinator");
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);
            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your requests")).click();
            assertThat(heading(officer)).hasText("Support requests");
            Locator followed = officer.locator(".wm-followed-card");
            assertThat(followed).containsText("Navigator from Justice & Care");
            assertThat(followed).containsText("Requested");
            checkAccessibility(officer);

            // The navigator sees who asked, how to call them, where to meet and how long ago.
            Page navigator = open(navigatorPhone);
            signIn(navigator, NAVIGATOR_EMAIL, PASSWORD, "/requests");
            Locator card = navigator.locator(".wm-request-card");
            assertThat(card).containsText("Olly Officer");
            assertThat(card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("07700 900102")))
                    .hasAttribute("href", "tel:07700900102");
            assertThat(card.locator(".wm-meeting-point")).hasText("Gate 12, by the Border Force desk");
            assertThat(card.locator(".wm-sent")).containsText("Sent ");
            assertNoSidewaysScrolling(navigator);
            checkAccessibility(navigator);

            navigator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Decline the request for a "
                    + "navigator")).click();
            assertThat(heading(navigator)).hasText("Decline this request");
            navigator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decline the request")).click();
            assertThat(navigator.locator(".govuk-error-summary")).containsText("Say why you cannot come");
            assertNoSidewaysScrolling(navigator);
            checkAccessibility(navigator);
            navigator.getByLabel("Why can you not come?").fill(REASON);
            navigator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decline the request")).click();
            assertThat(navigator.locator(".govuk-notification-banner")).containsText("Request declined");
            assertThat(card).containsText("Declined");
            checkAccessibility(navigator);

            // The officer's open page shows the decline by itself; the coordinator finds it too.
            assertThat(followed.locator(".wm-decline-reason")).containsText(REASON,
                    new LocatorAssertions.ContainsTextOptions().setTimeout(45_000));
            assertThat(followed).containsText("Declined");

            Page coordinator = open(coordinatorPhone);
            signIn(coordinator, COORDINATOR_EMAIL, PASSWORD, "/shift");
            // The shift says first what the operation owes: the child's referral, urgent.
            Locator owed = coordinator.locator("#referrals-owed");
            assertThat(owed.getByRole(AriaRole.HEADING)).hasText("1 referral owed");
            assertThat(owed).containsText("Urgent: a child");
            assertNoSidewaysScrolling(coordinator);
            checkAccessibility(coordinator);
            owed.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("All the referrals owed")).click();
            assertThat(heading(coordinator)).hasText("Referrals");
            assertThat(coordinator.locator("#owed-count")).containsText("1 referral owed");
            assertThat(coordinator.locator("#owed-" + childCheck)).containsText("Urgent: a child");
            assertNoSidewaysScrolling(coordinator);
            checkAccessibility(coordinator);
            coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Requests")).click();
            assertThat(coordinator.locator("#followed")).hasText("Support asked for in your operations");
            Locator theirs = coordinator.locator(".wm-followed-card");
            assertThat(theirs).containsText("Declined");
            assertThat(theirs).containsText(REASON);
            assertNoSidewaysScrolling(coordinator);
            checkAccessibility(coordinator);
        }
    }

    /**
     * Today's operation at Stansted led by Essex Police with Justice & Care taking part, nobody on
     * its rota, and a check the officer started in the arrivals hall; the check's id.
     */
    private String aCheckInTodaysOperation() {
        ApiFixtures given = given();
        String police = given.agencyNamed("Essex Police", "POLICE");
        String charity = given.agencyNamed("Justice & Care", "CHARITY");
        given.userWithEmail("Cara Coordinator", COORDINATOR_EMAIL, police, "COORDINATOR");
        given.userWithEmail("Olly Officer", OFFICER_EMAIL, police, "OFFICER");
        given.userWithEmail("Nia Navigator", NAVIGATOR_EMAIL, charity, "PARTNER");
        String coordinator = given.tokenOf(COORDINATOR_EMAIL);
        LocalDate today = LocalDate.now(PORT_TIME);
        String operation = given.operation().named("Week of action: call-outs").between(today.minusDays(1),
                today.plusDays(1)).focusedOnExploitation("SEXUAL").withPartners(charity).plannedBy(coordinator);
        String officer = given.tokenOf(OFFICER_EMAIL);
        // Earlier in the shift, a child's check closed saying NRM referral, and none made yet.
        childCheck = given.check(operation, "YES", officer);
        ApiClient api = new ApiClient(port);
        api.put("/api/v1/checks/" + childCheck + "/person", ApiClient.json(Map.of("name", "Ana", "under18", "YES")),
                officer);
        ApiClient.Response closed = api.post("/api/v1/checks/" + childCheck + "/outcome", ApiClient.json(Map.of(
                "outcomes", List.of("CHILD_SAFEGUARDING_REFERRAL", "NRM_REFERRAL"))), officer);
        org.junit.jupiter.api.Assertions.assertEquals(200, closed.status(), closed.raw().body());
        return given.check(operation, "NO", officer);
    }
}
