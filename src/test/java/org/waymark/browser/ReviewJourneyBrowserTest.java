package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;

import javax.sql.DataSource;

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
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Receipt;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;
import org.waymark.shared.OperationId;
import org.waymark.support.Fixtures;
import org.waymark.support.ModuleReactions;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The whole of screening as the people do it: a Passenger Information Unit analyst at a desk (1280
 * pixels wide) back-tests a shipped rule over the week's passenger lists; a second analyst enables
 * it, and it screens the list already in for tomorrow's flight from Sofia; the first finds the hit
 * from the passenger data pages, states why, reads its reasons and asks the flight's officers to
 * speak with the passenger; the officer, on a phone (360 by 740), opens the flight from their
 * shift, sees whom to speak with and records that they spoke with her. Every page is checked with
 * axe.
 */
class ReviewJourneyBrowserTest extends BrowserJourney {

    static final String PIU = "piu@review.journeys.waymark.test";
    static final String SECOND = "second@review.journeys.waymark.test";
    static final String OFFICER = "olu@review.journeys.waymark.test";
    static final String COORDINATOR = "cleo@review.journeys.waymark.test";
    static final String OPERATION = "Week of action: review at Stansted";
    static final String RULE = "Booking paid for by someone who does not travel";
    static final DateTimeFormatter PREPARED = DateTimeFormatter.ofPattern("yyMMdd");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("ddMMyy");

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
    PassengerDataIntake intake;
    @Autowired
    DataSource dataSource;

    private static void button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private void receive(byte[] message) {
        Receipt receipt = intake.receive(message, "the airline's gateway");
        org.assertj.core.api.Assertions.assertThat(receipt.status()).as(String.valueOf(receipt.failure()))
                .isEqualTo(MessageStatus.APPLIED);
    }

    @Test
    void aShippedRuleIsBackTestedEnabledByASecondAnalystAndItsHitSentToTheOfficerWhoSpeaksWithHer() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        LocalDate tomorrow = today.plusDays(1);
        AgencySummary police = agencies.create("Essex Police", AgencyType.POLICE, null, null);
        AgencySummary piu = agencies.create("Border Force PIU", AgencyType.BORDER_FORCE, null, null);
        users.create("Cleo Coordinator", COORDINATOR, police.id(), EnumSet.of(Role.COORDINATOR), PASSWORD, null, null);
        users.create("Olu Officer", OFFICER, police.id(), EnumSet.of(Role.OFFICER), PASSWORD, null, null);
        users.create("Pia Reviewer", PIU, piu.id(), EnumSet.of(Role.PASSENGER_DATA), PASSWORD,
                Fixtures.PASSENGER_DATA_REASON, null);
        users.create("Sam Second", SECOND, piu.id(), EnumSet.of(Role.PASSENGER_DATA), PASSWORD,
                Fixtures.PASSENGER_DATA_REASON, null);
        WaymarkUser coordinator = (WaymarkUser) accounts.loadUserByUsername(COORDINATOR);
        WaymarkUser officer = (WaymarkUser) accounts.loadUserByUsername(OFFICER);
        OperationId operation = operations.create(new OperationDetails(OPERATION, new AirportCode("STN"),
                today.minusDays(1), tomorrow, EnumSet.of(ExploitationType.SEXUAL),
                Set.of(new CountryCode("BG")), Set.of(piu.id())), coordinator).id();
        FlightView flight = flights.add(operation, new ScheduledFlight("W64301", "Wizz Air", Direction.ARRIVAL, "SOF",
                tomorrow.atTime(12, 15), null, null), coordinator);
        flights.assignOfficers(operation, flight.id(), Set.of(officer.id()), coordinator);
        // Yesterday's booking on the Sofia flight, for the back-test; tomorrow's, in before the rule is live.
        receive(Messages.paidBy(Messages.pnrgov("5101", today.minusDays(2).format(PREPARED) + ":0600",
                today.minusDays(1).format(DAY), 2), "GEORGI DIMITROV"));
        receive(Messages.paidBy(Messages.pnrgov("5102", today.format(PREPARED) + ":0600", tomorrow.format(DAY), 2),
                "GEORGI DIMITROV"));
        String address;

        try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = open(desk);
            signIn(page, PIU, PASSWORD, "/passenger-data");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Screening rules")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(RULE)).click();
            assertThat(heading(page)).hasText(RULE);
            assertThat(page.locator("#refusals")).containsText("not back-tested");
            address = page.url();
            checkAccessibility(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back-test version 1")).click();
            assertThat(heading(page)).hasText("Back-test version 1");
            page.getByLabel("Why are you running it?").fill("Before enabling it for the week of action");
            button(page, "Run the back-test");
            assertThat(heading(page)).hasText("Back-test of version 1");
            assertThat(page.locator("#hits")).hasText("2");
            assertThat(page.locator("#passengers")).hasText("2");
            assertThat(page.locator("#precision")).containsText("None of the 2 people hit has an outcome yet");
            checkAccessibility(page);
        }

        try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = open(desk);
            signIn(page, SECOND, PASSWORD, "/passenger-data");
            page.navigate(address);
            assertThat(heading(page)).hasText(RULE);
            button(page, "Enable version 1");
            assertThat(page.locator(".govuk-notification-banner")).containsText("Version 1 is enabled");
            assertThat(page.locator("body")).containsText("enabled by Sam Second");
            checkAccessibility(page);
        }
        // Enabling screens the lists in for flights still to come, after the enabling commits.
        ModuleReactions.awaitAll(dataSource);

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
            page.getByLabel("Details").fill("Hits of tomorrow's Sofia flight");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to the hits")).click();

            assertThat(heading(page)).hasText("Hits to review");
            assertThat(page.locator("#counts")).hasText("2 open, 0 decided.");
            checkAccessibility(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("IVANOVA, MARIA")).click();

            assertThat(heading(page)).hasText("IVANOVA, MARIA");
            assertThat(page.locator("#reasons")).containsText("payer does not travel");
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
            assertThat(request).containsText("Red coat, about 20, travelling with an older man");
            assertThat(request).containsText("A routine welfare conversation");
            assertThat(request).not().containsText(RULE);
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
