package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;
import org.waymark.support.TestClock;

import tools.jackson.databind.JsonNode;

/**
 * An operation's results through the JSON API, exactly: the summary (monitored flights by
 * country and direction, passengers and leaflets, checks whatever their status, outcomes, and
 * referrals once submitted), the dashboard's breakdowns, open data with small counts
 * suppressed, the report exported only once its press summary is approved, yields across
 * operations; and who may have each. Passengers on a flight count on its day everywhere. Runs on
 * H2 and on PostgreSQL.
 */
@Import(TestClock.InUse.class)
class ResultsApiTest extends ApiTests {

    @Autowired
    TestClock clock;

    String charity;

    @BeforeAll
    void people() {
        charity = forcesWith("coordinator", "officer", "analyst", "navigator", "other force").charity();
    }

    @Test
    void theSummaryTellsTheWeekInExactFigures() {
        String operation = operation();
        monitored(operation, "FR1234", "ARRIVAL", "SOF");
        monitored(operation, "FB9011", "ARRIVAL", "KIV");
        monitored(operation, "TK1988", "DEPARTURE", "IST");
        monitored(operation, "W64301", "ARRIVAL", "SOF");
        flight(operation, "LS1401", "ARRIVAL", "SOF");
        tally(operation, 10, 2);
        tally(operation, 5, 0);
        String referred = check(operation);
        check(operation);
        referral(referred);
        assertThat(api.post("/api/v1/checks/" + referred + "/outcome", json(Map.of("outcomes", List.of(
                "NRM_REFERRAL", "SAFEGUARDING_ADVICE"))), as.get("officer")).status()).isEqualTo(200);

        JsonNode summary = api.get("/api/v1/operations/" + operation + "/summary", as.get("analyst")).json();

        assertThat(summary.path("operationId").asString()).isEqualTo(operation);
        assertThat(summary.path("name").asString()).isEqualTo("Week of action");
        assertThat(summary.path("port").asString()).isEqualTo("STN");
        assertThat(summary.path("startDate").asString()).isEqualTo("2026-09-16");
        assertThat(summary.path("flightsMonitored").asLong()).isEqualTo(4);
        assertThat(summary.path("flightsMonitoredByCountry").path("BG").asLong()).isEqualTo(2);
        assertThat(summary.path("flightsMonitoredByCountry").path("MD").asLong()).isEqualTo(1);
        assertThat(summary.path("flightsMonitoredByCountry").path("TR").asLong()).isEqualTo(1);
        assertThat(summary.path("arrivalsMonitored").asLong()).isEqualTo(3);
        assertThat(summary.path("departuresMonitored").asLong()).isEqualTo(1);
        assertThat(summary.path("passengersEngaged").asLong()).isEqualTo(15);
        assertThat(summary.path("leaflets").asLong()).isEqualTo(2);
        assertThat(summary.path("enhancedChecks").asLong()).isEqualTo(2);
        assertThat(summary.path("nrmReferrals").asLong()).isEqualTo(1);
        assertThat(summary.path("dutyToNotify").asLong()).isZero();
        assertThat(summary.path("childReferrals").asLong()).isZero();
        assertThat(summary.path("outcomes").path("NRM_REFERRAL").asLong()).isEqualTo(1);
        assertThat(summary.path("outcomes").path("SAFEGUARDING_ADVICE").asLong()).isEqualTo(1);
        assertThat(summary.path("outcomes").path("NO_FURTHER_ACTION").asLong()).isZero();
        assertThat(summary.path("referralsOwed").asLong()).as("the referral outcome was submitted").isZero();
    }

