package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waymark.support.ApiClient.json;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiFixtures;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import tools.jackson.databind.JsonNode;

/**
 * The tally at the gate on a phone, as an officer uses it: from the day's board to a monitored
 * flight, +1 three times and +5 once, then the signal drops; two more taps are kept on the phone,
 * survive a reload without a signal, and reach the server when the signal returns. The server's
 * total is then 10. Every page is checked with axe for serious and critical WCAG 2.2 AA violations.
 */
class TallyJourneyBrowserTest extends BrowserJourney {

    /** Flights are planned in local time at the operation's port: Stansted is in London. */
    private static final ZoneId PORT_TIME = ZoneId.of("Europe/London");
    private static final String OFFICER_EMAIL = "olly.officer@herts.waymark.test";
    private static final String OPERATION = "Week of action: Stansted tally";
    private static final String FLIGHT = "FR1234";
    private static final DateTimeFormatter BOARD_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final String EVERYTHING_SENT = "Everything is sent";
    private static final String TWO_WAITING = "2 waiting to send";

    @Test
    void officerKeepsCountingThroughALostSignal() {
        ApiClient api = new ApiClient(port);
        Planned planned = planTodaysOperationWithAMonitoredFlight();

        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            signIn(page, OFFICER_EMAIL, PASSWORD, "/shift");

            // The shift opens on today's operation; its board lists the monitored flight, whose
            // number leads to its tally.
            assertThat(heading(page)).hasText("Your shift, " + planned.today().format(BOARD_DAY));
            Locator tally = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tally passengers"));
            Locator board = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Today’s board"));
            assertOnFirstScreen(page, tally);
            assertOnFirstScreen(page, board);
            assertThat(page.locator("#waiting-here")).hasText("Nothing is waiting to send from this phone.");
            assertNoSidewaysScrolling(page);
            board.click();
            assertThat(heading(page)).hasText("Monitored flights, " + planned.today().format(BOARD_DAY));
            Locator flightRow = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(FLIGHT));
            assertThat(flightRow).containsText("From Sofia (SOF), Bulgaria");
            assertThat(flightRow).containsText("23:59");
            checkAccessibility(page);
            flightRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(FLIGHT)).click();

            assertThat(heading(page)).hasText(FLIGHT);
            assertThat(page.getByText("Recorded so far")).isVisible();
            Locator recorded = page.locator("#recorded");
            Locator queue = page.locator("#queue");
            assertThat(recorded).hasText("0");
            assertThat(queue).hasText(EVERYTHING_SENT);
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            Locator plusOne = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add 1 passenger"));
            Locator plusFive = page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Add 5 passengers"));
            assertThat(plusOne).hasText("+1");
            assertThat(plusFive).hasText("+5");
            // A language not among the boxes is chosen by its name, and goes with every tap.
            page.getByLabel("Another language").selectOption(new SelectOption().setLabel("Tigrinya"));
            plusOne.tap();
            plusOne.tap();
            plusOne.tap();
            plusFive.tap();
            assertThat(recorded).hasText("8");
            assertThat(queue).hasText(EVERYTHING_SENT);
            Locator undo = page.locator("#undo button");
            assertThat(undo).hasText("Undo your last entry (5 passengers)");
            assertThat(heading(page)).hasText(FLIGHT);
            checkAccessibility(page);
            assertEquals(8, serverTotal(api, planned).passengers(), "the server's total before the signal drops");

            // Within moments of opening, the page has put itself in the service worker's care and kept a
            // copy of itself on the phone. (waitForFunction polls only a predicate that answers at once:
            // the cache's asynchronous answer is noted on the window for the next poll.)
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            page.waitForFunction("() => { caches.match(location.href)"
                    + ".then((copy) => { window.tallyCopyKept = !!copy; }); return window.tallyCopyKept === true; }",
                    null, new Page.WaitForFunctionOptions().setPollingInterval(100));

            // The signal drops: the taps are kept on the phone.
            phone.setOffline(true);
            plusOne.tap();
            plusOne.tap();
            assertThat(queue).containsText(TWO_WAITING);
            assertThat(queue).containsText("You are offline");
            assertThat(recorded).hasText("10");

            // A reload without a signal brings the page back from the phone, with what is waiting.
            com.microsoft.playwright.Response reloaded = page.reload();
            assertTrue(reloaded != null && reloaded.fromServiceWorker(),
                    "the tally page did not come back from the service worker without a signal");
            assertThat(heading(page)).hasText(FLIGHT);
            assertThat(queue).containsText(TWO_WAITING);
            assertThat(recorded).hasText("10");
            assertThat(plusOne).isVisible();

            // The signal returns: what was waiting is sent.
            phone.setOffline(false);
            assertThat(queue).hasText(EVERYTHING_SENT, new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            assertThat(recorded).hasText("10");
            assertThat(undo).hasText("Undo your last entry (1 passenger)");
            checkAccessibility(page);

            // Spoken at the gate, Tigrinya is now one of the boxes of the languages most likely here.
            page.reload();
            assertThat(page.getByLabel("Tigrinya", new Page.GetByLabelOptions().setExact(true))).isVisible();
        }

        Total total = serverTotal(api, planned);
        assertEquals(10, total.passengers(), "the server's total once the signal is back");
        assertEquals(Map.of(planned.flightId(), 10L), total.byFlight(), "the server's total for " + FLIGHT);
    }

    /** An operation under way today at Stansted, with FR1234 from Sofia monitored, planned through the API. */
    private Planned planTodaysOperationWithAMonitoredFlight() {
        ApiFixtures given = given();
        String agencyId = given.agencyNamed("Hertfordshire Constabulary", "POLICE");
        String officer = given.tokenOf(given.userWithEmail("Olly Officer", OFFICER_EMAIL, agencyId, "COORDINATOR",
                "OFFICER"));

        LocalDate today = LocalDate.now(PORT_TIME);
        String operationId = given.operation().named(OPERATION).between(today.minusDays(1), today.plusDays(1))
                .focusedOnExploitation("SEXUAL").withPartners(agencyId).plannedBy(officer);
        String flightId = given.flight(operationId, FLIGHT, "ARRIVAL", "SOF", today + "T23:59", officer);
        JsonNode monitored = given.monitor(operationId, flightId, officer);
        assertEquals("MONITORING", monitored.path("status").asString(), monitored.toString());
        return new Planned(today, operationId, UUID.fromString(flightId), officer);
    }

    private record Planned(LocalDate today, String operationId, UUID flightId, String officer) {
    }

    private record Total(long passengers, Map<UUID, Long> byFlight) {
    }

    private static Total serverTotal(ApiClient api, Planned planned) {
        Response response = api.get("/api/v1/operations/" + planned.operationId() + "/engagements/total",
                planned.officer());
        assertEquals(200, response.status(), response.raw().body());
        Map<UUID, Long> byFlight = new HashMap<>();
        for (JsonNode flight : response.json().path("byFlight")) {
            byFlight.put(UUID.fromString(flight.path("flightId").asString()), flight.path("passengers").asLong());
        }
        return new Total(response.json().path("passengers").asLong(), byFlight);
    }

                        }
