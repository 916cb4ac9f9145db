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
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Receipt;
import org.waymark.support.Fixtures;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * An analyst of a Passenger Information Unit writes a screening rule on a phone: two conditions,
 * the second added with a button, a mistake shown against its row; then back-tests it over the
 * week's passenger lists.
 * A second analyst, at a desk, enables it. Every page is checked with axe.
 */
class ScreeningRulesJourneyBrowserTest extends BrowserJourney {

    static final String WRITER = "writer@rules.journeys.waymark.test";
    static final String REVIEWER = "reviewer@rules.journeys.waymark.test";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    @Autowired
    Agencies agencies;
    @Autowired
    Users users;
    @Autowired
    PassengerDataIntake intake;

    private static void button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void aRuleIsWrittenAndBackTestedByOneAnalystAndEnabledByAnother() {
        AgencySummary borderForce = agencies.create("Border Force PIU (rules)", AgencyType.BORDER_FORCE, null, null);
        users.create("Wren Writer", WRITER, borderForce.id(), EnumSet.of(Role.PASSENGER_DATA), PASSWORD,
                Fixtures.PASSENGER_DATA_REASON, null);
        users.create("Rafe Reviewer", REVIEWER, borderForce.id(), EnumSet.of(Role.PASSENGER_DATA), PASSWORD,
                Fixtures.PASSENGER_DATA_REASON, null);
        // Yesterday's list of the Sofia flight, for the back-test to run over.
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        Receipt receipt = intake.receive(Messages.paxlst("5201", yesterday.format(DAY) + "1030",
                yesterday.format(DAY) + "1215"), "the airline's gateway");
        org.assertj.core.api.Assertions.assertThat(receipt.status()).isEqualTo(MessageStatus.APPLIED);
        String address;

        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            signIn(page, WRITER, PASSWORD, "/passenger-data");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Screening rules")).click();
            assertThat(heading(page)).hasText("Screening rules");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a rule")).click();
            assertThat(heading(page)).hasText("Write a rule");
            page.getByLabel("Title").fill("Young and one way");
            page.locator("#indicator").selectOption("T13");
            page.locator("#priority").check();
            page.locator("[id='conditions[0]-field']").selectOption("AGE");
            page.locator("[id='conditions[0]-operator']").selectOption("LESS");
            page.locator("[id='conditions[0]-values']").fill("25");
            button(page, "Add another condition");
            assertThat(page.locator(".wm-condition")).hasCount(2);
            assertThat(page.locator("[id='conditions[0]-values']")).hasValue("25");
            page.locator("[id='conditions[1]-operator']").selectOption("EQUALS");
            page.locator("[id='conditions[1]-values']").fill("YES");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            button(page, "Save");
            assertThat(page.locator(".govuk-error-summary")).containsText("Choose a field");
            assertThat(page.locator("[id='conditions[1]-field-error']")).containsText("Choose a field");
            checkAccessibility(page);
            page.locator(".govuk-error-summary a").first().click();
            assertThat(page.locator("[id='conditions[1]-field']")).isFocused();
            page.locator("[id='conditions[1]-field']").selectOption("ONE_WAY");
            button(page, "Save");

            assertThat(heading(page)).hasText("Young and one way");
            assertThat(page.locator(".govuk-notification-banner")).containsText("saved as a draft");
            assertThat(page.locator("#refusals")).containsText("not back-tested");
            address = page.url();
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back-test version 1")).click();
            assertThat(heading(page)).hasText("Back-test version 1");
            checkAccessibility(page);
            page.getByLabel("Why are you running it?").fill("Before it is enabled");
            button(page, "Run the back-test");
            assertThat(heading(page)).hasText("Back-test of version 1");
            assertThat(page.locator("#by-day tbody tr")).hasCount(8);
            assertThat(page.locator("#passengers")).not().hasText("0");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
        }

        try (BrowserContext desk = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 800))) {
            Page page = open(desk);
            signIn(page, REVIEWER, PASSWORD, "/passenger-data");
            page.navigate(address);
            assertThat(heading(page)).hasText("Young and one way");
            button(page, "Enable version 1");
            assertThat(page.locator(".govuk-notification-banner")).containsText("Version 1 is enabled");
            assertThat(page.locator("body")).containsText("enabled by Rafe Reviewer");
            checkAccessibility(page);
        }
    }
}
