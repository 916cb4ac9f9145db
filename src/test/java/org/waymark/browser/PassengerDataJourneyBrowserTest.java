package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Agencies;
import org.waymark.identity.Role;
import org.waymark.identity.Users;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.support.Fixtures;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * An analyst of a Passenger Information Unit, at a desk (1280 px wide), opens today's flight from
 * Sofia: lands on the day's flights by their counts, is asked why before any passenger is shown,
 * leaves the details out and is told, states a missing person enquiry, and sees the passengers
 * with the purpose above them, then one passenger. Every page is checked with axe.
 */
class PassengerDataJourneyBrowserTest extends BrowserJourney {

    static final String PIU = "piu@journeys.waymark.test";

    @Autowired
    Agencies agencies;
    @Autowired
    Users users;
    @Autowired
    PassengerDataIntake intake;

    @Test
    void anAnalystStatesAPurposeThenOpensAFlightsPassengers() {
        AgencySummary borderForce = agencies.create("Border Force PIU", AgencyType.BORDER_FORCE, null, null);
        users.create("Pia Analyst", PIU, borderForce.id(), EnumSet.of(Role.PASSENGER_DATA), PASSWORD,
                Fixtures.PASSENGER_DATA_REASON, null);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String day = today.format(DateTimeFormatter.ofPattern("yyMMdd"));
        intake.receive(Messages.paxlst("5001", day + "1030", day + "1215"), "journey");
        intake.receive(Messages.pnrgov("5002", day + ":0600", today.format(DateTimeFormatter.ofPattern("ddMMyy")), 2),
                "journey");

        try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = open(desk);
            signIn(page, PIU, PASSWORD, "/passenger-data");
            assertThat(heading(page)).containsText("Flights on");
            Locator flight = page.locator("#flights tbody tr", new Page.LocatorOptions().setHasText("W64301"));
            assertThat(flight).containsText("SOF to STN");
            assertThat(page.locator("body")).not().containsText("IVANOVA");
            assertNoSidewaysScrolling(page);

            flight.getByRole(AriaRole.LINK).click();
            assertThat(heading(page)).hasText("Why do you need to see these passengers?");
            checkAccessibility(page);
            page.getByLabel("A missing person enquiry").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to the passengers")).click();
            assertThat(page.locator(".govuk-error-summary")).containsText("Enter the details of your purpose");
            assertThat(page.getByLabel("A missing person enquiry")).isChecked();
            checkAccessibility(page);

            page.getByLabel("Details").fill("Essex Police enquiry 42/2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to the passengers")).click();
            assertThat(heading(page)).hasText("Passengers");
            assertThat(page.locator("#purpose")).containsText("A missing person enquiry");
            assertThat(page.locator("#purpose")).containsText("Essex Police enquiry 42/2026");
            assertThat(page.locator("#passengers tbody tr")).hasCount(2);
            assertThat(page.locator("#passengers")).containsText("IVANOVA, MARIA");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("IVANOVA, MARIA")).click();
            assertThat(heading(page)).hasText("IVANOVA, MARIA");
            assertThat(page.locator("#details")).containsText("382310458");
            checkAccessibility(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("KX7PQ2")).click();
            assertThat(heading(page)).hasText("Booking KX7PQ2");
            assertThat(page.locator("body")).not().containsText("4111111111111111");
            checkAccessibility(page);
        }
    }
}