    /**
     * A flight chosen for monitoring counts as monitored once its time has come at the port (or
     * once done); until then it is still to come, in the summary, the days, open data and yields.
     */
    @Test
    void aFlightChosenWhoseTimeIsStillToComeIsNotCountedAsMonitored() {
        String kent = given.agency("Kent Police", "POLICE");
        String coordinator = given.user("kent-coordinator", kent, "COORDINATOR");
        String analyst = given.user("kent-analyst", kent, "ANALYST");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String operation = given.operation().between(today.minusDays(1), today.plusDays(2)).focusedOn("BG", "MD")
                .plannedBy(coordinator);
        String yesterday = today.minusDays(1) + "T09:00";
        String tomorrow = today.plusDays(1) + "T09:00";
        given.monitor(operation, given.flight(operation, "FR1234", "ARRIVAL", "SOF", yesterday, coordinator),
                coordinator);
        given.monitor(operation, given.flight(operation, "FB9011", "ARRIVAL", "KIV", tomorrow, coordinator),
                coordinator);
        given.monitor(operation, given.flight(operation, "W64301", "DEPARTURE", "SOF", tomorrow, coordinator),
                coordinator);

        JsonNode summary = api.get("/api/v1/operations/" + operation + "/summary", analyst).json();
        assertThat(summary.path("flightsMonitored").asLong()).isEqualTo(1);
        assertThat(summary.path("flightsMonitoredByCountry").path("BG").asLong()).isEqualTo(1);
        assertThat(summary.path("flightsMonitoredByCountry").has("MD")).isFalse();
        assertThat(summary.path("arrivalsMonitored").asLong()).isEqualTo(1);
        assertThat(summary.path("departuresMonitored").asLong()).isZero();
        assertThat(summary.path("flightsStillToCome").asLong()).isEqualTo(2);

        JsonNode dashboard = api.get("/api/v1/operations/" + operation + "/dashboard", analyst).json();
        assertThat(rows(dashboard.path("byDay"), "day", "flightsMonitored")).containsExactly(
                today.minusDays(1) + " 1", today + " 0", today.plusDays(1) + " 0", today.plusDays(2) + " 0");
        assertThat(rows(dashboard.path("byCountry"), "name", "flightsMonitored")).containsExactly("Bulgaria 1");
        assertThat(api.get("/api/v1/operations/" + operation + "/open-data", analyst).raw().body().split("\r\n"))
                .containsExactly("date,country,measure,outcome,count",
                        today.minusDays(1) + ",BG,flights_monitored,,<5");
        assertThat(rows(api.get("/api/v1/yields", analyst).json().path("byCountry"), "country", "flightsMonitored"))
                .containsExactly("BG 1");
    }

    @Test
    void theSummaryCountsTheReferralsOwedUntilTheyAreSubmitted() {
        String operation = operation();
        String adult = check(operation);
        close(adult, "NRM_REFERRAL");
        Map<String, Object> child = new HashMap<>(Map.of("location", "Arrivals hall", "category", "POTENTIAL_VICTIM",
                "person", Map.of("name", "Ana", "under18", "NOT_SURE")));
        close(given.check(operation, child, as.get("officer")), "NRM_REFERRAL", "CHILD_SAFEGUARDING_REFERRAL");
        String declined = check(operation);
        close(declined, "DUTY_TO_NOTIFY");
        close(check(operation), "SAFEGUARDING_ADVICE");
        check(operation);

        JsonNode summary = api.get("/api/v1/operations/" + operation + "/summary", as.get("analyst")).json();
        assertThat(summary.path("referralsOwed").asLong()).isEqualTo(3);
        assertThat(summary.path("nrmReferrals").asLong()).isZero();
        assertThat(api.get("/api/v1/operations/" + operation + "/dashboard", as.get("coordinator")).json()
                .path("summary").path("referralsOwed").asLong()).isEqualTo(3);

        referral(adult);
        Response started = api.post("/api/v1/checks/" + declined + "/referral", json(Map.of("consent", Map.of(
                "given", false, "explainedBy", "PC Olu Officer", "language", "bg", "interpreterUsed", false, "at",
                Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))),
                as.get("officer"));
        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);

