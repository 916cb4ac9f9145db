package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.waymark.engagement.Tally;
import org.waymark.flight.FlightView;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.reporting.Reports;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;

/**
 * The results pages as their readers see them: the dashboard's headline figures, charts and the
 * tables that hold the same figures, refreshed in place; analysts' figures without the records
 * behind them; the press summary drafted, refused when empty, approved, then the exports; the
 * yields; and every role against every page.
 */
class ResultsPagesTest extends PageTests {

    private static final String COORDINATOR = "coordinator@results.test";
    private static final String OFFICER = "officer@results.test";
    private static final String ANALYST = "analyst@results.test";
    private static final String NAVIGATOR = "navigator@results.test";
    private static final String OTHER_FORCE = "officer@elsewhere-results.test";
    private static final String ADMIN = "admin@results.test";
    private static final String CHARITY_COORDINATOR = "coordinator@salvation-results.test";
    private static final String CHARITY_OFFICER = "officer@salvation-results.test";

    String operation;

    @BeforeAll
    void data() {
        AgencySummary charity = given.forces("results.test", "Hertfordshire Police", "The Salvation Army",
                "The Elms SARC", "Bedfordshire Police").charity();
        given.user("Cass Coordinator", CHARITY_COORDINATOR, charity, Role.COORDINATOR);
        given.user("Obi Officer", CHARITY_OFFICER, charity, Role.OFFICER);
        OperationId id = given.operation().named("Week of action: Stansted Airport").from("BG", "MD")
                .withPartners(charity).plannedBy(principal(COORDINATOR));
        operation = id.value().toString();
        FlightView sofia = given.arrival(id, "FR1234", "Ryanair", "SOF", LocalDateTime.of(2026, 9, 17, 7, 35),
                principal(COORDINATOR));
        FlightView chisinau = given.arrival(id, "FR3021", "Ryanair", "KIV", LocalDateTime.of(2026, 9, 17, 11, 50),
                principal(COORDINATOR));
        flights.monitor(id, sofia.id(), principal(COORDINATOR));
        flights.monitor(id, chisinau.id(), principal(COORDINATOR));
        tally(id, new Tally(sofia.id(), null, 120, Set.of("bg"), 30));
        tally(id, new Tally(chisinau.id(), null, 60, Set.of("ro", "ru"), 12));
        tally(id, new Tally(null, "Arrivals hall", 9, Set.of(), 0));
        checks.start(id, new Checks.NewCheck(sofia.id(), null, PersonCategory.POTENTIAL_VICTIM, new Person("Elena",
                false, null, null, Under18.NO, null, null, Set.of(), null, null, null, null, null)),
                principal(OFFICER));
    }

    @Test
    void theDashboardShowsEachChartsFiguresAsATable() throws Exception {
        Document page = page(as(COORDINATOR, get("/operations/" + operation + "/results")));

        assertThat(page.select("h1").text()).isEqualTo("Results");
        // On a phone the days and the countries are cards, each figure under its column's name.
        assertThat(cardsNamingTheirColumns(page)).contains(
                List.of("Day", "Passengers", "Flights monitored", "Leaflets", "Checks", "Passengers on board",
                        "Spoken to on board"),
                List.of("Country", "Passengers", "Flights monitored", "Checks"));
        // No passenger data came for its flights: how many were on board is not known.
        assertThat(page.select("#table-by-day tbody tr").first().select("td").eachText()).endsWith("Not known",
                "Not known");
        assertThat(page.select("#engagement-rate").text()).isEqualTo("Not known");
        assertThat(page.select("#passengers-engaged").text()).isEqualTo("189");
        assertThat(page.select("#flights-monitored").text()).isEqualTo("2: 2 arrivals, 0 departures");
        assertThat(page.select("#enhanced-checks").text()).isEqualTo("1 See the checks");
        assertThat(page.select("#enhanced-checks a").attr("href")).isEqualTo("/operations/" + operation + "/checks");
        assertThat(page.select("#table-by-country tbody tr").eachText())
                .containsExactly("Bulgaria 120 1 1", "Moldova 60 1 0", "Not on a flight 9 0 0");
        assertThat(page.select("#by-country + .wm-chart .wm-chart__row").eachText())
                .containsExactly("Bulgaria 120", "Moldova 60", "Not on a flight 9");
        assertThat(page.select("#by-country + .wm-chart rect").eachAttr("width")).containsExactly("100", "50", "8");
        assertThat(page.select(".wm-chart").eachAttr("aria-hidden")).allMatch("true"::equals).isNotEmpty();
        assertThat(page.select("#table-by-language tbody tr").eachText())
                .containsExactly("Bulgarian 120", "Romanian 60", "Russian 60");
        assertThat(page.select("#table-by-flight tbody tr").eachText())
                .containsExactly("FR1234 From Sofia (SOF), Bulgaria Thu 17 September 120 Not known Not known",
                        "FR3021 From Chişinău (KIV), Moldova Thu 17 September 60 Not known Not known");
        assertThat(page.select("#table-by-place tbody tr").eachText()).containsExactly("Arrivals hall 9");
        assertThat(page.select("#table-by-day tbody tr").eachText()).as("tallied today, counted on the flights' day")
                .contains("Thu 17 September 180 2 42 0 Not known Not known");
        assertThat(page.select("#table-by-day caption").text()).endsWith("count on the flight’s day");
        assertThat(page.select("#table-by-outcome tbody tr").first().text()).isEqualTo("No further action 0");
        assertThat(page.select("#response-times + p").text()).isEqualTo("No partner has been called yet.");
        assertThat(page.select("#response-times ~ .wm-table-wrapper")).as("no empty table of response times").isEmpty();
        assertThat(page.select("#results-figures").attr("data-refresh-url"))
                .isEqualTo("/operations/" + operation + "/results/figures");

        tally(new OperationId(UUID.fromString(operation)), new Tally(null, "Arrivals hall", 11, Set.of(), 0));
        Document refreshed = page(as(COORDINATOR, get("/operations/" + operation + "/results/figures")));
        assertThat(refreshed.select("#results-figures #passengers-engaged").text()).isEqualTo("200");
        assertThat(refreshed.select("header, h1")).isEmpty();
    }

