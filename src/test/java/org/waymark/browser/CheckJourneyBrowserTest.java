package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.waymark.support.ApiFixtures;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * An enhanced check on a phone, as an officer and a navigator live it: the officer starts a
 * check on today's monitored flight (shown with its day and time) with the person's category, and
 * finds the check's tasks on its first screen; records the person, three indicators ticked at
 * once (one left without its basis is named first),
 * what the person said and the officer's opinion (which the check shows apart from the facts,
 * as the officer's view), and asks the charity taking part for a navigator, where to meet: nobody
 * of the charity is on call, and the page says so and whom to call. The navigator's open requests page shows the request by itself,
 * with the person's name and languages but none of the indicators; the navigator acknowledges
 * it and marks their arrival. The officer sees the response time and closes the check with an
 * outcome and a note marked as an opinion. Every page is checked with axe for serious and critical WCAG 2.2 AA violations.
 */
class CheckJourneyBrowserTest extends BrowserJourney {

    private static final ZoneId PORT_TIME = ZoneId.of("Europe/London");
    private static final String COORDINATOR_EMAIL = "cara.coordinator@essex.waymark.test";
    private static final String OFFICER_EMAIL = "olly.officer@essex.waymark.test";
    private static final String NAVIGATOR_EMAIL = "nia.navigator@justiceandcare.waymark.test";
    private static final String OPERATION = "Week of action: Stansted checks";
    private static final String FLIGHT = "FR1234";
    private static final String NAME = "Maria Ivanova";
    private static final List<String> INDICATOR_TEXTS = List.of("Companion holds their passport or boarding pass",
            "Travels with someone seated elsewhere who watches them", "Fearful or anxious; avoids eye contact");
    private static final String NOTE = "Man in row 30 kept her boarding pass";
    private static final String ACCOUNT = "Offered a job in a restaurant by a man she met online";
    private static final String OPINION = "Her story sounds rehearsed and she is afraid of the man";
    private static final String OUTCOME_NOTE = "She seemed relieved once the navigator arrived";

