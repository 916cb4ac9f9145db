package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.support.ApiFixtures;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * An analyst of a Passenger Information Unit, at a desk, goes from the day's flights to an
 * operation's linked bookings, states why, and sees the group of two bookings as a list with the
 * reason for each link and as a diagram. Every page is checked with axe.
 */
class LinksJourneyBrowserTest extends BrowserJourney {

    static final String PIU = "piu@links-journey.waymark.test";
    static final String COORDINATOR = "coordinator@links-journey.waymark.test";
    static final String OPERATION = "Operation Lattice (links journey)";

    @Autowired
    PassengerDataIntake intake;

    @Test
    void anAnalystSeesAnOperationsLinkedBookingsAsAListAndADiagram() {
        ApiFixtures given = given();
        String police = given.agencyNamed("Essex Police (links journey)", "POLICE");
        String borderForce = given.agencyNamed("Border Force PIU (links journey)", "BORDER_FORCE");
        given.userWithEmail("Cara Coordinator", COORDINATOR, police, "COORDINATOR");
        given.userWithEmail("Pia Analyst", PIU, borderForce, "PASSENGER_DATA");
        String coordinator = given.tokenOf(COORDINATOR);
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        String operation = given.operation().named(OPERATION).between(tomorrow.minusDays(1), tomorrow.plusDays(1))
                .withPartners(borderForce).plannedBy(coordinator);
        given.flight(operation, "W64377", "ARRIVAL", "SOF", tomorrow + "T12:15", coordinator);
        intake.receive(Messages.twoBookingsSharing("5401", tomorrow.minusDays(1).format(DateTimeFormatter.ofPattern(
                "yyMMdd")) + ":0930", tomorrow.format(DateTimeFormatter.ofPattern("ddMMyy")), "4377"), "journey");

        try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = open(desk);
            signIn(page, PIU, PASSWORD, "/passenger-data");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Linked bookings: " + OPERATION)).click();
            assertThat(heading(page)).hasText("Why do you need to see this operation’s linked bookings?");
            checkAccessibility(page);

            page.getByLabel("Details").fill("Recruiters booking for several young women");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to the linked bookings"))
                    .click();
            assertThat(heading(page)).hasText("Linked bookings");
            assertThat(page.locator("#group-1 h2")).hasText("Group 1: 4 people on 2 bookings");
            assertThat(page.locator("#group-1 .wm-links")).containsText("LM4RT8: same card as KX7PQ2");
            assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Diagram of group 1")))
                    .isVisible();
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.getByLabel("Flag groups of more than this many people").fill("3");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("#group-1 h2")).containsText("Flagged");
            checkAccessibility(page);
        }
    }
}
