package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.waymark.flight.FlightView;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationStatus;
import org.waymark.operation.Operations;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;
import org.waymark.support.Fixtures;

/** Where each role lands after signing in, and the officer's shift: the work at the gate first. */
class ShiftPagesTest extends PageTests {

    /** Stansted's day: the shift is today at the port. */
    private static final ZoneId STANSTED = ZoneId.of("Europe/London");

    @Autowired
    Operations operations;

    AgencySummary police;
    AgencySummary charity;
    OperationId today;
    UUID openCheck;
    UUID owedCheck;
    FlightView assigned;

    @BeforeAll
    void data() {
        police = given.agency("Shift Police", AgencyType.POLICE);
        charity = given.agency("Shift Charity", AgencyType.CHARITY);
        var quiet = given.agency("Quiet Police", AgencyType.POLICE);
        var busy = given.agency("Busy Police", AgencyType.POLICE);
        given.user("Cora Coordinator", "coordinator@shift.test", police, Role.COORDINATOR);
        given.user("Otto Officer", "officer@shift.test", police, Role.OFFICER);
        given.user("Pia Partner", "partner@shift.test", charity, Role.PARTNER);
        given.user("Ana Analyst", "analyst@shift.test", police, Role.ANALYST);
        given.user("Ada Admin", "admin@shift.test", police, Role.ADMIN);
        given.user("Quinn Quiet", "officer@quiet.shift.test", quiet, Role.OFFICER);
        given.user("Quill Quiet", "coordinator@quiet.shift.test", quiet, Role.COORDINATOR);
        given.user("Bea Busy", "coordinator@busy.shift.test", busy, Role.COORDINATOR);
        given.user("Bo Busy", "officer@busy.shift.test", busy, Role.OFFICER);

        WaymarkUser coordinator = principal("coordinator@shift.test");
        WaymarkUser officer = principal("officer@shift.test");
        LocalDate day = LocalDate.now(STANSTED);
        today = given.operation().named("Week of action: Stansted shift").around(day).withPartners(charity)
                .plannedBy(coordinator);
        operations.changeStatus(today, OperationStatus.ACTIVE, coordinator);
        // Next week's, and one closed early: neither is anyone's shift today.
        given.operation().named("Next week at Stansted").around(day.plusWeeks(1)).plannedBy(coordinator);
        OperationId closed = given.operation().named("Closed at Stansted").around(day).plannedBy(coordinator);
        operations.changeStatus(closed, OperationStatus.CLOSED, coordinator);

        assigned = given.arrival(today, "W64301", "Wizz Air", "SOF", LocalDateTime.now(STANSTED).plusHours(2),
                coordinator);
        flights.monitor(today, assigned.id(), coordinator);
        flights.assignOfficers(today, assigned.id(), Set.of(officer.id()), coordinator);
        FlightView another = given.arrival(today, "FR1234", "Ryanair", "KIV", LocalDateTime.now(STANSTED)
                .plusHours(3), coordinator);
        flights.monitor(today, another.id(), coordinator);

        openCheck = given.check(today, Fixtures.person("Ivana Petrova", Under18.NO), officer);
        given.navigatorAskedFor(openCheck, charity, officer);
        // Closed saying a referral is needed, and none submitted: the shift owes it.
        owedCheck = given.check(today, Person.typed("Elena Petrova", false, null, null, Under18.NO, Gender.FEMALE,
                "BG", List.of("bg"), null, null, null, null, null), officer);
        checks.close(owedCheck, EnumSet.of(Outcome.NRM_REFERRAL), null, officer);

        WaymarkUser busyCoordinator = principal("coordinator@busy.shift.test");
        // Dated today but not marked active while two others are: not among the choices.
        given.operation().named("Busy week, still planned").around(day).plannedBy(busyCoordinator);
        for (String port : List.of("STN", "LTN")) {
            OperationId busyToday = given.operation().named("Busy week at " + port).at(port).around(day)
                    .plannedBy(busyCoordinator);
            operations.changeStatus(busyToday, OperationStatus.ACTIVE, busyCoordinator);
        }
    }