    @Test
    void officerAndNavigatorWorkAnEnhancedCheckTogether() {
        String operationId = planTodaysOperation();

        try (BrowserContext officerPhone = phone(); BrowserContext navigatorPhone = phone()) {
            Page officer = open(officerPhone);
            signIn(officer, OFFICER_EMAIL, PASSWORD, "/shift");
            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Operations").setExact(true)).click();

            // From the operation to the monitored flight, and a check started there.
            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(OPERATION)).click();
            assertThat(heading(officer)).hasText(OPERATION);
            assertThat(officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enhanced checks")))
                    .isVisible();
            checkAccessibility(officer);
            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Flights").setExact(true)).click();
            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(FLIGHT)).click();
            assertThat(heading(officer)).hasText(FLIGHT);
            checkAccessibility(officer);
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start an enhanced check")).click();

            assertThat(heading(officer)).hasText("Start an enhanced check");
            // Today's monitored flight, with its day and time at the port.
            assertThat(officer.locator("#where-hint")).hasText("Today’s monitored flights at London Stansted (STN), or another place.");
            assertThat(officer.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile(
                    FLIGHT + " from Sofia \\(SOF\\), \\w+ " + LocalDate.now(PORT_TIME).getDayOfMonth() + " \\w+ 23:59"))))
                    .isChecked();
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);
            officer.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Potential victim")).check();
            officer.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("No").setExact(true)).check();
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the check")).click();

            assertThat(heading(officer)).hasText("Enhanced check");
            assertThat(banner(officer)).containsText("Check started");
            String checkUrl = officer.url();
            // The first screen holds the tasks, each with where it stands.
            Locator tasks = officer.locator("#tasks");
            assertThat(tasks.locator("li").first()).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
            assertThat(task(officer, "Person")).containsText("Not yet started");
            assertThat(task(officer, "Referral")).containsText("Not yet started");
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);

            // The navigator has the requests page open, waiting.
            Page navigator = open(navigatorPhone);
            signIn(navigator, NAVIGATOR_EMAIL, PASSWORD, "/requests");
            navigator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Requests")).click();
            assertThat(heading(navigator)).hasText("Support requests");
            assertThat(navigator.locator("#requests")).containsText("There are no requests for your agency.");
            checkAccessibility(navigator);
            navigator.evaluate("() => { window.stillTheSamePage = true; }");

            // The person.
            tasks.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Person").setExact(true)).click();
            assertThat(heading(officer)).hasText("Person");
            checkAccessibility(officer);
            officer.getByLabel("Name or alias").fill(NAME);
            officer.getByLabel("Age (optional)", new Page.GetByLabelOptions().setExact(true)).fill("24");
            officer.locator("#under18-NO").check();
            officer.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Female")).check();
            officer.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Bulgarian")).check();
            officer.getByLabel("Nationality").selectOption(new SelectOption().setLabel("Bulgaria"));
            officer.getByLabel("Another language (optional)").selectOption(new SelectOption().setLabel("Persian"));
            assertNoSidewaysScrolling(officer);
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(banner(officer)).containsText("The person’s details are saved");
            assertThat(officer.locator("#person")).containsText(NAME);
            assertThat(officer.locator("#person")).containsText("Bulgarian, Persian");
            assertThat(task(officer, "Person")).containsText("Completed");
            checkAccessibility(officer);

            // Three indicators ticked at once, each with how the officer knows of it; one left without is named.
            tasks.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Indicators").setExact(true)).click();
            assertThat(heading(officer)).hasText("Indicators");
            assertThat(officer.locator("#conditional-T01")).isHidden();
            tick(officer, "T01", "Observed", NOTE);
            tick(officer, "T06", "Reported by someone else", null);
            tick(officer, "P01", null, null);
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save indicators")).click();
            Locator problem = officer.locator(".govuk-error-summary");
            assertThat(problem).containsText("Choose how you know of P01: observed, disclosed by the person or "
                    + "reported by someone else");
            assertThat(officer.getByLabel("Note on T01 (optional)")).hasValue(NOTE);
            checkAccessibility(officer);
            problem.getByRole(AriaRole.LINK).click();
            assertThat(officer.locator("[id='basis[P01]']")).isFocused();
            officer.locator("#conditional-P01").getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions()
                    .setName("Disclosed by the person")).check();
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save indicators")).click();
            assertThat(heading(officer)).hasText("Enhanced check");
            assertThat(banner(officer)).containsText("Indicators saved: 3 are recorded");
            assertThat(task(officer, "Indicators")).containsText("Completed");
            Locator indicators = officer.locator("#indicators");
            for (String text : INDICATOR_TEXTS) {
                assertThat(indicators).containsText(text);
            }
            assertThat(indicators.locator(".govuk-summary-list__row")).hasCount(3);
            checkAccessibility(officer);

            // What the person said, and the officer's opinion: shown apart, the opinion as the officer's view.
            assertThat(officer.locator("#category")).containsText("Potential victim");
            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change what the person said"))
                    .click();
            assertThat(heading(officer)).hasText("Account and opinion");
            checkAccessibility(officer);
            officer.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Sexual exploitation")).check();
            officer.getByLabel("The person’s account").fill(ACCOUNT);
            officer.getByLabel("Your opinion").fill(OPINION);
            assertNoSidewaysScrolling(officer);
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(banner(officer)).containsText("The account and opinion are saved");
            Locator facts = officer.locator("#facts");
            Locator opinions = officer.locator("#opinions");
            assertThat(facts.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Facts recorded")))
                    .isVisible();
            assertThat(facts).containsText(ACCOUNT);
            assertThat(facts).containsText(NOTE);
            assertThat(facts).not().containsText(OPINION);
            assertThat(opinions.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions()
                    .setName("Assessments and opinions"))).isVisible();
            assertThat(opinions).containsText(OPINION);
            assertThat(opinions).containsText("Sexual exploitation");
            assertThat(opinions.locator("#opinion")).containsText("The view of Olly Officer, Essex Police");
            assertThat(opinions).not().containsText(ACCOUNT);
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);

            // A navigator from the charity taking part.
            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request support")).click();
            assertThat(heading(officer)).hasText("Request support");
            checkAccessibility(officer);
            officer.getByLabel("Agency").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Justice & Care"));
            officer.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Navigator")).check();
            officer.getByLabel("Where to meet you (optional)").fill("Border Force desk");
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the request")).click();
            // Nobody of the charity is on the rota and Waymark does not email: the page says so, and who to call.
            assertThat(heading(officer)).hasText("Nobody at Justice & Care is on call for a navigator");
            assertThat(officer.locator(".wm-coordinators")).containsText("Cara Coordinator: no number in Waymark");
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Back to the check")).click();
            Locator support = officer.locator("#support");
            assertThat(support).containsText("Navigator from Justice & Care");
            assertThat(support).containsText("Requested");
            checkAccessibility(officer);

            // The navigator's page shows the request by itself: the name and languages, no indicators.
            Locator card = navigator.locator(".wm-request-card");
            assertThat(card).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(45_000));
            assertEquals(Boolean.TRUE, navigator.evaluate("() => window.stillTheSamePage === true"),
                    "the requests page reloaded instead of updating itself");
            assertThat(card).containsText(NAME);
            assertThat(card).containsText("Bulgarian");
            assertThat(card).containsText("New");
            assertThat(card).containsText(FLIGHT + " from Sofia (SOF), "
                    + DateTimeFormatter.ofPattern("EEE d MMMM", Locale.UK).format(LocalDate.now(PORT_TIME)) + " 23:59");
            assertThat(card).containsText("Olly Officer");
            assertThat(card.locator(".wm-meeting-point")).hasText("Border Force desk");
            String seen = navigator.locator("main").innerText();
            for (String text : INDICATOR_TEXTS) {
                assertFalse(seen.contains(text), "the navigator sees the indicator " + text);
            }
            assertFalse(seen.contains(NOTE), "the navigator sees the indicator's note");
            assertFalse(seen.contains("T01"), "the navigator sees an indicator code");
            assertNoSidewaysScrolling(navigator);
            checkAccessibility(navigator);

            navigator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).click();
            assertThat(banner(navigator)).containsText("Request acknowledged");
            assertThat(navigator.locator(".wm-request-card")).containsText("Acknowledged");
            checkAccessibility(navigator);
            navigator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as arrived")).click();
            assertThat(banner(navigator)).containsText("Arrival recorded");
            assertThat(navigator.locator(".wm-request-card")).containsText("Arrived");
            for (String text : INDICATOR_TEXTS) {
                assertFalse(navigator.locator("main").innerText().contains(text));
            }
            checkAccessibility(navigator);

            // The officer sees the navigator arrived, and how fast, then closes the check.
            officer.navigate(checkUrl);
            assertThat(support).containsText("Arrived");
            assertThat(support).containsText("Acknowledged");
            assertThat(support.locator(".wm-response-time")).containsText("minutes from request to arrival");
            checkAccessibility(officer);
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the outcome")).click();
            assertThat(heading(officer)).hasText("Outcome");
            assertThat(officer.locator("#child-rule")).hasCount(0);
            checkAccessibility(officer);
            officer.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Safeguarding advice given")).check();
            officer.getByLabel("Note (optional)").fill(OUTCOME_NOTE);
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the check")).click();

            // A note must say whether it records facts or an opinion.
            assertThat(officer.locator(".govuk-error-summary")).containsText(
                    "Choose whether the note records facts or your opinion");
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);
            officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Choose whether the note records facts or your opinion")).click();
            officer.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("My opinion or assessment")).check();
            officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the check")).click();

            assertThat(banner(officer)).containsText("The check is closed");
            assertThat(officer.locator("#outcome")).containsText("Safeguarding advice given");
            assertThat(officer.locator("#outcome")).not().containsText(OUTCOME_NOTE);
            assertThat(opinions.locator("#outcome-note")).containsText(OUTCOME_NOTE);
            assertThat(opinions.locator("#outcome-note")).containsText("The view of Olly Officer, Essex Police");
            assertThat(officer.locator("main")).containsText("This check is closed");
            assertThat(task(officer, "Outcome")).containsText("Completed");
            assertThat(task(officer, "Referral")).containsText("Not needed");
            assertThat(officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change the person")))
                    .hasCount(0);
            assertNoSidewaysScrolling(officer);
            checkAccessibility(officer);

            officer.navigate(url("/operations/" + operationId + "/checks"));
            assertThat(heading(officer)).hasText("Enhanced checks");
            assertThat(officer.locator(".govuk-summary-card")).containsText("Closed");
            assertThat(officer.locator(".govuk-summary-card")).containsText("3 indicators");
            assertTrue(!officer.locator("main").innerText().contains(NAME), "the list of checks shows a name");
            checkAccessibility(officer);

            // The coordinator sees how fast help came, and plans the charity's cover for tonight.
            Page coordinator = open(officerPhone);
            signIn(coordinator, COORDINATOR_EMAIL, PASSWORD, "/shift");
            coordinator.locator("#operation-details").click();
            assertThat(coordinator.locator("#response-times")).hasText("Response times");
            coordinator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The rota of partner cover"))
                    .click();
            assertThat(heading(coordinator)).hasText("Partner cover");
            checkAccessibility(coordinator);
            LocalDate today = LocalDate.now(PORT_TIME);
            coordinator.getByLabel("Agency").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Justice & Care"));
            coordinator.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Navigator")).check();
            coordinator.locator("#fromDate-day").fill(String.valueOf(today.getDayOfMonth()));
            coordinator.locator("#fromDate-month").fill(String.valueOf(today.getMonthValue()));
            coordinator.locator("#fromDate-year").fill(String.valueOf(today.getYear()));
            coordinator.getByLabel("From (time)").fill("22:00");
            LocalDate tomorrow = today.plusDays(1);
            coordinator.locator("#toDate-day").fill(String.valueOf(tomorrow.getDayOfMonth()));
            coordinator.locator("#toDate-month").fill(String.valueOf(tomorrow.getMonthValue()));
            coordinator.locator("#toDate-year").fill(String.valueOf(tomorrow.getYear()));
            coordinator.getByLabel("Until (time)").fill("06:00");
            coordinator.getByLabel("Phone (optional)").fill("07700 900123");
            coordinator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add cover")).click();

            assertThat(banner(coordinator)).containsText("Cover added");
            assertThat(coordinator.locator("#rota")).containsText("Justice & Care");
            assertThat(coordinator.locator("#cover-gaps")).containsText("No navigator");
            assertNoSidewaysScrolling(coordinator);
            checkAccessibility(coordinator);
        }
    }

    private static Locator banner(Page page) {
        return page.locator(".govuk-notification-banner");
    }

    /** The check's task of this name, with its status. */
    private static Locator task(Page page, String name) {
        return page.locator("#tasks li").filter(new Locator.FilterOptions().setHas(page.getByText(name,
                new Page.GetByTextOptions().setExact(true))));
    }

    /** Ticks the indicator, which shows how the officer knows of it (chosen, unless null) and a note under it. */
    private static void tick(Page page, String code, String basis, String note) {
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^" + code + " ")))
                .check();
        Locator under = page.locator("#conditional-" + code);
        assertThat(under).isVisible();
        if (basis != null) {
            under.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(basis)).check();
        }
        if (note != null) {
            page.getByLabel("Note on " + code + " (optional)").fill(note);
        }
    }

    /**
     * Today's operation at Stansted led by Essex Police with Justice & Care taking part, and
     * FR1234 from Sofia monitored; its officer and the charity's navigator, set up through the API.
     */
    private String planTodaysOperation() {
        ApiFixtures given = given();
        String police = given.agencyNamed("Essex Police", "POLICE");
        String charity = given.agencyNamed("Justice & Care", "CHARITY");
        given.userWithEmail("Cara Coordinator", COORDINATOR_EMAIL, police, "COORDINATOR");
        given.userWithEmail("Olly Officer", OFFICER_EMAIL, police, "OFFICER");
        given.userWithEmail("Nia Navigator", NAVIGATOR_EMAIL, charity, "PARTNER");
        String coordinator = given.tokenOf(COORDINATOR_EMAIL);

        LocalDate today = LocalDate.now(PORT_TIME);
        String operationId = given.operation().named(OPERATION).between(today.minusDays(1), today.plusDays(1))
                .focusedOnExploitation("SEXUAL").withPartners(charity).plannedBy(coordinator);
        String flightId = given.flight(operationId, FLIGHT, "ARRIVAL", "SOF", today + "T23:59", coordinator);
        given.monitor(operationId, flightId, coordinator);
        return operationId;
    }
}
