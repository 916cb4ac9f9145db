package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.waymark.engagement.Tally;
import org.waymark.flight.FlightView;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.shared.OperationId;

/** The flight pages, the board and the tally without JavaScript, as people see them. */
class FlightPagesTest extends PageTests {

    @org.springframework.beans.factory.annotation.Autowired
    PassengerDataIntake intake;

    UUID operation;
    FlightView sofia;

    @BeforeAll
    void data() {
        var police = given.agency("Essex Police", AgencyType.POLICE);
        given.user("Chris Coordinator", "coordinator@flights.test", police, Role.COORDINATOR);
        given.user("Olu Officer", "officer@flights.test", police, Role.OFFICER);
        given.user("Ari Analyst", "analyst@flights.test", police, Role.ANALYST);
        WaymarkUser coordinator = principal("coordinator@flights.test");
        OperationId id = given.operation().named("Week of action: Stansted Airport").plannedBy(coordinator);
        operation = id.value();
        sofia = given.arrival(id, "FR1234", "Ryanair", "SOF", LocalDateTime.of(2026, 9, 16, 7, 35), coordinator);
        given.arrival(id, "FR8812", "Ryanair", "DUB", LocalDateTime.of(2026, 9, 16, 14, 5), coordinator);
        flights.monitor(id, sofia.id(), coordinator);
    }

    @Test
    void theFlightsListMarksSuggestedFlights() throws Exception {
        Document page = page(as("coordinator@flights.test", get("/operations/" + operation + "/flights")));

        assertThat(page.select("h1").text()).isEqualTo("Flights");
        assertThat(page.select("tbody tr")).hasSize(2);
        assertThat(page.select("tbody tr").get(0).text()).contains("FR1234", "Sofia (SOF)", "Bulgaria", "Suggested",
                "Monitoring");
        assertThat(page.select("tbody tr").get(1).text()).contains("FR8812", "Ireland", "Scheduled")
                .doesNotContain("Suggested");
        assertThat(page.select("tbody tr").get(1).select("button").text()).isEqualTo("Monitor FR8812");
        // On a phone each flight is a card, its time the title and each value under its column's name.
        assertThat(cardsNamingTheirColumns(page)).containsExactly(List.of("Scheduled", "Flight", "Other airport",
                "Status", "Passengers on board", ""));
    }

    /**
     * Passenger data sent for a flight of the operation give it its passengers on board, in
     * figures, to all who see its flights; a flight no data came for says it is not known.
     */
    @Test
    void theFlightsListShowsThePassengersOnBoardThatPassengerDataCount() throws Exception {
        WaymarkUser coordinator = principal("coordinator@flights.test");
        OperationId id = given.operation().namedUniquely("Passenger data week")
                .between(java.time.LocalDate.of(2026, 9, 23), java.time.LocalDate.of(2026, 9, 24)).plannedBy(coordinator);
        FlightView wizz = given.arrival(id, "W64301", "Wizz Air", "SOF", LocalDateTime.of(2026, 9, 23, 12, 15),
                coordinator);
        given.arrival(id, "FR1234", "Ryanair", "SOF", LocalDateTime.of(2026, 9, 23, 7, 35), coordinator);
        intake.receive(Messages.paxlst("9231", "2609231030", "2609231215"), "flight pages test");

        for (String who : List.of("coordinator@flights.test", "officer@flights.test")) {
            Document page = page(as(who, get("/operations/" + id.value() + "/flights")));
            assertThat(page.select("thead th").eachText()).contains("Passengers on board");
            assertThat(page.select("tbody tr").get(0).text()).contains("FR1234");
            assertThat(page.select("tbody tr").get(0).select(".wm-passengers-on-board").text()).isEqualTo("Not known");
            assertThat(page.select("tbody tr").get(1).text()).contains("W64301");
            assertThat(page.select("tbody tr").get(1).select(".wm-passengers-on-board").text()).as(who).isEqualTo("2");
            assertThat(page.text()).as("counts, never names").doesNotContain("IVANOVA", "PETROV");
        }
        Document detail = page(as("officer@flights.test",
                get("/operations/" + id.value() + "/flights/" + wizz.id().value())));
        assertThat(detail.select(".govuk-summary-list__row").eachText()).contains("Passengers on board 2");
    }