    @Test
    void analystsSeeTheFiguresWithoutTheRecordsBehindThem() throws Exception {
        assertThat(page(as(ANALYST, get("/operations/" + operation))).select("#results-link").attr("href"))
                .isEqualTo("/operations/" + operation + "/results");
        Document page = page(as(ANALYST, get("/operations/" + operation + "/results")));

        assertThat(page.select("main").text()).contains("You see the operation’s figures");
        assertThat(page.select("#enhanced-checks").text()).isEqualTo("1");
        assertThat(page.select("#enhanced-checks a")).isEmpty();
        assertThat(page.select("#table-by-country tbody tr")).hasSize(3);
        assertThat(page.html()).doesNotContain("Elena");
        assertThat(page.select("#by-flight, #table-by-flight")).as("figures summed over flights, never a flight")
                .isEmpty();
        assertThat(page.html()).doesNotContain("FR1234", "FR3021");
        assertThat(status(as(ANALYST, get("/operations/" + operation + "/flights"))))
                .as("as the flight pages refuse them flights").isEqualTo(403);
        assertThat(status(as(ANALYST, get("/operations/" + operation + "/board")))).isEqualTo(403);
    }

    @Test
    void theCoordinatorApprovesThePressSummaryBeforeTheReportIsExported() throws Exception {
        String report = "/operations/" + operation + "/results/report";
        Document draft = page(as(COORDINATOR, get(report)));
        assertThat(draft.select("textarea#text").text()).startsWith("From 16 to 19 September 2026, "
                + "Hertfordshire Police worked with The Salvation Army at London Stansted Airport")
                .containsPattern("monitored two flights from Bulgaria and Moldova and spoke to more than [0-9]+0 passengers");
        assertThat(draft.select("#exports")).isEmpty();
        assertThat(draft.select(".govuk-error-summary, .govuk-notification-banner")).as("nothing to report yet").isEmpty();
        assertThat(draft.select("#exports-waiting").text()).isEqualTo("Approve the press summary before exporting the report");
        MvcResult tooSoon = mvc.perform(as(ANALYST, get(report + ".pdf"))).andReturn();
        assertThat(tooSoon.getResponse().getStatus()).isEqualTo(303);
        assertThat(tooSoon.getResponse().getRedirectedUrl()).isEqualTo(report);
        assertThat(page(as(ANALYST, get(report)).flashAttrs(tooSoon.getFlashMap())).select(".govuk-error-summary")
                .text()).isEqualTo("There is a problem Approve the press summary before exporting the report");

        Document empty = page(as(COORDINATOR, post(report).with(csrf()).param("text", "  ").param("action", "approve")));
        assertThat(empty.title()).startsWith("Error: ");
        assertThat(empty.select(".govuk-error-summary a").eachText()).containsExactly("Enter the press summary");
        assertThat(empty.select(".govuk-error-summary a").attr("href")).isEqualTo("#text");
        assertThat(empty.select("#text-error")).hasSize(1);
        assertThat(draft.select(".govuk-character-count").attr("data-maxlength")).as("the length Reports takes")
                .isEqualTo(String.valueOf(Reports.MAX_LENGTH));
        String tooLongText = "x".repeat(Reports.MAX_LENGTH + 1);
        Document tooLong = page(as(COORDINATOR, post(report).with(csrf()).param("text", tooLongText).param("action", "save")));
        assertThat(tooLong.select(".govuk-error-summary a").eachText())
                .containsExactly("The press summary must be 4,000 characters or fewer");
        assertThat(tooLong.select("textarea#text").text()).as("what was typed is kept, to shorten").isEqualTo(tooLongText);

        MvcResult approved = mvc.perform(as(COORDINATOR, post(report).with(csrf())
                .param("text", "Officers spoke to 180 passengers.").param("action", "approve"))).andReturn();
        assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo(report);
        Document page = page(as(COORDINATOR, get(report)).flashAttrs(approved.getFlashMap()));
        assertThat(page.select(".govuk-notification-banner").text()).contains("Press summary approved");
        assertThat(page.select("strong.govuk-tag").text()).isEqualTo("Approved");
        assertThat(page.select("#exports a").eachAttr("href")).containsExactly(report + ".pdf", report + ".csv");

        Document analyst = page(as(ANALYST, get(report)));
        assertThat(analyst.select("form")).noneMatch(form -> form.attr("action").equals(report));
        assertThat(analyst.select("#press-summary").text()).isEqualTo("Officers spoke to 180 passengers.");
        assertThat(status(as(OFFICER, post(report).with(csrf()).param("text", "Changed").param("action", "save"))))
                .isEqualTo(403);
        String passengers = page(as(ANALYST, get("/operations/" + operation + "/results")))
                .select("#passengers-engaged").text();
        assertThat(mvc.perform(as(ANALYST, get(report + ".csv"))).andReturn().getResponse().getContentAsString())
                .contains("passengers_engaged,total,," + passengers + "\r\n", "passengers_engaged,country,BG,120\r\n")
                .doesNotContain("passengers_engaged,flight,");
        assertThat(mvc.perform(as(COORDINATOR, get(report + ".csv"))).andReturn().getResponse()
                .getContentAsString()).contains("passengers_engaged,flight,FR1234 2026-09-17,120\r\n");
    }

