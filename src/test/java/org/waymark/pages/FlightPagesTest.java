package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.engagement.Tally;
import org.waymark.flight.AnotherNode;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.flight.ImportJobs;
import org.waymark.flight.ImportResult;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.shared.OperationId;
import org.waymark.support.TestClock;

import tools.jackson.databind.json.JsonMapper;

/** The flight pages, the board and the tally without JavaScript, as people see them. */
class FlightPagesTest extends PageTests {

    @org.springframework.beans.factory.annotation.Autowired
    PassengerDataIntake intake;
    @org.springframework.beans.factory.annotation.Autowired
    DataSource dataSource;
    @org.springframework.beans.factory.annotation.Autowired
    PlatformTransactionManager transactions;
    @org.springframework.beans.factory.annotation.Autowired
    JsonMapper json;

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
        assertThat(status(as("coordinator@flights.test", get(progress.replace(operation.toString(),
                anotherOperation().toString()))))).as("the same import under another operation").isEqualTo(404);

        // Another node of the cluster, on the same database, finds the import and its result.
        UUID job = UUID.fromString(progress.substring(progress.lastIndexOf('/') + 1));
        ImportJobs anotherNode = AnotherNode.importJobs(dataSource, flights, json, Clock.systemUTC());
        try {
            var found = anotherNode.find(job, new OperationId(operation), principal("coordinator@flights.test"));
            assertThat(found).hasValueSatisfying(there -> assertThat(there.result()).isEqualTo(new ImportResult(1, 1,
                    List.of(new ImportResult.Rejection(4, "The direction must be arrival or departure")))));
            assertThat(anotherNode.find(job, new OperationId(operation), principal("officer@flights.test"))).isEmpty();
        } finally {
            anotherNode.destroy();
        }
    }

    @Test
    void anImportOfAFileThatCannotBeReadSaysWhyAndOffersAnotherFile() throws Exception {
        String progress = mvc.perform(as("coordinator@flights.test", multipart("/operations/" + operation
                + "/flights/import").file(new MockMultipartFile("file", "schedule.csv", "text/csv",
                        "flight,when\nFR3021,tomorrow\n".getBytes(StandardCharsets.UTF_8))).with(csrf())))
                .andReturn().getResponse().getRedirectedUrl();

        Document page = pageUntil(progress, shown -> !shown.select(".govuk-error-summary").isEmpty());
        assertThat(page.select(".govuk-error-summary").text()).contains(
                "The first line must be the header flight_number,airline,direction,airport,scheduled");
        assertThat(page.select("a[href$=/flights/import]").text()).isEqualTo("Choose another file");
        assertThat(page.select("[data-reload-every]")).isEmpty();
    }

    /**
     * An import running on another node of the cluster: this node's page shows how far it has
     * got while the file is still being saved, in the import's one transaction, then its result.
     */
    @Test
    void anImportRunningOnAnotherNodeShowsItsProgressHereThenItsResult() throws Exception {
        CountDownLatch wholeFileRead = new CountDownLatch(1);
        TestClock clockThere = new TestClock();
        ImportJobs anotherNode = AnotherNode.importJobs(dataSource, savingFlights(2000, clockThere, wholeFileRead),
                json, clockThere);
        try {
            UUID job = anotherNode.start(new OperationId(operation), new byte[0],
                    principal("coordinator@flights.test"));
            String progress = "/operations/" + operation + "/flights/import/" + job;

            Document running = pageUntil(progress, page -> page.text().contains("2,000 flights saved so far"));
            assertThat(running.select("h1").text()).isEqualTo("Importing the schedule");
            assertThat(running.select("[data-reload-every]")).as("the page refreshes itself").hasSize(1);
            assertThat(status(as("officer@flights.test", get(progress)))).isEqualTo(404);

            wholeFileRead.countDown();
            Document finished = pageUntil(progress, page -> page.select("#accepted").size() == 1);
            assertThat(finished.select("h1").text()).isEqualTo("Import finished");
            assertThat(finished.select("#accepted").text()).isEqualTo("2000");
            assertThat(finished.select("[data-reload-every]")).isEmpty();
        } finally {
            wholeFileRead.countDown();
            anotherNode.destroy();
        }
    }

    /**
     * A node that died in the middle of an import leaves it unfinished, its last heartbeat three
     * minutes old: the page says it stopped, how far it got and what to do, and never that it is
     * still running.
     */
    @Test
    void anImportWhoseNodeStoppedIsShownAsStoppedWithItsCountAndAWayBackToTheForm() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        // The other node's clock is set back, so that what it writes is as old as a dead node's last word.
        TestClock threeMinutesAgo = new TestClock();
        threeMinutesAgo.advance(Duration.ofMinutes(-3).minus(SAVING_TAKES));
        ImportJobs deadNode = AnotherNode.importJobs(dataSource, savingFlights(2000, threeMinutesAgo, never), json,
                threeMinutesAgo);
        try {
            UUID job = deadNode.start(new OperationId(operation), new byte[0], principal("coordinator@flights.test"));
            String progress = "/operations/" + operation + "/flights/import/" + job;

            Document stopped = pageUntil(progress, page -> page.text().contains("2,000 flights"));
            assertThat(stopped.title()).startsWith("The import stopped");
            assertThat(stopped.select("h1").text()).isEqualTo("The import stopped");
            assertThat(stopped.select(".govuk-warning-text").text()).contains(
                    "This import stopped before it finished, after 2,000 flights of the file.",
                    "so they are most likely not saved");
            assertThat(stopped.text()).contains("Flights already saved are skipped as duplicates")
                    .doesNotContain("Importing the schedule", "saved so far", "Import finished");
            assertThat(stopped.select("[data-reload-every]")).as("no refreshing of an import that is not running")
                    .isEmpty();
            assertThat(stopped.select("a#import-again").text()).isEqualTo("Import the file again");
            assertThat(stopped.select("a#import-again").attr("href"))
                    .isEqualTo("/operations/" + operation + "/flights/import");

            assertThat(status(as("officer@flights.test", get(progress)))).isEqualTo(404);
            assertThat(status(as("coordinator@flights.test", get(progress.replace(operation.toString(),
                    anotherOperation().toString()))))).isEqualTo(404);
        } finally {
            never.countDown();
            deadNode.destroy();
        }
    }

    /**
     * An import that saves no flight for minutes, waiting its turn or on a slow database, is
     * still running while its node holds it: the node's heartbeat keeps it from being shown as
     * stopped.
     */
    @Test
    void anImportItsNodeStillHoldsIsRunningThoughNoFlightWasSavedForMinutes() throws Exception {
        CountDownLatch wholeFileRead = new CountDownLatch(1);
        TestClock clockThere = new TestClock();
        clockThere.advance(Duration.ofMinutes(-3).minus(SAVING_TAKES));
        ImportJobs slowNode = AnotherNode.importJobs(dataSource, savingFlights(0, clockThere, wholeFileRead), json,
                clockThere);
        try {
            UUID job = slowNode.start(new OperationId(operation), new byte[0], principal("coordinator@flights.test"));
            String progress = "/operations/" + operation + "/flights/import/" + job;
            assertThat(pageUntil(progress, page -> page.select("h1").text().equals("The import stopped")).text())
                    .as("three minutes without a word").contains("after no flights of the file");

            clockThere.advance(Duration.ofMinutes(3));
            AnotherNode.beat(slowNode);

            Document running = page(as("coordinator@flights.test", get(progress)));
            assertThat(running.select("h1").text()).isEqualTo("Importing the schedule");
            assertThat(running.text()).contains("No flights saved so far").doesNotContain("The import stopped");
        } finally {
            wholeFileRead.countDown();
            slowNode.destroy();
        }
    }

    /** How long the stand-in for saving a file moves its node's clock on, so that its count is written. */
    private static final Duration SAVING_TAKES = Duration.ofSeconds(2);

    /**
     * Flights saving a file as the real ones do, in one transaction: it reports the count saved
     * once its clock has moved on, then holds the transaction open until the whole file is read.
     */
    private Flights savingFlights(int saved, TestClock clock, CountDownLatch wholeFileRead) {
        Flights saving = Mockito.mock(Flights.class);
        Mockito.when(saving.importSchedule(ArgumentMatchers.any(), ArgumentMatchers.any(), ArgumentMatchers.any(),
                ArgumentMatchers.any())).thenAnswer(call -> new TransactionTemplate(transactions).execute(status -> {
                    clock.advance(SAVING_TAKES);
                    call.<IntConsumer>getArgument(3).accept(saved);
                    try {
                        wholeFileRead.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new ImportResult(saved, 0, List.of());
                }));
        return saving;
    }

    /** The page as the coordinator sees it, asked again every tenth of a second until it shows what is awaited. */
    private Document pageUntil(String path, Predicate<Document> awaited) throws Exception {
        Document page = page(as("coordinator@flights.test", get(path)));
        for (int i = 0; i < 50 && !awaited.test(page); i++) {
            Thread.sleep(100);
            page = page(as("coordinator@flights.test", get(path)));
        }
        assertThat(awaited).as(page.text()).accepts(page);
        return page;
    }

    private UUID anotherOperation() {
        return given.operation().namedUniquely("Another week of action")
                .plannedBy(principal("coordinator@flights.test")).value();
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