        JsonNode after = api.get("/api/v1/operations/" + operation + "/summary", as.get("officer")).json();
        assertThat(after.path("referralsOwed").asLong()).as("a Duty to Notify started is owed until submitted")
                .isEqualTo(2);
        assertThat(after.path("nrmReferrals").asLong()).isEqualTo(1);
    }

    @Test
    void theResultsAreForCoordinatorsOfficersAndAnalystsTakingPart() {
        String operation = "/api/v1/operations/" + operation();

        for (String path : List.of("/summary", "/dashboard", "/open-data", "/report")) {
            //                                            coord officer analyst navig other admin
            assertThat(as.values().stream().map(who -> api.get(operation + path, who).status()).toList())
                    .as(path).containsExactly(200, 200, 200, 403, 404, 403);
        }
        assertThat(as.values().stream().map(who -> api.get("/api/v1/yields", who).status()).toList())
                .containsExactly(200, 200, 200, 403, 200, 403);
        assertThat(as.values().stream().map(who -> api.put(operation + "/report/press-summary",
                json(Map.of("text", "Officers spoke to passengers.")), who).status()).toList())
                .containsExactly(200, 403, 403, 403, 404, 403);
    }

    @Test
    void officersAndCoordinatorsOfACharityTakingPartSeeTheResultsWithoutResponseTimes() {
        String operation = operation();
        tally(operation, 7, 1);
        check(operation);

        for (String role : List.of("COORDINATOR", "OFFICER")) {
            String who = given.user("charity-" + role.toLowerCase(), charity, role);
            for (String path : List.of("/summary", "/dashboard", "/open-data", "/report")) {
                Response response = api.get("/api/v1/operations/" + operation + path, who);
                assertThat(response.status()).as(role + " " + path + ": " + response.raw().body()).isEqualTo(200);
            }
            JsonNode dashboard = api.get("/api/v1/operations/" + operation + "/dashboard", who).json();
            assertThat(dashboard.path("summary").path("passengersEngaged").asLong()).as(role).isEqualTo(7);
            assertThat(dashboard.path("responseTimes")).as(role).isEmpty();
        }
    }

    @Test
    void theDashboardBreaksTheSameFiguresDown() {
        String operation = operation();
        String sofia = monitored(operation, "FR1234", "ARRIVAL", "SOF");
        String chisinau = monitored(operation, "FB9011", "ARRIVAL", "KIV");
        monitored(operation, "TK1979", "ARRIVAL", "IST");
        flight(operation, "LS1401", "ARRIVAL", "MAN");
        tallyOn(operation, sofia, 12, 4, List.of("bg", "en"));
        tallyOn(operation, sofia, 3, 0, List.of("bg"));
        tallyOn(operation, chisinau, 6, 1, List.of("ro"));
        tally(operation, 2, 1);
        check(operation, sofia);
        check(operation, null);

        JsonNode dashboard = api.get("/api/v1/operations/" + operation + "/dashboard", as.get("analyst")).json();

        assertThat(dashboard.path("summary").path("passengersEngaged").asLong()).isEqualTo(23);
        assertThat(dashboard.path("linksToRecords").asBoolean()).isFalse();
        assertThat(rows(dashboard.path("byCountry"), "name", "passengers", "flightsMonitored", "checks"))
                .containsExactly("Bulgaria 15 1 1", "Moldova 6 1 0", "Turkey 0 1 0", "null 2 0 1");
        assertThat(dashboard.path("byFlight")).as("analysts see figures summed over flights, never a flight")
                .isEmpty();
        assertThat(api.get("/api/v1/operations/" + operation + "/flights", as.get("analyst")).status())
                .as("as the flight API refuses them flights")
                .isEqualTo(403);
        assertThat(dashboard.path("flightsWithPassengers").asLong()).isEqualTo(2);
        assertThat(rows(api.get("/api/v1/operations/" + operation + "/dashboard", as.get("officer")).json()
                .path("byFlight"), "flightNumber", "passengers", "bar"))
                .as("busiest first, then monitored flights without passengers")
                .containsExactly("FR1234 15 100", "FB9011 6 40", "TK1979 0 0");
        assertThat(rows(dashboard.path("byLocation"), "location", "passengers")).containsExactly("Arrivals hall 2");
        assertThat(rows(dashboard.path("byLanguage"), "code", "name", "passengers"))
                .containsExactly("bg Bulgarian 15", "en English 12", "ro Romanian 6");
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        assertThat(rows(dashboard.path("byDay"), "day", "passengers", "leaflets", "flightsMonitored", "checks"))
                .as("passengers on a flight on its day, those in the hall on the day they were met")
                .contains("2026-09-16 0 0 0 0", "2026-09-17 21 5 3 0", today + " 2 1 0 2");
        assertThat(api.get("/api/v1/operations/" + operation + "/dashboard", as.get("coordinator")).json()
                .path("linksToRecords").asBoolean()).isTrue();
    }

    @Test
    void theDashboardListsAsManyOfTheBusiestFlightsAsAskedFor() {
        String operation = operation();
        String sofia = monitored(operation, "FR1234", "ARRIVAL", "SOF");
        String chisinau = monitored(operation, "FB9011", "ARRIVAL", "KIV");
        tallyOn(operation, sofia, 2, 0, List.of());
        tallyOn(operation, chisinau, 5, 0, List.of());
        String dashboard = "/api/v1/operations/" + operation + "/dashboard";

        JsonNode one = api.get(dashboard + "?flights=1", as.get("officer")).json();
        assertThat(rows(one.path("byFlight"), "flightNumber", "passengers")).containsExactly("FB9011 5");
        assertThat(one.path("flightsWithPassengers").asLong()).isEqualTo(2);
        assertThat(rows(api.get(dashboard + "?flights=all", as.get("officer")).json().path("byFlight"),
                "flightNumber", "passengers")).containsExactly("FB9011 5", "FR1234 2");
        assertThat(api.get(dashboard + "?flights=all", as.get("analyst")).json().path("byFlight")).isEmpty();
        for (String wrong : List.of("0", "-3", "lots")) {
            Response refused = api.get(dashboard + "?flights=" + wrong, as.get("analyst"));
            assertThat(refused.status()).as(wrong).isEqualTo(400);
            assertThat(refused.json().path("detail").asString())
                    .isEqualTo("Flights must be a whole number above 0, or all.");
        }
    }

    @Test
    void openDataShowsCountsUnderFiveAsLessThanFive() {
        String operation = operation();
        String sofia = monitored(operation, "FR1234", "ARRIVAL", "SOF");
        tallyOn(operation, sofia, 7, 5, List.of("bg"));
        tally(operation, 3, 0);
        check(operation, sofia);

        Response csv = api.get("/api/v1/operations/" + operation + "/open-data", as.get("analyst"));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        assertThat(csv.raw().body().split("\r\n")).containsExactly(
                "date,country,measure,outcome,count",
                "2026-09-17,BG,flights_monitored,,<5",
                "2026-09-17,BG,leaflets,,5",
                "2026-09-17,BG,passengers_engaged,,7",
                today + ",,passengers_engaged,,<5",
                today + ",BG,enhanced_checks,,<5");
    }

    /**
     * Passengers of a flight tapped in the morning after it (as from a phone that sent its queue
     * late) count on the flight's day wherever days are shown; those met in the hall that morning,
     * on that morning.
     */
    @Test
    void aTallyMadeTheDayAfterItsFlightCountsOnTheFlightsDayEverywhere() throws Exception {
        String operation = operation();
        String sofia = monitored(operation, "FR1234", "ARRIVAL", "SOF");
        Duration toNextMorning = Duration.between(clock.instant(),
                LocalDate.of(2026, 9, 18).atTime(8, 30).atZone(ZoneId.of("Europe/London")).toInstant());
        clock.advance(toNextMorning);
        try {
            tallyOn(operation, sofia, 12, 4, List.of("bg"));
            tally(operation, 3, 1);
        } finally {
            clock.advance(toNextMorning.negated());
        }

        assertThat(api.get("/api/v1/operations/" + operation + "/summary", as.get("analyst")).json()
                .path("passengersEngaged").asLong()).isEqualTo(15);
        JsonNode dashboard = api.get("/api/v1/operations/" + operation + "/dashboard", as.get("coordinator")).json();
        assertThat(rows(dashboard.path("byDay"), "day", "passengers", "leaflets", "flightsMonitored"))
                .as("day by day").containsExactly("2026-09-16 0 0 0", "2026-09-17 12 4 1", "2026-09-18 3 1 0",
                        "2026-09-19 0 0 0");
        assertThat(rows(dashboard.path("byFlight"), "flightNumber", "date", "passengers")).as("busiest flights")
                .containsExactly("FR1234 2026-09-17 12");
        assertThat(api.get("/api/v1/operations/" + operation + "/open-data", as.get("analyst")).raw().body()
                .split("\r\n")).as("open data").containsExactly(
                        "date,country,measure,outcome,count",
                        "2026-09-17,BG,flights_monitored,,<5",
                        "2026-09-17,BG,leaflets,,<5",
                        "2026-09-17,BG,passengers_engaged,,12",
                        "2026-09-18,,leaflets,,<5",
                        "2026-09-18,,passengers_engaged,,<5");

        String report = "/api/v1/operations/" + operation + "/report";
        api.put(report + "/press-summary", json(Map.of("text", "Officers spoke to 15 passengers.", "approved", true)),
                as.get("coordinator"));
        assertThat(api.get(report + ".csv", as.get("analyst")).raw().body()).as("the report's CSV")
                .contains("passengers_engaged,day,2026-09-17,12\r\n", "passengers_engaged,day,2026-09-18,3\r\n");
    }

    @Test
    void theReportIsExportedOnlyOnceItsPressSummaryIsApproved() throws Exception {
        String operation = operation();
        monitored(operation, "FR1234", "ARRIVAL", "SOF");
        monitored(operation, "TK1988", "DEPARTURE", "IST");
        for (int i = 0; i < 4; i++) {
            tally(operation, 400, 10);
        }
        String report = "/api/v1/operations/" + operation + "/report";

        JsonNode draft = api.get(report, as.get("coordinator")).json();
        assertThat(draft.path("saved").asBoolean()).isFalse();
        assertThat(draft.path("text").asString()).contains("From 16 to 19 September 2026",
                ", Essex Police", " worked with Justice & Care", "monitored two flights to and from Bulgaria and Turkey",
                "spoke to 1,600 passengers");
        assertThat(api.get(report, as.get("analyst")).json().path("text").isNull()).isTrue();
        assertProblemSaying(api.get(report + ".pdf", as.get("coordinator")), 409, "Approve the press summary");
        assertThat(api.put(report + "/press-summary", json(Map.of("text", " ")), as.get("coordinator")).status())
                .isEqualTo(422);
        assertThat(api.put(report + "/press-summary", json(Map.of("text", "x".repeat(4001))), as.get("coordinator"))
                .status()).isEqualTo(422);

        String text = "Officers spoke to 1,600 passengers at Stansted, in Bulgarian and English.";
        JsonNode approved = api.put(report + "/press-summary", json(Map.of("text", text, "approved", true)),
                as.get("coordinator")).json();
        assertThat(approved.path("approved").asBoolean()).isTrue();
        assertThat(approved.path("approvedBy").asString()).isEqualTo("coordinator");

        HttpResponse<byte[]> pdf = api.download(report + ".pdf", as.get("analyst"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String read = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(read).contains("Results: Week of action", text, "Approved by coordinator",
                    "Passengers spoken to 1,600", "Flights monitored 2", "Bulgaria 1 0 0", "NRM referral 0");
        }
        Response csv = api.get(report + ".csv", as.get("officer"));
        assertThat(csv.raw().body()).startsWith("measure,by,item,count\r\n")
                .contains("passengers_engaged,total,,1600\r\n", "flights_monitored,country,BG,1\r\n",
                        "passengers_engaged,location,Arrivals hall,1600\r\n");

        tally(operation, 1, 0);
        assertThat(api.get(report, as.get("coordinator")).json().path("stale").asBoolean()).isTrue();
        assertProblemSaying(api.get(report + ".csv", as.get("coordinator")), 409, "figures have changed");
        api.put(report + "/press-summary", json(Map.of("text", text, "approved", true)), as.get("coordinator"));
        assertThat(api.get(report + ".csv", as.get("coordinator")).status()).isEqualTo(200);
    }

    @Test
    void yieldsArePerThousandPassengersAcrossTheOperationsTakenPartIn() {
        String yorkshire = given.agency("Yorkshire Police", "POLICE");
        String coordinator = given.user("yorkshire-coordinator", yorkshire, "COORDINATOR");
        String officer = given.user("yorkshire-officer", yorkshire, "OFFICER");
        String analyst = given.user("yorkshire-analyst", yorkshire, "ANALYST");
        String outsider = given.user("yorkshire-partner", charity, "PARTNER");
        for (String port : List.of("STN", "LBA")) {
            String operation = operation(coordinator, port);
            String sofia = monitored(operation, "FR1234", "ARRIVAL", "SOF", coordinator);
            String chisinau = monitored(operation, "FB9011", "ARRIVAL", "KIV", coordinator);
            for (int i = 0; i < 2; i++) {
                tallyOn(operation, sofia, 500, 0, List.of(), officer);
            }
            tallyOn(operation, chisinau, 250, 0, List.of(), officer);
            if (port.equals("STN")) {
                referral(check(operation, sofia, officer), officer);
                check(operation, sofia, officer);
            }
            check(operation, null, officer);
        }

        JsonNode yields = api.get("/api/v1/yields", analyst).json();

        assertThat(yields.path("operations").asInt()).isEqualTo(2);
        assertThat(rows(yields.path("byCountry"), "country", "flightsMonitored", "passengersEngaged", "enhancedChecks",
                "referrals", "checksPer1000", "referralsPer1000"))
                .containsExactly("BG 2 2000 2 1 1.0 0.5", "MD 2 500 0 0 0.0 0.0");
        assertThat(rows(yields.path("byRoute"), "port", "airport", "direction", "passengersEngaged", "enhancedChecks",
                "checksPer1000"))
                .containsExactly("STN SOF ARRIVAL 1000 2 2.0", "LBA SOF ARRIVAL 1000 0 0.0",
                        "LBA KIV ARRIVAL 250 0 0.0", "STN KIV ARRIVAL 250 0 0.0");
        assertThat(api.get("/api/v1/yields", as.get("other force")).json().path("byCountry").isEmpty()).isTrue();
        assertThat(api.get("/api/v1/yields", outsider).status()).isEqualTo(403);
    }

    private static List<String> rows(JsonNode list, String... fields) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : list) {
            rows.add(Stream.of(fields).map(field -> row.path(field).isNull() ? "null" : row.path(field).asString())
                    .collect(Collectors.joining(" ")));
        }
        return rows;
    }

    private static void assertProblemSaying(Response response, int status, String detail) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.json().path("detail").asString()).contains(detail);
    }

    private String operation() {
        return operation(as.get("coordinator"), "STN");
    }

    private String operation(String coordinator, String port) {
        return given.operation().at(port).focusedOn("BG", "MD", "TR").withPartners(charity).plannedBy(coordinator);
    }

    /** A flight on 17 September 2026, added by the coordinator; its id. */
    private String flight(String operation, String number, String direction, String airport) {
        return given.flight(operation, number, direction, airport, "2026-09-17T09:00", as.get("coordinator"));
    }

    /** A flight on 17 September 2026, added and monitored by the coordinator; its id. */
    private String monitored(String operation, String number, String direction, String airport) {
        return monitored(operation, number, direction, airport, as.get("coordinator"));
    }

    private String monitored(String operation, String number, String direction, String airport, String coordinator) {
        String flight = given.flight(operation, number, direction, airport, "2026-09-17T09:00", coordinator);
        given.monitor(operation, flight, coordinator);
        return flight;
    }

    private void tally(String operation, int passengers, int leaflets) {
        given.tally(operation, Map.of("location", "Arrivals hall", "passengers", passengers, "leaflets", leaflets),
                as.get("officer"));
    }

    private void tallyOn(String operation, String flight, int passengers, int leaflets, List<String> languages) {
        tallyOn(operation, flight, passengers, leaflets, languages, as.get("officer"));
    }

    private void tallyOn(String operation, String flight, int passengers, int leaflets, List<String> languages,
            String officer) {
        given.tally(operation, Map.of("flightId", flight, "passengers", passengers, "leaflets", leaflets,
                "languages", languages), officer);
    }

    private String check(String operation) {
        return check(operation, null, as.get("officer"));
    }

    private String check(String operation, String flight) {
        return check(operation, flight, as.get("officer"));
    }

    /** A check on the flight, or in the arrivals hall when the flight is null. */
    private String check(String operation, String flight, String officer) {
        Map<String, Object> where = new HashMap<>(Map.of("category", "POTENTIAL_VICTIM", "person", Map.of("name",
                "Elena", "under18", "NO", "gender", "FEMALE", "nationality", "BG")));
        where.put(flight == null ? "location" : "flightId", flight == null ? "Arrivals hall" : flight);
        String id = given.check(operation, where, officer);
        api.post("/api/v1/checks/" + id + "/indicators", json(Map.of("indicators", List.of(Map.of("code", "T01",
                "basis", "OBSERVED")))), officer);
        api.put("/api/v1/checks/" + id + "/account", json(Map.of("suspectedTypes", List.of("SEXUAL"), "account",
                "Offered work in a bar")), officer);
        return id;
    }

    /** Closes the check with these outcomes. */
    private void close(String check, String... outcomes) {
        Response closed = api.post("/api/v1/checks/" + check + "/outcome", json(Map.of("outcomes",
                List.of(outcomes))), as.get("officer"));
        assertThat(closed.status()).as(closed.raw().body()).isEqualTo(200);
    }

    /** A consenting adult's NRM referral, completed and submitted. */
    private void referral(String check) {
        referral(check, as.get("officer"));
    }

    private void referral(String check, String officer) {
        given.submittedReferral(check, Instant.now(), officer);
    }
}