    @Test
    void theYieldsSayWhereChecksCameFrom() throws Exception {
        Document page = page(as(ANALYST, get("/results")));

        assertThat(page.select("h1").text()).isEqualTo("Where checks came from");
        assertThat(page.select("#yields-by-country tbody tr").eachText())
                .containsExactly("Bulgaria 1 120 1 0 8.3 0.0", "Moldova 1 60 0 0 0.0 0.0");
        assertThat(page.select("#yields-by-route tbody tr").first().text()).isEqualTo(
                "Sofia (SOF) → London Stansted (STN) Bulgaria 1 120 1 0 8.3 0.0 Not known Not known");
        // On a phone each country and each route is a card, every figure under its column's name.
        List<String> figures = List.of("Flights monitored", "Passengers", "Checks", "Referrals", "Checks per 1,000",
                "Referrals per 1,000");
        List<String> routeFigures = new java.util.ArrayList<>(figures);
        routeFigures.addAll(List.of("Passengers on board", "Spoken to on board"));
        assertThat(cardsNamingTheirColumns(page)).extracting(columns -> columns.subList(1, columns.size()))
                .containsExactly(figures, routeFigures);
    }

    @Test
    void everyRoleAgainstEveryPage() throws Exception {
        String results = "/operations/" + operation + "/results";
        Map<String, Page> pages = new LinkedHashMap<>();
        for (String path : List.of(results, results + "/figures", results + "/report", results + "/open-data.csv",
                "/results")) {
            pages.put(path, who -> get(path));
        }
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        // The charity's coordinator and officer take part in the operation through their agency.
        //                                    coord officer analyst navig other admin charity: coord officer
        expected.put(results, List.of(200, 200, 200, 403, 404, 403, 200, 200));
        expected.put(results + "/figures", List.of(200, 200, 200, 403, 404, 403, 200, 200));
        expected.put(results + "/report", List.of(200, 200, 200, 403, 404, 403, 200, 200));
        expected.put(results + "/open-data.csv", List.of(200, 200, 200, 403, 404, 403, 200, 200));
        expected.put("/results", List.of(200, 200, 200, 403, 200, 403, 200, 200));
        assertThat(statuses(pages, List.of(COORDINATOR, OFFICER, ANALYST, NAVIGATOR, OTHER_FORCE, ADMIN,
                CHARITY_COORDINATOR, CHARITY_OFFICER))).isEqualTo(expected);
    }

    private void tally(OperationId id, Tally tally) {
        given.tally(id, tally, principal(OFFICER));
    }
}