    @Test
    void eachRoleStartsWhereTheirWorkIs() throws Exception {
        Map<String, String> landing = new java.util.LinkedHashMap<>();
        for (String who : List.of("officer@shift.test", "coordinator@shift.test", "partner@shift.test",
                "analyst@shift.test", "admin@shift.test")) {
            landing.put(who, mvc.perform(as(who, get("/"))).andReturn().getResponse().getRedirectedUrl());
        }
        assertThat(landing).containsExactly(Map.entry("officer@shift.test", "/shift"),
                Map.entry("coordinator@shift.test", "/shift"), Map.entry("partner@shift.test", "/requests"),
                Map.entry("analyst@shift.test", "/results"), Map.entry("admin@shift.test", "/operations"));
    }

    @Test
    void onlyOfficersAndCoordinatorsHaveAShift() throws Exception {
        for (String who : List.of("partner@shift.test", "analyst@shift.test")) {
            assertThat(status(as(who, get("/shift")))).as(who).isEqualTo(403);
            assertThat(status(as(who, get("/shift/choose")))).as(who).isEqualTo(403);
            assertThat(status(as(who, post("/shift").with(csrf()).param("operationId", today.value().toString()))))
                    .as(who).isEqualTo(403);
        }
        // With one operation under way there is nothing to choose.
        assertThat(mvc.perform(as("officer@shift.test", get("/shift/choose"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/shift");
    }

    @Test
    void theOfficersShiftLeadsWithTheWorkAtTheGate() throws Exception {
        Document page = page(as("officer@shift.test", get("/shift")));

        assertThat(page.select("h1").text()).isEqualTo("Your shift, "
                + LocalDate.now(STANSTED).format(DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK)));
        assertThat(page.select(".govuk-caption-m").text()).isEqualTo("Week of action: Stansted shift");
        // The three actions come first in the page, before any list.
        assertThat(page.select("main .govuk-button").eachText())
                .containsExactly("Tally passengers", "Today’s board", "Start an enhanced check");
        assertThat(page.select("#tally-action").attr("href")).isEqualTo("/operations/" + today + "/tally");
        assertThat(page.select("#board-action").attr("href")).isEqualTo("/operations/" + today + "/board");
        assertThat(page.select("#check-action").attr("href")).isEqualTo("/operations/" + today + "/checks/new");

        // Only the flight assigned to this officer, with its time at the port and where it comes from.
        assertThat(page.select("#my-flights li")).hasSize(1);
        assertThat(page.select("#my-flights li").text()).contains("W64301",
                assigned.scheduled().format(DateTimeFormatter.ofPattern("HH:mm")), "From Sofia (SOF), Bulgaria");
        assertThat(page.select("#my-checks a").attr("href")).isEqualTo("/checks/" + openCheck);
        assertThat(page.select("#my-support li").text()).contains("Requested", "Navigator, Shift Charity, asked at");
        assertThat(page.select("#operation-details").attr("href")).isEqualTo("/operations/" + today);
        assertThat(page.select("#referrals-owed h2").text()).isEqualTo("1 referral owed");
        assertThat(page.select("#owed-" + owedCheck + " a").attr("href")).isEqualTo("/checks/" + owedCheck + "/referral");
        // Only the phone knows what waits on it: the line is filled in by the script.
        assertThat(page.select("#waiting-here").hasAttr("hidden")).isTrue();
        assertThat(page.select("#waiting-here").attr("data-tally-queue"))
                .isEqualTo("waymark.tally." + principal("officer@shift.test").id() + "." + today);
    }

    @Test
    void theCoordinatorsShiftHoldsNoneOfTheOfficersWork() throws Exception {
        Document page = page(as("coordinator@shift.test", get("/shift")));

        assertThat(page.select("main .govuk-button").eachText()).contains("Tally passengers", "Today’s board");
        assertThat(page.select("#no-flights").text()).isEqualTo("No flights are assigned to you from now on.");
        assertThat(page.select("main").text()).contains("You have no open checks.",
                "You have not asked for support.");
    }

    @Test
    void withNothingUnderWayTheShiftSaysSo() throws Exception {
        Document page = page(as("officer@quiet.shift.test", get("/shift")));

        assertThat(page.select("#none-under-way").text())
                .isEqualTo("No operation you take part in is under way today.");
        assertThat(page.select("main a[href=/operations]").text()).isEqualTo("All operations");
        // A coordinator with nothing under way is planning: they go on to the operations.
        assertThat(mvc.perform(as("coordinator@quiet.shift.test", get("/shift"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/operations");
    }

    @Test
    void withSeveralUnderWayTheOfficerChoosesOnceAndItIsRemembered() throws Exception {
        Document choose = page(as("officer@busy.shift.test", get("/shift")));
        assertThat(choose.select("h1").text()).isEqualTo("Which operation are you working on today?");
        assertThat(choose.select("label.govuk-radios__label").eachText())
                .containsExactlyInAnyOrder("Busy week at STN", "Busy week at LTN");
        assertThat(choose.select(".govuk-radios__hint").eachText()).containsExactlyInAnyOrder("At STN", "At LTN");

        Document refused = page(as("officer@busy.shift.test", post("/shift").with(csrf())));
        assertThat(refused.title()).startsWith("Error: ");
        assertThat(refused.select(".govuk-error-summary a").eachText())
                .containsExactly("Choose the operation you are working on today");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#operationId");

        Document notUnderWay = page(as("officer@busy.shift.test", post("/shift").with(csrf())
                .param("operationId", today.value().toString())));
        assertThat(notUnderWay.select(".govuk-error-summary a").eachText())
                .containsExactly("Choose one of the operations under way today");
        Document notAnId = page(as("officer@busy.shift.test", post("/shift").with(csrf()).param("operationId", "x")));
        assertThat(notAnId.select(".govuk-error-summary a").eachText()).containsExactly("Choose from the list");

        String luton = choose.select("input[type=radio]").stream()
                .filter(radio -> choose.select("label[for=" + radio.id() + "]").text().contains("LTN"))
                .findFirst().orElseThrow().val();
        assertThat(mvc.perform(as("officer@busy.shift.test", post("/shift").with(csrf()).param("operationId", luton)))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/shift");

        Document shift = page(as("officer@busy.shift.test", get("/shift")));
        assertThat(shift.select(".govuk-caption-m").text()).isEqualTo("Busy week at LTN");
        assertThat(shift.select("a[href=/shift/choose]").text()).isEqualTo("Work on another operation");
        Document again = page(as("officer@busy.shift.test", get("/shift/choose")));
        assertThat(again.select("input[value=" + luton + "]").hasAttr("checked")).isTrue();
    }

    @Test
    void aChoiceTappedEightTimesAtOnceIsTakenEveryTime() throws Exception {
        String stansted = page(as("officer@busy.shift.test", get("/shift/choose"))).select("input[type=radio]").stream()
                .filter(radio -> radio.parent().text().contains("STN")).findFirst().orElseThrow().val();
        List<Callable<String>> taps = new ArrayList<>();
        for (int tap = 0; tap < 8; tap++) {
            taps.add(() -> mvc.perform(as("officer@busy.shift.test", post("/shift").with(csrf())
                    .param("operationId", stansted))).andReturn().getResponse().getRedirectedUrl());
        }
        ExecutorService phone = Executors.newFixedThreadPool(8);
        try {
            for (Future<String> landed : phone.invokeAll(taps)) {
                assertThat(landed.get()).isEqualTo("/shift");
            }
        } finally {
            phone.shutdown();
        }
        assertThat(page(as("officer@busy.shift.test", get("/shift"))).select(".govuk-caption-m").text())
                .isEqualTo("Busy week at STN");
    }

    @Test
    void signingInReturnsToThePageThePersonOpened() throws Exception {
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/sign-in");

        MockHttpSession opened = new MockHttpSession();
        mvc.perform(get("/checks/" + openCheck).session(opened).header("Sec-Fetch-Mode", "navigate"));
        String back = mvc.perform(post("/sign-in").session(opened).with(csrf()).param("email", "officer@shift.test")
                .param("password", PASSWORD)).andReturn().getResponse().getRedirectedUrl();
        assertThat(back).startsWith("http://localhost/checks/" + openCheck);

        // Signing out is not a page to return to, nor is a script's fetch that met the sign-in.
        MockHttpSession signedOut = new MockHttpSession();
        mvc.perform(get("/sign-out").session(signedOut));
        assertThat(mvc.perform(post("/sign-in").session(signedOut).with(csrf()).param("email", "officer@shift.test")
                .param("password", PASSWORD)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");

        MockHttpSession fetched = new MockHttpSession();
        mvc.perform(get("/operations/" + today + "/board/rows").session(fetched).header("Sec-Fetch-Mode", "cors"));
        assertThat(mvc.perform(post("/sign-in").session(fetched).with(csrf()).param("email", "officer@shift.test")
                .param("password", PASSWORD)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");
    }
}