    @Test
    void assigningOfficersSaysTheyWereSavedAndTicksThem() throws Exception {
        String flight = "/operations/" + operation + "/flights/" + sofia.id().value();
        String officer = page(as("coordinator@flights.test", get(flight))).select("input[name=officerIds]").stream()
                .filter(box -> box.parent().text().contains("Olu Officer")).findFirst().orElseThrow().val();

        var saved = mvc.perform(as("coordinator@flights.test", post(flight + "/officers").with(csrf())
                .param("officerIds", officer))).andReturn();
        Document page = page(as("coordinator@flights.test", get(saved.getResponse().getRedirectedUrl()))
                .flashAttrs(saved.getFlashMap()));

        assertThat(page.select(".govuk-notification-banner--success").text())
                .contains("Officers meeting this flight saved").doesNotContain("Operation");
        assertThat(page.select("input[value=" + officer + "]").hasAttr("checked")).isTrue();
    }

    @Test
    void addingAFlightByHandNamesEachMistake() throws Exception {
        Document page = page(as("coordinator@flights.test", post("/operations/" + operation + "/flights").with(csrf())
                .param("flightNumber", "Ryanair").param("airport", "QQQ").param("date.day", "16")
                .param("date.month", "9").param("date.year", "2026").param("time", "25:00")));

        assertThat(page.title()).startsWith("Error: Add a flight");
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly("Choose arrival or departure",
                "Enter the time as hours and minutes, like 07:35");
        assertThat(page.select("input#flightNumber").val()).isEqualTo("Ryanair");

        Document unknownAirport = page(as("coordinator@flights.test", post("/operations/" + operation + "/flights")
                .with(csrf()).param("flightNumber", "FR 3021").param("direction", "ARRIVAL").param("airport", "QQQ")
                .param("date.day", "16").param("date.month", "9").param("date.year", "2026").param("time", "11:50")));
        assertThat(unknownAirport.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter the code of an airport with scheduled flights, like SOF");
        assertThat(unknownAirport.select(".govuk-error-summary a").attr("href")).isEqualTo("#airport");

        Document sideways = page(as("coordinator@flights.test", post("/operations/" + operation + "/flights")
                .with(csrf()).param("flightNumber", "FR 3021").param("direction", "SIDEWAYS").param("airport", "KIV")
                .param("date.day", "16").param("date.month", "9").param("date.year", "2026").param("time", "11:50")));
        assertThat(sideways.select(".govuk-error-summary a").eachText())
                .containsExactly("The direction must be arrival or departure");
        assertThat(sideways.select("#direction-error").text()).contains("The direction must be arrival or departure")
                .doesNotContain("ARRIVAL", "SIDEWAYS");
    }

    @Test
    void anImportFromThePageShowsWhatLandedAndWhatWasRefused() throws Exception {
        String csv = "flight_number,airline,direction,airport,scheduled\n"
                + "FR3021,Ryanair,ARRIVAL,KIV,2026-09-17T11:50\n"
                + "FR3021,Ryanair,ARRIVAL,KIV,2026-09-17T11:50\n"
                + "FR3022,Ryanair,SIDEWAYS,KIV,2026-09-17T12:40\n";
        var started = mvc.perform(as("coordinator@flights.test", multipart("/operations/" + operation
                + "/flights/import").file(new MockMultipartFile("file", "schedule.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(csrf()))).andReturn().getResponse();
        String progress = started.getRedirectedUrl();
        assertThat(progress).contains("/flights/import/");

        Document page = null;
        for (int i = 0; i < 50; i++) {
            page = page(as("coordinator@flights.test", get(progress)));
            if (page.select("#accepted").size() == 1) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(page.select("h1").text()).isEqualTo("Import finished");
        assertThat(page.select("#accepted").text()).isEqualTo("1");
        assertThat(page.select("#duplicates").text()).isEqualTo("1");
        assertThat(page.select("#rejected").text()).isEqualTo("1");
        assertThat(page.select("tbody tr").text()).contains("4", "The direction must be arrival or departure")
                .doesNotContain("ARRIVAL", "DEPARTURE");
        assertThat(status(as("officer@flights.test", get(progress)))).isEqualTo(404);
    }

    @Test
    void aFlightsSummaryNamesItsAirportAndSaysNothingIsOptional() throws Exception {
        Document page = page(as("coordinator@flights.test", get("/operations/" + operation + "/flights/"
                + sofia.id().value())));

        assertThat(page.select(".govuk-summary-list").text()).contains("Sofia (SOF)", "Airline Ryanair")
                .doesNotContain("(optional)");
    }

    @Test
    void monitoringAllSuggestedFlightsOfADayKeepsToThatDay() throws Exception {
        WaymarkUser coordinator = principal("coordinator@flights.test");
        OperationId week = given.operation().named("Week of action: suggested flights").plannedBy(coordinator);
        FlightView wednesday = given.arrival(week, "FR1235", "Ryanair", "SOF", LocalDateTime.of(2026, 9, 16, 9, 0),
                coordinator);
        FlightView thursday = given.arrival(week, "FR1236", "Ryanair", "SOF", LocalDateTime.of(2026, 9, 17, 9, 0),
                coordinator);
        String flightsOfWeek = "/operations/" + week.value() + "/flights";

        Document day = page(as("coordinator@flights.test", get(flightsOfWeek + "?date=2026-09-16")));
        assertThat(day.select("form[action$=/monitor-suggested] button").text())
                .isEqualTo("Monitor the suggested flights of Wednesday 16 September");
        assertThat(day.select("form[action$=/monitor-suggested] input[name=date]").val()).isEqualTo("2026-09-16");

        var monitored = mvc.perform(as("coordinator@flights.test", post(flightsOfWeek + "/monitor-suggested")
                .with(csrf()).param("date", "2026-09-16"))).andReturn();
        assertThat(monitored.getResponse().getRedirectedUrl()).isEqualTo(flightsOfWeek + "?date=2026-09-16");
        Document after = page(as("coordinator@flights.test", get(flightsOfWeek + "?date=2026-09-16"))
                .flashAttrs(monitored.getFlashMap()));
        assertThat(after.select(".govuk-notification-banner").text()).contains("1 flight is now monitored");
        assertThat(after.select("tbody tr").text()).contains("FR1235", "Monitoring");

        Document all = page(as("coordinator@flights.test", get(flightsOfWeek)));
        assertThat(all.select("form[action$=/monitor-suggested] button").text())
                .isEqualTo("Monitor all suggested flights");
        assertThat(all.select("tbody tr:contains(" + thursday.flightNumber() + ")").text()).contains("Scheduled")
                .doesNotContain("Monitoring");
        assertThat(all.select("tbody tr:contains(" + wednesday.flightNumber() + ")").text()).contains("Monitoring");
    }

    @Test
    void importingWithoutAFileSaysSo() throws Exception {
        Document page = page(as("coordinator@flights.test", multipart("/operations/" + operation + "/flights/import")
                .with(csrf())));

        assertThat(page.title()).startsWith("Error:");
        assertThat(page.select(".govuk-error-summary a").text()).isEqualTo("Choose a CSV file to import");
    }

    @Test
    void theBoardShowsMonitoredFlightsWithPassengersSoFar() throws Exception {
        WaymarkUser officer = principal("officer@flights.test");
        given.tally(new OperationId(operation), new org.waymark.engagement.Tally(sofia.id(), null, 7, Set.of("bg"), 0),
                officer);

        Document page = page(as("officer@flights.test", get("/operations/" + operation + "/board?date=2026-09-16")));

        assertThat(page.select("h1").text()).isEqualTo("Monitored flights, Wednesday 16 September");
        assertThat(page.select("#board-rows tr")).hasSize(1);
        assertThat(page.select("#board-rows tr").text()).contains("07:35", "FR1234", "From Sofia (SOF), Bulgaria",
                "Monitoring");
        assertThat(Integer.parseInt(page.select("#board-rows td.govuk-table__cell--numeric")
                .not(".wm-passengers-on-board").text())).isGreaterThanOrEqualTo(7);
        assertThat(page.select("#board-rows td.wm-passengers-on-board").text()).as("no passenger data came")
                .isEqualTo("Not known");
        assertThat(page.select("#board-rows").attr("data-refresh-url")).contains("/board/rows?date=2026-09-16");
        assertThat(status(as("analyst@flights.test", get("/operations/" + operation + "/board")))).isEqualTo(403);
    }

    @Test
    void theTallyWorksWithoutJavaScriptAndADoubleSubmitCountsOnce() throws Exception {
        Document choose = page(as("officer@flights.test", get("/operations/" + operation + "/tally")));
        assertThat(choose.select("input#location").attr("maxlength")).isEqualTo(String.valueOf(Tally.MAX_LOCATION));

        String tally = "/operations/" + operation + "/tally?flight=" + sofia.id();
        Document page = page(as("officer@flights.test", get(tally)));
        String key = page.select("input[name=idempotencyKey]").val();
        long before = Long.parseLong(page.select("#recorded").text());

        for (int i = 0; i < 2; i++) {
            var response = mvc.perform(as("officer@flights.test", post("/operations/" + operation + "/tally")
                    .with(csrf()).param("flightId", sofia.id().toString()).param("add", "5")
                    .param("languages", "bg").param("idempotencyKey", key))).andReturn().getResponse();
            assertThat(response.getRedirectedUrl()).isEqualTo(tally);
        }

        Document after = page(as("officer@flights.test", get(tally)));
        assertThat(Long.parseLong(after.select("#recorded").text())).isEqualTo(before + 5);
        assertThat(after.select("#undo button").text()).isEqualTo("Undo your last entry (5 passengers)");
        assertThat(after.select("button[value=1]").attr("aria-label")).isEqualTo("Add 1 passenger");

        // One passenger reads as one, in the notice and on the undo button.
        var one = mvc.perform(as("officer@flights.test", post("/operations/" + operation + "/tally").with(csrf())
                .param("flightId", sofia.id().toString()).param("add", "1")
                .param("idempotencyKey", UUID.randomUUID().toString()))).andReturn();
        Document afterOne = page(as("officer@flights.test", get(tally)).flashAttrs(one.getFlashMap()));
        assertThat(afterOne.select(".govuk-notification-banner").text()).contains("1 passenger recorded")
                .doesNotContain("passengers");
        assertThat(afterOne.select("#undo button").text()).isEqualTo("Undo your last entry (1 passenger)");
        var two = mvc.perform(as("officer@flights.test", post("/operations/" + operation + "/tally").with(csrf())
                .param("flightId", sofia.id().toString()).param("count", "2").param("add", "typed")
                .param("idempotencyKey", UUID.randomUUID().toString()))).andReturn();
        assertThat(page(as("officer@flights.test", get(tally)).flashAttrs(two.getFlashMap()))
                .select(".govuk-notification-banner").text()).contains("2 passengers recorded");
        // A page sent without its key (a cached copy, say) says what to do in the page's words.
        var keyless = mvc.perform(as("officer@flights.test", post("/operations/" + operation + "/tally").with(csrf())
                .param("flightId", sofia.id().toString()).param("add", "1").param("idempotencyKey", ""))).andReturn();
        assertThat(page(as("officer@flights.test", get(tally)).flashAttrs(keyless.getFlashMap())).select("main").text())
                .contains("Nothing was counted: tap again to count it").doesNotContain("Idempotency-Key");
        assertThat(status(as("analyst@flights.test", get(tally)))).isEqualTo(403);
    }

    @Test
    void theTallyPageScriptIsAnsweredInJsonAndARefusalIsProblemJson() throws Exception {
        String path = "/operations/" + operation + "/tally";
        var taken = mvc.perform(as("officer@flights.test", post(path).with(csrf()).header("X-Tally", "script")
                .accept("application/json").param("flightId", sofia.id().toString()).param("passengers", "2")
                .param("idempotencyKey", UUID.randomUUID().toString()))).andReturn().getResponse();
        assertThat(taken.getStatus()).isEqualTo(201);
        assertThat(taken.getContentAsString()).contains("\"engagementId\"", "\"recorded\"", "\"asOf\"",
                "\"undoLabel\":\"Undo your last entry (2 passengers)\"");
        var one = mvc.perform(as("officer@flights.test", post(path).with(csrf()).header("X-Tally", "script")
                .accept("application/json").param("flightId", sofia.id().toString()).param("passengers", "1")
                .param("idempotencyKey", UUID.randomUUID().toString()))).andReturn().getResponse();
        assertThat(one.getContentAsString()).contains("\"undoLabel\":\"Undo your last entry (1 passenger)\"");

        var refused = mvc.perform(as("officer@flights.test", post(path).with(csrf()).header("X-Tally", "script")
                .accept("application/json").param("flightId", sofia.id().toString()).param("passengers", "many")
                .param("idempotencyKey", UUID.randomUUID().toString()))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":400",
                "\"detail\":\"Enter a number of passengers from 1 to 500\"");

        var controlCharacter = mvc.perform(as("officer@flights.test", post(path).with(csrf())
                .header("X-Tally", "script").accept("application/json").param("location", "Gate\u00007")
                .param("passengers", "2").param("idempotencyKey", UUID.randomUUID().toString())))
                .andReturn().getResponse();
        assertThat(controlCharacter.getStatus()).isEqualTo(400);
        assertThat(controlCharacter.getContentType()).startsWith("application/problem+json");
        assertThat(controlCharacter.getContentAsString()).contains("\"field\":\"location\"");
    }
}
