package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.waymark.flight.Direction;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.flight.ScheduledFlight;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.OperationDetails;
import org.waymark.operation.Operations;
import org.waymark.screening.review.HitKind;
import org.waymark.screening.review.Hits;
import org.waymark.screening.review.NewHit;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;
import org.waymark.shared.OperationId;
import org.waymark.support.Fixtures;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A person decides, then an officer acts: a Passenger Information Unit analyst at a desk finds the
 * operation's hits from the passenger data pages, states why, opens the hit and asks the flight's
 * officers to speak with the passenger; the officer, on a phone (360 by 740), opens the flight from
 * their shift, sees whom to speak with and records that they spoke with her. Every page is checked
 * with axe.
 */
class ReviewJourneyBrowserTest extends BrowserJourney {

    static final String PIU = "piu@review.journeys.waymark.test";
    static final String OFFICER = "olu@review.journeys.waymark.test";
    static final String COORDINATOR = "cleo@review.journeys.waymark.test";
    static final String OPERATION = "Week of action: review at Stansted";

    @Autowired
    Agencies agencies;
    @Autowired
    Users users;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Operations operations;
    @Autowired
    Flights flights;
    @Autowired
    Hits hits;

    @Test
    void aReviewerAsksAndTheOfficerRecordsThatTheySpokeWithHer() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        AgencySummary police = agencies.create("Essex Police", AgencyType.POLICE, null, null);
        AgencySummary piu = agencies.create("Border Force PIU", AgencyType.BORDER_FORCE, null, null);
        users.create("Cleo Coordinator", COORDINATOR, police.id(), EnumSet.of(Role.COORDINATOR), PASSWORD, null, null);
        users.create("Olu Officer", OFFICER, police.id(), EnumSet.of(Role.OFFICER), PASSWORD, null, null);
        users.create("Pia Reviewer", PIU, piu.id(), EnumSet.of(Role.PASSENGER_DATA), PASSWORD,
                Fixtures.PASSENGER_DATA_REASON, null);
        WaymarkUser coordinator = (WaymarkUser) accounts.loadUserByUsername(COORDINATOR);
        WaymarkUser officer = (WaymarkUser) accounts.loadUserByUsername(OFFICER);
        OperationId operation = operations.create(new OperationDetails(OPERATION, new AirportCode("STN"),
                today.minusDays(1), today.plusDays(1), EnumSet.of(ExploitationType.SEXUAL),
                Set.of(new CountryCode("BG")), Set.of(piu.id())), coordinator).id();
        FlightView flight = flights.add(operation, new ScheduledFlight("W64301", "Wizz Air", Direction.ARRIVAL, "SOF",
                today.atTime(23, 59), null, null), coordinator);
        flights.assignOfficers(operation, flight.id(), Set.of(officer.id()), coordinator);
        hits.record(new NewHit(operation, flight.id(), UUID.randomUUID(), null, "journey person", "IVANOVA, MARIA",
                "12A", Instant.now().plusSeconds(3600), HitKind.RULE, UUID.randomUUID(), UUID.randomUUID(),
                "Ticket bought by someone else", 2, null,
                List.of("Paid for by someone who does not travel", "One-way ticket")));

        try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = open(desk);
            signIn(page, PIU, PASSWORD, "/passenger-data");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hits to review")).click();
            assertThat(heading(page)).hasText("Hits to review");
            assertThat(page.locator("#operations")).containsText(OPERATION);
            checkAccessibility(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(OPERATION)).click();

            assertThat(heading(page)).hasText("Why do you need to review these hits?");
            checkAccessibility(page);
            page.getByLabel("A safeguarding concern").check();
            page.getByLabel("Details").fill("Hits of today's Sofia flight");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to the hits")).click();

            assertThat(heading(page)).hasText("Hits to review");
            assertThat(page.locator("#counts")).hasText("1 open, 0 decided.");
            checkAccessibility(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("IVANOVA, MARIA")).click();

            assertThat(heading(page)).hasText("IVANOVA, MARIA");
            assertThat(page.locator("#reasons")).containsText("One-way ticket");
            checkAccessibility(page);
            page.getByLabel("Ask officers to speak with them").check();
            page.getByLabel("How officers will find them").fill("Red coat, about 20, travelling with an older man");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the decision")).click();
            assertThat(page.locator(".govuk-notification-banner"))
                    .containsText("Officers of the flight are asked to speak with them");
            assertThat(page.locator("#decision")).containsText("Not recorded yet");
            checkAccessibility(page);
        }

        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            signIn(page, OFFICER, PASSWORD, "/shift");
            page.locator("#my-flights").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("W64301"))
                    .click();
            assertThat(heading(page)).hasText("W64301");
            Locator request = page.locator("#asked-to-speak-with .govuk-summary-card");
            assertThat(request.getByRole(AriaRole.HEADING)).hasText("IVANOVA, MARIA");
            assertThat(request).containsText("12A");
            assertThat(request).containsText("Red coat, about 20, travelling with an older man");
            assertThat(request).containsText("A routine welfare conversation");
            assertThat(request).not().containsText("Ticket bought by someone else");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            request.getByLabel("Spoke with them").check();
            request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record what happened with"
                    + " IVANOVA, MARIA")).click();
            assertThat(page.locator(".govuk-notification-banner")).containsText("Result recorded");
            assertThat(page.locator("#asked-to-speak-with")).containsText("Spoke with them");
            assertThat(page.locator("#asked-to-speak-with form")).hasCount(0);
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
        }
    }
}
