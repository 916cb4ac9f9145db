package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditQuery;
import org.waymark.flight.FlightView;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.IndicatorBasis;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;
import org.waymark.support.Fixtures;

/**
 * The enhanced check pages as their users see them: starting and recording a check without
 * JavaScript, the GOV.UK error summaries, the child rule on the outcome, the partner's requests
 * page that shows only what the visit needs, refusals, and the indicator catalogue. (It shares
 * its application context, and so its database, with the other MockMvc page tests: its names
 * are its own.)
 */
class CheckPagesTest extends PageTests {

    private static final String COORDINATOR = "coordinator@checks.test";
    private static final String OFFICER = "officer@checks.test";
    private static final String PARTNER = "navigator@checks.test";
    private static final String ANALYST = "analyst@checks.test";
    private static final String ADMIN = "admin@checks.test";
    private static final String SARC = "sarc@checks.test";
    private static final String OTHER_FORCE = "officer@elsewhere-checks.test";
    /** Of the leading force, with passenger data only: not an officer, so no check is theirs to see. */
    private static final String PASSENGER_DATA = "piu@checks.test";

    OperationId operation;
    FlightView sofia;
    AgencySummary charity;

    @BeforeAll
    void data() {
        Fixtures.Forces forces = given.forces("checks.test", "Kent Police", "Unseen UK", "Mid Essex SARC",
                "Suffolk Police");
        charity = forces.charity();
        given.user("Pat PIU Analyst", PASSENGER_DATA, forces.police(), Role.PASSENGER_DATA);
        WaymarkUser coordinator = principal(COORDINATOR);
        operation = given.operation().named("Week of action: Stansted Airport").withPartners(charity, forces.sarc())
                .plannedBy(coordinator);
        sofia = given.arrival(operation, "FR1234", "Ryanair", "SOF", LocalDateTime.of(2026, 9, 16, 7, 35), coordinator);
        flights.monitor(operation, sofia.id(), coordinator);
    }

    @Test
    void startingACheckNamesEachMistakeThenOpensTheCheck() throws Exception {
        String start = "/operations/" + operation.value() + "/checks";
        Document form = page(as(OFFICER, get(start + "/new?flight=" + sofia.id().value())));
        assertThat(form.select("h1").text()).isEqualTo("Start an enhanced check");
        assertThat(form.select("input[name=where][checked]").val()).isEqualTo(sofia.id().value().toString());
        assertThat(form.select("label[for=under18]").text()).isEqualTo("Yes");
        assertThat(form.select("#under18-hint").text()).contains("treats them as a child");

        Document mistakes = page(as(OFFICER, post(start).with(csrf())));
        assertThat(mistakes.title()).startsWith("Error: Start an enhanced check");
        assertThat(mistakes.select(".govuk-error-summary a").eachText()).containsExactly(
                "Choose the flight, or somewhere else",
                "Choose whether the person is a potential victim, a witness or other",
                "Choose whether the person is under 18 (choose ‘Not sure’ if their age is unclear)");
        assertThat(mistakes.select(".govuk-error-summary a").eachAttr("href"))
                .containsExactly("#where", "#category", "#under18");
        assertThat(mistakes.select("#under18-error").text()).contains("Choose whether the person is under 18");

        Document noPlace = page(as(OFFICER, post(start).with(csrf()).param("where", "PLACE")
                .param("category", "WITNESS").param("under18", "NO")));
        assertThat(noPlace.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter where the check is, for example Arrivals hall");
        assertThat(noPlace.select("#location-error").text()).contains("Enter where the check is");
        assertThat(noPlace.select("input[name=category][checked]").val()).isEqualTo("WITNESS");

        MvcResult started = mvc.perform(as(OFFICER, post(start).with(csrf())
                .param("where", sofia.id().value().toString()).param("category", "POTENTIAL_VICTIM")
                .param("under18", "NO"))).andReturn();
        String check = started.getResponse().getRedirectedUrl();
        assertThat(check).matches("/checks/[0-9a-f-]{36}");

        Document page = page(as(OFFICER, get(check)).flashAttrs(started.getFlashMap()));
        assertThat(page.select("h1").text()).isEqualTo("Enhanced check");
        assertThat(page.select(".govuk-notification-banner").text()).contains("Check started");
        assertThat(page.select("main").text()).contains("FR1234 from Sofia (SOF), Wed 16 September 07:35", "Open", "Potential victim");
        assertThat(page.select("#person .govuk-summary-card__actions a").attr("href")).isEqualTo(check + "/person");

        Document list = page(as(OFFICER, get(start)));
        assertThat(list.select(".govuk-summary-card__title a").eachAttr("href")).contains(check);
        assertThat(list.select("a.govuk-button").text()).isEqualTo("Start an enhanced check");
    }

    @Test
    void theFlightPickerOffersTodaysMonitoredFlightsAtThePortWithTheirDayAndTime() throws Exception {
        WaymarkUser coordinator = principal(COORDINATOR);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        OperationId underWay = given.operation().named("Week of action: Stansted, today").around(today)
                .plannedBy(coordinator);
        FlightView tonight = given.arrival(underWay, "W63101", "Wizz Air", "OTP", today.atTime(23, 50), coordinator);
        FlightView tomorrow = given.arrival(underWay, "FR2201", "Ryanair", "SOF", today.plusDays(1).atTime(6, 5),
                coordinator);
        given.arrival(underWay, "FR9001", "Ryanair", "SOF", today.atTime(12, 0), coordinator);
        flights.monitor(underWay, tomorrow.id(), coordinator);
        flights.monitor(underWay, tonight.id(), coordinator);

        Document form = page(as(OFFICER, get("/operations/" + underWay.value() + "/checks/new")));

        assertThat(form.select("#where-hint").text()).isEqualTo("Today’s monitored flights at London Stansted (STN), or another place.");
        assertThat(form.select("input[name=where] + label").eachText()).hasSize(2).first().asString()
                .matches("W63101 from Henri Coandă \\(OTP\\), \\p{L}+ " + today.getDayOfMonth() + " \\p{L}+ 23:50");
        assertThat(form.select("input[name=where] + label").eachText()).last().isEqualTo("Somewhere else");
    }

    @Test
    void withNoFlightMonitoredTodayThePickerSaysSoAndOffersAllTheOperationsByDate() throws Exception {
        WaymarkUser coordinator = principal(COORDINATOR);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        OperationId quietToday = given.operation().named("Week of action: Stansted, quiet today")
                .between(today.minusDays(1), today.plusDays(3)).plannedBy(coordinator);
        FlightView later = given.arrival(quietToday, "FR3302", "Ryanair", "SOF", today.plusDays(2).atTime(7, 10),
                coordinator);
        FlightView sooner = given.arrival(quietToday, "W63303", "Wizz Air", "OTP", today.plusDays(1).atTime(21, 45),
                coordinator);
        given.arrival(quietToday, "FR3304", "Ryanair", "SOF", today.atTime(9, 0), coordinator);
        flights.monitor(quietToday, later.id(), coordinator);
        flights.monitor(quietToday, sooner.id(), coordinator);

        Document form = page(as(OFFICER, get("/operations/" + quietToday.value() + "/checks/new")));

        assertThat(form.select("#where-hint").text()).startsWith("No flights are monitored today (")
                .endsWith("These are all the operation’s monitored flights, by date.");
        List<String> offered = form.select("input[name=where] + label").eachText();
        assertThat(offered).hasSize(3);
        assertThat(offered.get(0)).matches("W63303 from Henri Coandă \\(OTP\\), \\p{L}+ " + today.plusDays(1).getDayOfMonth()
                + " \\p{L}+ 21:45");
        assertThat(offered.get(1)).matches("FR3302 from Sofia \\(SOF\\), \\p{L}+ " + today.plusDays(2).getDayOfMonth()
                + " \\p{L}+ 07:10");

        OperationId noFlights = given.operation().named("Week of action: Stansted, no flights").around(today)
                .plannedBy(coordinator);
        Document none = page(as(OFFICER, get("/operations/" + noFlights.value() + "/checks/new")));
        assertThat(none.select("#where-hint").text()).startsWith("No flights are monitored in this operation yet");
        assertThat(none.select("input[name=where] + label").eachText()).containsExactly("Somewhere else");
    }

    @Test
    void thePersonFormRefusesAnAgeOutOfRangeAgainstTheAge() throws Exception {
        UUID id = startCheck(Under18.NO);
        Document page = page(as(OFFICER, post("/checks/" + id + "/person").with(csrf())
                .param("previousCategory", "POTENTIAL_VICTIM").param("category", "POTENTIAL_VICTIM")
                .param("name", "Maria").param("age", "150").param("under18", "NO")));

        assertThat(page.title()).startsWith("Error: Person");
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly("Enter an age from 0 to 120");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#age");
        assertThat(page.select("#age-error").text()).contains("Enter an age from 0 to 120");
        assertThat(page.select("input#age").val()).isEqualTo("150");
        assertThat(page.select("input#name").val()).isEqualTo("Maria");

        Document words = page(as(OFFICER, post("/checks/" + id + "/person").with(csrf())
                .param("category", "POTENTIAL_VICTIM").param("age", "twenty").param("under18", "NO")));
        assertThat(words.select("#age-error").text()).contains("Enter an age from 0 to 120");

        var saved = mvc.perform(as(OFFICER, post("/checks/" + id + "/person").with(csrf())
                .param("previousCategory", "POTENTIAL_VICTIM").param("category", "POTENTIAL_VICTIM")
                .param("name", "Maria").param("age", "24").param("under18", "NO").param("languages", "bg")
                .param("anotherLanguage", "fa").param("nationality", "BG"))).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/checks/" + id);
        Document check = page(as(OFFICER, get("/checks/" + id)).flashAttrs(saved.getFlashMap()));
        assertThat(check.select(".govuk-notification-banner").text()).contains("The person’s details are saved");
        assertThat(check.select("#person").text()).contains("Maria", "24", "Bulgaria", "Bulgarian", "Persian");
    }

    @Test
    void countriesAndLanguagesAreChosenByNameTheOperationsOwnFirstAsOnTheTally() throws Exception {
        UUID id = startCheck(Under18.NO);
        Document form = page(as(OFFICER, get("/checks/" + id + "/person")));

        assertThat(form.select("input[type=text][name*=anguage]")).as("no code to type").isEmpty();
        // The operation is in focus on Bulgaria: it and its language come first, everything by name.
        assertThat(form.select("#nationality optgroup").eachAttr("label"))
                .containsExactly("Countries in focus", "All other countries");
        assertThat(form.select("#nationality optgroup").first().select("option").eachText()).containsExactly("Bulgaria");
        assertThat(form.select("#nationality optgroup").last().select("option[value=AL]").text()).isEqualTo("Albania");
        List<String> likely = form.select("input[name=languages] + label").eachText();
        assertThat(likely).hasSize(10).startsWith("Bulgarian").contains("English", "Romanian", "Albanian");
        assertThat(form.select("#interpreterLanguage optgroup").eachAttr("label"))
                .containsExactly("Languages most likely here", "All other languages");
        assertThat(form.select("#interpreterLanguage optgroup").first().select("option").eachText())
                .isEqualTo(likely);
        assertThat(form.select("#anotherLanguage option[value=fa]").text()).isEqualTo("Persian");
        assertThat(form.select("#anotherLanguage option[value=bg]")).as("a checkbox already").isEmpty();

        // The tally at the gate offers the same languages, in the same order.
        Document tally = page(as(OFFICER, get("/operations/" + operation.value() + "/tally").param("location", "Gate 4")));
        assertThat(tally.select("input[name=languages] + label").eachText()).isEqualTo(likely);
        assertThat(tally.select("#anotherLanguage option").eachText())
                .isEqualTo(form.select("#anotherLanguage option").eachText());

        // A code no list offers is refused against its own field.
        Document refused = page(as(OFFICER, post("/checks/" + id + "/person").with(csrf())
                .param("category", "POTENTIAL_VICTIM").param("under18", "NO").param("nationality", "ZZ")
                .param("languages", "xx").param("anotherLanguage", "zz")));
        assertThat(refused.select(".govuk-error-summary a").eachText()).as("the form's own check first")
                .containsExactly("Choose another language from the list");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#anotherLanguage");
        Document unknown = page(as(OFFICER, post("/checks/" + id + "/person").with(csrf())
                .param("category", "POTENTIAL_VICTIM").param("under18", "NO").param("nationality", "ZZ")));
        assertThat(unknown.select(".govuk-error-summary a").eachText())
                .containsExactly("Choose a nationality from the list");
        assertThat(unknown.select(".govuk-error-summary a").attr("href")).isEqualTo("#nationality");

        // Saved by code, shown back by name: another language stays ticked among the likely ones.
        var saved = mvc.perform(as(OFFICER, post("/checks/" + id + "/person").with(csrf())
                .param("category", "POTENTIAL_VICTIM").param("under18", "NO").param("nationality", "MD")
                .param("languages", "ro").param("anotherLanguage", "fa").param("interpreterLanguage", "ro")
                .param("interpreterMode", "PHONE"))).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/checks/" + id);
        Document again = page(as(OFFICER, get("/checks/" + id + "/person")));
        assertThat(again.select("#nationality option[selected]").text()).isEqualTo("Moldova");
        assertThat(again.select("input[name=languages][checked] + label").eachText())
                .containsExactly("Romanian", "Persian");
        assertThat(again.select("#interpreterLanguage option[selected]").text()).isEqualTo("Romanian");
        assertThat(again.select("#anotherLanguage option[value=fa]")).isEmpty();
    }

    @Test
    void languagesSpokenMostAtTheGateAreOfferedFirst() throws Exception {
        UUID id = startCheck(Under18.NO);
        assertThat(page(as(OFFICER, get("/checks/" + id + "/person"))).select("input[name=languages] + label")
                .eachText()).doesNotContain("Tigrinya");

        // Officers at the gate tally conversations in Tigrinya, chosen from the tally's select.
        String tally = "/operations/" + operation.value() + "/tally";
        var tallied = mvc.perform(as(OFFICER, post(tally).with(csrf()).param("location", "Gate 7").param("add", "5")
                .param("anotherLanguage", "ti").param("idempotencyKey", UUID.randomUUID().toString()))).andReturn();
        assertThat(tallied.getResponse().getRedirectedUrl()).startsWith(tally);

        assertThat(page(as(OFFICER, get("/checks/" + id + "/person"))).select("input[name=languages] + label")
                .eachText()).as("the check").hasSize(10).startsWith("Bulgarian").contains("Tigrinya");
        assertThat(page(as(OFFICER, get(tally).param("location", "Gate 7"))).select("input[name=languages] + label")
                .eachText()).as("the tally").contains("Tigrinya");
    }

    @Test
    void anInterpreterRecordedByMistakeIsRemoved() throws Exception {
        UUID id = startCheck(Under18.NO);
        checks.describe(id, Person.typed(null, false, null, null, Under18.NO, null, null, List.of(), "bg",
                org.waymark.safeguarding.InterpreterMode.PHONE, null, null, null), principal(OFFICER));
        Document form = page(as(OFFICER, get("/checks/" + id + "/person")));
        assertThat(form.select("input[name=interpreterMode]").eachAttr("value"))
                .containsExactly("NONE", "IN_PERSON", "PHONE");
        assertThat(form.select("input[name=interpreterMode][checked]").val()).isEqualTo("PHONE");

        Document languageLeft = page(as(OFFICER, post("/checks/" + id + "/person").with(csrf())
                .param("category", "POTENTIAL_VICTIM").param("under18", "NO").param("interpreterLanguage", "bg")
                .param("interpreterMode", "NONE")));
        assertThat(languageLeft.select("#interpreterMode-error").text()).contains("choose ‘No interpreter’ and clear");

        var saved = mvc.perform(as(OFFICER, post("/checks/" + id + "/person").with(csrf())
                .param("category", "POTENTIAL_VICTIM").param("under18", "NO").param("interpreterLanguage", "")
                .param("interpreterMode", "NONE"))).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/checks/" + id);
        assertThat(checks.readWhole(id, principal(OFFICER)).person().interpreterMode()).isNull();
        assertThat(page(as(OFFICER, get("/checks/" + id + "/person"))).select("input[name=interpreterMode][checked]")
                .val()).isEqualTo("NONE");
    }

    @Test
    void indicatorsAreTickedOnOnePageByGroupAndSavedTogetherWithTheirBases() throws Exception {
        UUID id = startCheck(Under18.NO);
        Document form = page(as(OFFICER, get("/checks/" + id + "/indicators")));
        assertThat(form.select("h1").text()).isEqualTo("Indicators");
        assertThat(form.select("legend h2").eachText()).containsExactly("Travel", "Situational", "Psychological",
                "Physical", "Type-specific", "Child");
        assertThat(form.select("fieldset:has(legend h2:contains(Travel)) label[for=chosen]").text())
                .isEqualTo("T01 Companion holds their passport or boarding pass");
        assertThat(form.select("input[name=chosen][checked]")).isEmpty();
        // Without the script, how each is known and its note are there under it to fill in.
        assertThat(form.select("#conditional-P01 legend").text()).isEqualTo("How do you know of P01?");
        assertThat(form.select("#conditional-P01 input[name=basis[P01]]").eachAttr("value"))
                .containsExactly("OBSERVED", "DISCLOSED", "THIRD_PARTY");
        assertThat(form.select("#conditional-P01 label[for=note[P01]]").text()).isEqualTo("Note on P01 (optional)");
        assertThat(form.select("input#chosen-P01").attr("data-aria-controls")).isEqualTo("conditional-P01");

        var saved = mvc.perform(as(OFFICER, post("/checks/" + id + "/indicators").with(csrf())
                .param("chosen", "T01", "T06", "P01").param("basis[T01]", "OBSERVED")
                .param("note[T01]", "Man two rows behind holds her boarding pass")
                .param("basis[T06]", "THIRD_PARTY").param("basis[P01]", "DISCLOSED")
                .param("basis[S01]", "OBSERVED").param("note[S01]", "Left under an indicator not ticked")))
                .andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/checks/" + id);
        Document check = page(as(OFFICER, get("/checks/" + id)).flashAttrs(saved.getFlashMap()));
        assertThat(check.select(".govuk-notification-banner").text()).contains("Indicators saved: 3 are recorded");
        assertThat(check.select("#indicators dt").eachText()).containsExactly("P01", "T01", "T06");
        assertThat(check.select("#indicators dl").text()).contains("Companion holds their passport or boarding pass",
                "Observed", "Man two rows behind holds her boarding pass", "Reported by someone else",
                "Disclosed by the person").doesNotContain("Left under");
        assertThat(audit.find(new AuditQuery("CHECK_CHANGED", "ENHANCED_CHECK", id.toString(), null), 0, 20))
                .extracting(AuditEntry::detail).as("saved together, logged once").containsExactly("INDICATORS");

        Document again = page(as(OFFICER, get("/checks/" + id + "/indicators")));
        assertThat(again.select("input[name=chosen][checked]").eachAttr("value")).containsExactly("T01", "T06", "P01");
        assertThat(again.select("input[name=basis[T06]][checked]").val()).isEqualTo("THIRD_PARTY");
        assertThat(again.select("input[name=note[T01]]").val()).isEqualTo("Man two rows behind holds her boarding pass");
        assertThat(again.select("#conditional-T01").hasClass("govuk-checkboxes__conditional--hidden")).isFalse();
        assertThat(again.select("#conditional-T02").hasClass("govuk-checkboxes__conditional--hidden")).isTrue();
    }

    @Test
    void anIndicatorTickedWithoutItsBasisIsNamedAndNothingIsSaved() throws Exception {
        UUID id = startCheck(Under18.NO);

        Document missing = page(as(OFFICER, post("/checks/" + id + "/indicators").with(csrf())
                .param("chosen", "T01", "P01", "P03").param("basis[T01]", "OBSERVED").param("note[T01]", "Pass")
                .param("note[P03]", "n".repeat(Checks.MAX_INDICATOR_NOTE + 1))));

        assertThat(missing.title()).startsWith("Error: Indicators");
        assertThat(missing.select(".govuk-error-summary a").eachText()).containsExactly(
                "Choose how you know of P01: observed, disclosed by the person or reported by someone else",
                "Choose how you know of P03: observed, disclosed by the person or reported by someone else",
                "The note on P03 must be 1,000 characters or fewer");
        assertThat(missing.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#basis[P01]",
                "#basis[P03]", "#note[P03]");
        assertThat(missing.select("[id=basis[P01]]").attr("name")).isEqualTo("basis[P01]");
        assertThat(missing.select("[id=basis[P01]-error]").text()).contains("Choose how you know of P01");
        assertThat(missing.select("[id=note[P03]-error]").text()).contains("The note on P03 must be 1,000 characters");
        assertThat(missing.select("input[name=chosen][checked]").eachAttr("value")).containsExactly("T01", "P01", "P03");
        assertThat(missing.select("input[name=basis[T01]][checked]").val()).isEqualTo("OBSERVED");
        assertThat(missing.select("input[name=note[T01]]").val()).isEqualTo("Pass");
        assertThat(checks.readWhole(id, principal(OFFICER)).indicators()).isEmpty();

        Document control = page(as(OFFICER, post("/checks/" + id + "/indicators").with(csrf())
                .param("chosen", "T01").param("basis[T01]", "OBSERVED").param("note[T01]", "Holds her\u0007 pass")));
        assertThat(control.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#note[T01]");
        assertThat(control.select("input[name=note[T01]]").val()).isEqualTo("Holds her pass");
        assertThat(checks.readWhole(id, principal(OFFICER)).indicators()).isEmpty();
    }

    @Test
    void anIndicatorUntickedIsRemovedAndTheOthersKeepWhoRecordedThem() throws Exception {
        UUID id = startCheck(Under18.NO);
        checks.recordIndicators(id, List.of(new Checks.IndicatorEntry("T01", IndicatorBasis.OBSERVED, "Pass"),
                new Checks.IndicatorEntry("P01", IndicatorBasis.DISCLOSED, null)), principal(COORDINATOR));
        Document form = page(as(OFFICER, get("/checks/" + id + "/indicators")));
        assertThat(form.select("input[name=chosen][checked]").eachAttr("value")).containsExactly("T01", "P01");

        var saved = mvc.perform(as(OFFICER, post("/checks/" + id + "/indicators").with(csrf())
                .param("chosen", "P01").param("basis[P01]", "DISCLOSED")
                .param("basis[T01]", "OBSERVED").param("note[T01]", "Pass"))).andReturn();

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/checks/" + id);
        Document check = page(as(OFFICER, get("/checks/" + id)).flashAttrs(saved.getFlashMap()));
        assertThat(check.select(".govuk-notification-banner").text()).contains("Indicators saved: 1 is recorded");
        assertThat(check.select("#indicators dt").eachText()).containsExactly("P01");

        var none = mvc.perform(as(OFFICER, post("/checks/" + id + "/indicators").with(csrf()))).andReturn();
        assertThat(page(as(OFFICER, get("/checks/" + id)).flashAttrs(none.getFlashMap()))
                .select(".govuk-notification-banner").text()).contains("Indicators saved: none are recorded");
        assertThat(checks.readWhole(id, principal(OFFICER)).indicators()).isEmpty();
    }

    @Test
    void theCheckOpensWithItsTasksAndWhereEachStands() throws Exception {
        UUID id = startCheck(Under18.NO);
        Document fresh = page(as(OFFICER, get("/checks/" + id)));

        assertThat(tasks(fresh)).containsExactly(
                "Person: Not yet started", "Indicators: Not yet started", "Account and opinion: Not yet started",
                "Advice given: Not yet started", "Support: Not yet started", "Outcome: Not yet started",
                "Referral: Not yet started");
        assertThat(fresh.select("#tasks a.govuk-task-list__link").eachAttr("href")).containsExactly(
                "/checks/" + id + "/person", "/checks/" + id + "/indicators", "/checks/" + id + "/account",
                "/checks/" + id + "/advice", "/checks/" + id + "/support", "/checks/" + id + "/outcome",
                "/checks/" + id + "/referral");
        assertThat(fresh.select("#tasks li:contains(Referral) .govuk-task-list__hint").text())
                .isEqualTo("When the person is to be referred: their consent can be taken while they are here");
        assertThat(fresh.select("#tasks a:contains(Outcome)").attr("aria-describedby"))
                .isEqualTo("task-6-hint task-6-status");
        assertThat(fresh.select("#tasks .govuk-tag").eachAttr("class")).allMatch(tag -> tag.contains("govuk-tag--blue"));
        // The tasks come right after the heading and the check's status, before any of the details.
        assertThat(fresh.select("main h1 ~ *").stream().map(element -> element.id()).toList())
                .containsSubsequence("tasks", "category", "facts");

        WaymarkUser officer = principal(OFFICER);
        checks.describe(id, Person.typed("Elena Petrova", false, 31, null, Under18.NO, Gender.FEMALE, "BG",
                List.of("bg"), null, null, null, null, null), officer);
        checks.recordAccount(id, Set.of(), "Was promised work in a restaurant", null, officer);
        requests.request(id, charity.id(), SupportKind.NAVIGATOR, officer);
        assertThat(tasks(page(as(OFFICER, get("/checks/" + id))))).startsWith("Person: Completed",
                "Indicators: Not yet started", "Account and opinion: In progress", "Advice given: Not yet started",
                "Support: In progress");

        checks.close(id, Set.of(Outcome.NRM_REFERRAL), null, officer);
        Document closed = page(as(OFFICER, get("/checks/" + id)));
        assertThat(tasks(closed)).containsExactly("Person: Completed", "Indicators: Not recorded",
                "Account and opinion: Completed", "Advice given: Not recorded", "Support: Completed",
                "Outcome: Completed", "Referral: Not yet started");
        assertThat(closed.select("#tasks a.govuk-task-list__link").eachAttr("href"))
                .containsExactly("/checks/" + id + "/referral");

        given.nrmReferral(id, java.time.Instant.now().minusSeconds(60), officer);
        assertThat(tasks(page(as(OFFICER, get("/checks/" + id))))).endsWith("Referral: In progress");

        UUID advised = startCheck(Under18.NO);
        checks.close(advised, Set.of(Outcome.SAFEGUARDING_ADVICE), null, officer);
        Document noReferral = page(as(OFFICER, get("/checks/" + advised)));
        assertThat(tasks(noReferral)).endsWith("Outcome: Completed", "Referral: Not needed");
        assertThat(noReferral.select("#tasks a")).isEmpty();
    }

    @Test
    void theOutcomeOfAPersonOfUnclearAgeNeedsBothReferrals() throws Exception {
        UUID id = startCheck(Under18.NOT_SURE);
        Document form = page(as(OFFICER, get("/checks/" + id + "/outcome")));
        assertThat(form.select("#child-rule").text())
                .contains("Both a child safeguarding referral and an NRM referral are required");
        assertThat(form.select("input[name=outcomes]")).hasSize(8);

        Document refused = page(as(OFFICER, post("/checks/" + id + "/outcome").with(csrf())
                .param("outcomes", "SAFEGUARDING_ADVICE")));
        assertThat(refused.title()).startsWith("Error: Outcome");
        assertThat(refused.select(".govuk-error-summary a").eachText()).containsExactly("A person under 18, or whose "
                + "age is not clear, is treated as a child: the check needs both a child safeguarding referral and an "
                + "NRM referral before it can close");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#outcomes");
        assertThat(refused.select("#outcomes-error").text()).contains("treated as a child");
        assertThat(refused.select("input[name=outcomes][checked]").val()).isEqualTo("SAFEGUARDING_ADVICE");
        assertThat(checks.readWhole(id, principal(OFFICER)).editable()).isTrue();
    }

    @Test
    void thePartnerSeesNameAndLanguagesButNotIndicatorsAccountOrOpinion() throws Exception {
        WaymarkUser officer = principal(OFFICER);
        UUID id = startCheck(Under18.NO);
        checks.describe(id, Person.typed("Elena Petrova", false, 31, null, Under18.NO, null, "BG",
                List.of("bg", "ro"), "bg", null, null, null, null), officer);
        checks.recordIndicators(id, List.of(new Checks.IndicatorEntry("T02", IndicatorBasis.DISCLOSED,
                "Only has a phone number for whoever meets her")), officer);
        checks.recordAccount(id, Set.of(ExploitationType.SEXUAL), "Was promised work in a restaurant",
                "Her story sounds rehearsed", officer);
        requests.request(id, charity.id(), SupportKind.NAVIGATOR, officer);

        Document page = page(as(PARTNER, get("/requests")));
        String text = page.select("main").text();
        assertThat(page.select("h1").text()).isEqualTo("Support requests");
        assertThat(text).contains("Elena Petrova", "Bulgarian, Romanian", "Navigator", "New",
                "Week of action: Stansted Airport (STN)", "FR1234 from Sofia (SOF), Wed 16 September 07:35");
        assertThat(page.html()).doesNotContain("Does not know destination address", "Only has a phone number",
                "Was promised work", "sounds rehearsed", "T02");
        assertThat(page.select(".wm-request-card--new")).isNotEmpty();
        assertThat(page.select("button").eachText()).contains("Acknowledge");
        assertThat(page.select("header a[href=/requests]").text()).matches("Requests \\(\\d+ new\\)");

        String refresh = page.select("#requests").attr("data-refresh-url");
        assertThat(refresh).startsWith("/requests/cards?waiting=");
        assertThat(status(as(PARTNER, get(refresh)))).isEqualTo(204);
        MockHttpServletResponse changed = mvc.perform(as(PARTNER, get("/requests/cards?waiting=0"))).andReturn()
                .getResponse();
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getContentAsString()).contains("Elena Petrova").doesNotContain("<html", "rehearsed");

        Document partnerView = page(as(PARTNER, get("/checks/" + id)));
        assertThat(partnerView.select("main").text()).contains("Elena Petrova", "Bulgarian");
        assertThat(partnerView.html()).doesNotContain("Only has a phone number", "Was promised work", "rehearsed",
                "Sexual exploitation");
    }

    @Test
    void adviceAndSupportFormsNameTheirMistakesAndSaveWithTheirTimes() throws Exception {
        UUID id = startCheck(Under18.NO);
        Document advice = page(as(OFFICER, post("/checks/" + id + "/advice").with(csrf()).param("kind", "OTHER")
                .param("time", "7.3x")));
        assertThat(advice.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter the time as hours and minutes, like 07:35");
        Document other = page(as(OFFICER, post("/checks/" + id + "/advice").with(csrf()).param("kind", "OTHER")));
        assertThat(other.select(".govuk-error-summary a").eachText())
                .containsExactly("Say what other advice or support was given");
        assertThat(other.select("#note-error")).hasSize(1);
        var given = mvc.perform(as(OFFICER, post("/checks/" + id + "/advice").with(csrf()).param("kind", "LEAFLET")))
                .andReturn();
        assertThat(given.getResponse().getRedirectedUrl()).isEqualTo("/checks/" + id);

        Document support = page(as(OFFICER, post("/checks/" + id + "/support").with(csrf()).param("kind", "SARC")));
        assertThat(support.select(".govuk-error-summary a").eachText())
                .containsExactly("Choose an agency taking part in the operation");
        assertThat(support.select("select#agencyId option").eachText()).contains("Unseen UK", "Mid Essex SARC")
                .doesNotContain("Kent Police");
        String sent = mvc.perform(as(OFFICER, post("/checks/" + id + "/support").with(csrf())
                .param("agencyId", charity.id().value().toString()).param("kind", "SARC"))).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(sent).startsWith("/checks/" + id + "/support/");
        // Nobody of the charity is on the rota: the request does not say it reached them.
        assertThat(page(as(OFFICER, get(sent))).select("h1").text())
                .isEqualTo("Nobody at Unseen UK is on call for a SARC worker");
        Document check = page(as(OFFICER, get("/checks/" + id)));
        assertThat(check.select("#advice dl").text()).contains("Leaflet in their language");
        assertThat(check.select("#support").text()).contains("SARC worker from Unseen UK", "Requested");
        assertThat(check.select("#support button").eachText()).containsExactly("Mark as arrived");
    }

    @Test
    void theOperationPageShowsHowFastHelpCameByAgency() throws Exception {
        UUID id = startCheck(Under18.NO);
        var asked = requests.request(id, charity.id(), SupportKind.INTERPRETER, principal(OFFICER));
        requests.acknowledge(asked.id(), principal(PARTNER));

        Document page = page(as(COORDINATOR, get("/operations/" + operation.value())));

        assertThat(page.select("#response-times").text()).isEqualTo("Response times");
        assertThat(page.select("table:has(caption:contains(Response times)) tbody tr:contains(Unseen UK)").text())
                .contains("Unseen UK", "min median", "min at the 90th percentile");
        assertThat(page(as(PARTNER, get("/operations/" + operation.value()))).select("#response-times")).isEmpty();
    }

    @Test
    void anAnalystCannotOpenACheck() throws Exception {
        UUID id = startCheck(Under18.NO);

        assertThat(status(as(ANALYST, get("/checks/" + id)))).isEqualTo(403);
        assertThat(status(as(ANALYST, get("/checks/" + id + "/person")))).isEqualTo(403);
        assertThat(status(as(ANALYST, get("/operations/" + operation.value() + "/checks/new")))).isEqualTo(403);
        assertThat(status(as(PARTNER, get("/checks/" + id)))).isEqualTo(403);
        Document detail = page(as(OFFICER, get("/operations/" + operation.value())));
        assertThat(detail.select("a[href$=/checks]").text()).isEqualTo("Enhanced checks");
    }

    @Test
    void theAdministratorAddsAndRetiresAnIndicator() throws Exception {
        Document empty = page(as(ADMIN, post("/admin/indicators").with(csrf())));
        assertThat(empty.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#code", "#group",
                "#exploitationType", "#text");
        Document mistake = page(as(ADMIN, post("/admin/indicators").with(csrf()).param("code", "travel")
                .param("group", "TRAVEL").param("exploitationType", "ALL").param("text", "Something")));
        assertThat(mistake.title()).startsWith("Error: Indicator catalogue");
        assertThat(mistake.select(".govuk-error-summary a").attr("href")).isEqualTo("#code");
        assertThat(mistake.select("#code-error").text()).contains("Enter a code of 1 to 3 capital letters");

        var added = mvc.perform(as(ADMIN, post("/admin/indicators").with(csrf()).param("code", "T15")
                .param("group", "TRAVEL").param("exploitationType", "ALL")
                .param("text", "Travels on a ticket booked by an unknown third party"))).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/admin/indicators");
        Document page = page(as(ADMIN, get("/admin/indicators")).flashAttrs(added.getFlashMap()));
        assertThat(page.select(".govuk-notification-banner").text()).contains("Indicator T15 added");
        assertThat(page.select("#indicator-T15").text()).contains("T15",
                "Travels on a ticket booked by an unknown third party", "Travel", "In use");
        assertThat(page.select("#indicator-T15 button").text()).isEqualTo("Retire T15");
        assertThat(page.select("header a[href=/admin/indicators]").text()).isEqualTo("Indicators");

        var retired = mvc.perform(as(ADMIN, post("/admin/indicators/T15/retire").with(csrf()))).andReturn();
        Document after = page(as(ADMIN, get("/admin/indicators")).flashAttrs(retired.getFlashMap()));
        assertThat(after.select(".govuk-notification-banner").text()).contains("Indicator T15 retired");
        assertThat(after.select("#indicator-T15 td").get(5).text()).isNotEqualTo("In use").matches("\\d+");
        assertThat(after.select("#indicator-T15 button")).isEmpty();
        assertThat(status(as(OFFICER, get("/admin/indicators")))).isEqualTo(403);
    }

    @Test
    void theAccountAndTheOpinionAreSavedApartAndTooLongOnesAreRefused() throws Exception {
        UUID id = startCheck(Under18.NO);
        Document form = page(as(OFFICER, get("/checks/" + id + "/account")));
        assertThat(form.select("h1").text()).isEqualTo("Account and opinion");
        assertThat(form.select("legend h2").eachText()).contains("What the person said", "Officer’s opinion");

        Document tooLong = page(as(OFFICER, post("/checks/" + id + "/account").with(csrf())
                .param("suspectedTypes", "LABOUR").param("account", "a".repeat(15_001))
                .param("opinion", "Her story sounds rehearsed")));
        assertThat(tooLong.title()).startsWith("Error: Account and opinion");
        assertThat(tooLong.select(".govuk-error-summary a").eachText())
                .containsExactly("The person’s account must be 15,000 characters or fewer");
        assertThat(tooLong.select(".govuk-error-summary a").attr("href")).isEqualTo("#account");
        assertThat(tooLong.select("textarea#opinion").text()).isEqualTo("Her story sounds rehearsed");
        assertThat(tooLong.select("input[name=suspectedTypes][checked]").val()).isEqualTo("LABOUR");
        assertThat(checks.readWhole(id, principal(OFFICER)).account()).isNull();
        Document bothTooLong = page(as(OFFICER, post("/checks/" + id + "/account").with(csrf())
                .param("account", "a".repeat(15_001)).param("opinion", "o".repeat(15_001))));
        assertThat(bothTooLong.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#account",
                "#opinion");

        var saved = mvc.perform(as(OFFICER, post("/checks/" + id + "/account").with(csrf())
                .param("suspectedTypes", "LABOUR").param("account", "Was promised work in a car wash in Luton")
                .param("opinion", "Her story sounds rehearsed"))).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/checks/" + id);
        Document check = page(as(OFFICER, get("/checks/" + id)).flashAttrs(saved.getFlashMap()));
        assertThat(check.select(".govuk-notification-banner").text()).contains("The account and opinion are saved");
        assertThat(check.select("#exploitation").text()).contains("Labour exploitation");
        assertThat(check.select("#account").text()).contains("Was promised work in a car wash in Luton")
                .doesNotContain("rehearsed");
        assertThat(check.select("#opinion").text()).contains("Her story sounds rehearsed").doesNotContain("Luton");
    }

    @Test
    void theCheckShowsFactsAndOpinionsUnderTheirOwnHeadingsAndWhoseTheOpinionIs() throws Exception {
        WaymarkUser officer = principal(OFFICER);
        UUID id = startCheck(Under18.NO);
        checks.describe(id, Person.typed("Elena Petrova", false, 31, null, Under18.NO, null, "BG", List.of("bg"),
                null, null, 1, "says he is her cousin", null), officer);
        checks.recordIndicators(id, List.of(new Checks.IndicatorEntry("T01", IndicatorBasis.OBSERVED,
                "Man two rows behind holds her boarding pass")), officer);
        checks.recordAccount(id, Set.of(ExploitationType.SEXUAL), "Was promised work in a restaurant",
                "Her story sounds rehearsed", officer);
        checks.giveAdvice(id, org.waymark.safeguarding.AdviceKind.HELPLINE, null, null, officer);

        Document page = page(as(OFFICER, get("/checks/" + id)));

        assertThat(page.select("main h2.govuk-heading-l").eachText()).containsExactly("Facts recorded",
                "Assessments and opinions");
        assertThat(page.select("#category").text()).contains("Category", "Potential victim");
        assertThat(page.select("#category a").attr("href")).isEqualTo("/checks/" + id + "/person#category");
        String facts = page.select("#facts").text();
        assertThat(facts).contains("Elena Petrova", "“says he is her cousin”, as stated",
                "Companion holds their passport or boarding pass", "Observed",
                "Man two rows behind holds her boarding pass", "Was promised work in a restaurant",
                "Modern Slavery Helpline");
        assertThat(facts).doesNotContain("rehearsed", "Sexual exploitation", "The view of");
        String opinions = page.select("#opinions").text();
        assertThat(page.select("#opinions h3").eachText()).containsExactly("Suspected exploitation",
                "Officer’s opinion");
        assertThat(opinions).contains("Sexual exploitation", "Her story sounds rehearsed");
        assertThat(page.select("#opinion .wm-whose").text()).startsWith("The view of Olu Officer, Kent Police, recorded");
        assertThat(page.select("#exploitation .wm-whose").text()).startsWith("The view of Olu Officer, Kent Police");
        assertThat(opinions).doesNotContain("Was promised work", "Elena", "boarding pass");
    }

    @Test
    void aCheckWithNoAssessmentSaysSoAndNamesNobody() throws Exception {
        UUID id = startCheck(Under18.NO);
        checks.recordAccount(id, Set.of(), "Visiting her sister in Leeds", null, principal(OFFICER));

        Document page = page(as(OFFICER, get("/checks/" + id)));

        assertThat(page.select("#opinions").text()).contains("Assessments and opinions", "Not recorded")
                .doesNotContain("The view of", "Visiting her sister");
        assertThat(page.select("#account").text()).contains("Visiting her sister in Leeds");
    }

    @Test
    void theOutcomeNoteSaysWhetherItRecordsFactsOrAnOpinionAndIsShownWithThem() throws Exception {
        UUID id = startCheck(Under18.NO);
        Document form = page(as(OFFICER, get("/checks/" + id + "/outcome")));
        assertThat(form.select("#noteNature-hint").text()).contains("Only if you wrote a note");
        assertThat(form.select("input[name=noteNature]").eachAttr("value")).containsExactly("FACT", "OPINION");
        assertThat(form.select("label[for=noteNature]").text()).isEqualTo("Facts: what was seen, said or done");

        Document unmarked = page(as(OFFICER, post("/checks/" + id + "/outcome").with(csrf())
                .param("note", "She seemed relieved to be away from him")));
        assertThat(unmarked.title()).startsWith("Error: Outcome");
        assertThat(unmarked.select(".govuk-error-summary a").eachText()).containsExactly(
                "Choose at least one outcome", "Choose whether the note records facts or your opinion");
        assertThat(unmarked.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#outcomes",
                "#noteNature");
        assertThat(unmarked.select("#noteNature-error").text()).contains("Choose whether the note records facts");
        assertThat(unmarked.select("textarea#note").text()).isEqualTo("She seemed relieved to be away from him");
        assertThat(checks.readWhole(id, principal(OFFICER)).editable()).isTrue();

        var closed = mvc.perform(as(OFFICER, post("/checks/" + id + "/outcome").with(csrf())
                .param("outcomes", "SAFEGUARDING_ADVICE").param("note", "She seemed relieved to be away from him")
                .param("noteNature", "OPINION"))).andReturn();
        assertThat(closed.getResponse().getRedirectedUrl()).isEqualTo("/checks/" + id);
        Document page = page(as(OFFICER, get("/checks/" + id)));
        assertThat(page.select("#facts #outcome").text()).contains("Safeguarding advice given", "Olu Officer")
                .doesNotContain("relieved");
        assertThat(page.select("#opinions #outcome-note").text()).contains("Note on the outcome",
                "She seemed relieved to be away from him");
        assertThat(page.select("#outcome-note .wm-whose").text()).startsWith("The view of Olu Officer, Kent Police");

        UUID factual = startCheck(Under18.NO);
        mvc.perform(as(OFFICER, post("/checks/" + factual + "/outcome").with(csrf())
                .param("outcomes", "SAFEGUARDING_ADVICE").param("note", "Leaflet in Bulgarian given")
                .param("noteNature", "FACT")));
        Document facts = page(as(OFFICER, get("/checks/" + factual)));
        assertThat(facts.select("#facts #outcome").text()).contains("Leaflet in Bulgarian given");
        assertThat(facts.select("#outcome-note")).isEmpty();
        assertThat(facts.select("#opinions").text()).doesNotContain("Leaflet in Bulgarian");
    }

    @Test
    void theCategoryIsChangedOnThePersonPageAndTheChangeIsLogged() throws Exception {
        UUID id = startCheck(Under18.NO);
        Document form = page(as(OFFICER, get("/checks/" + id + "/person")));
        assertThat(form.select("input[name=category][checked]").val()).isEqualTo("POTENTIAL_VICTIM");
        assertThat(form.select("#category-hint").text()).contains("put in a category");

        Document missing = page(as(OFFICER, post("/checks/" + id + "/person").with(csrf())
                .param("previousCategory", "POTENTIAL_VICTIM").param("under18", "NO")));
        assertThat(missing.select(".govuk-error-summary a").eachText())
                .containsExactly("Choose whether the person is a potential victim, a witness or other");
        assertThat(missing.select(".govuk-error-summary a").attr("href")).isEqualTo("#category");

        mvc.perform(as(OFFICER, post("/checks/" + id + "/person").with(csrf())
                .param("previousCategory", "POTENTIAL_VICTIM").param("category", "WITNESS").param("under18", "NO")));

        assertThat(checks.readWhole(id, principal(OFFICER)).category()).isEqualTo(PersonCategory.WITNESS);
        assertThat(page(as(OFFICER, get("/checks/" + id))).select("#category").text()).contains("Witness")
                .doesNotContain("Potential victim");
        List<AuditEntry> changes = audit.find(new AuditQuery("CHECK_CHANGED", "ENHANCED_CHECK", id.toString(),
                null), 0, 20);
        assertThat(changes).extracting(AuditEntry::detail).containsExactlyInAnyOrder("PERSON", "CATEGORY");
        assertThat(changes).extracting(AuditEntry::userId).containsOnly(principal(OFFICER).id().value());
    }

    /**
     * Every role against every page of the module, each answer as the browser gets it: 200 a
     * page, 302 done (or sent on), 403 refused, 404 an operation the user's agency is not in.
     * Columns: coordinator, officer, analyst, navigator (asked), SARC worker (taking part, not
     * asked), another force's officer, administrator. Each change is made on a check of its own
     * so that one role's change does not decide the next one's answer.
     */
    @Test
    void everyRoleAgainstEveryPage() throws Exception {
        List<String> people = List.of(COORDINATOR, OFFICER, ANALYST, PARTNER, SARC, OTHER_FORCE, PASSENGER_DATA, ADMIN);
        String operationPath = "/operations/" + operation.value();
        UUID id = startCheck(Under18.NO);
        UUID asked = requests.request(id, charity.id(), SupportKind.NAVIGATOR, principal(OFFICER)).id();

        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("the operation's checks", who -> get(operationPath + "/checks"));
        pages.put("start form", who -> get(operationPath + "/checks/new"));
        pages.put("start", who -> post(operationPath + "/checks").param("where", "PLACE")
                .param("location", "Arrivals hall").param("category", "WITNESS").param("under18", "NO"));
        pages.put("the check", who -> get("/checks/" + id));
        for (String part : List.of("person", "indicators", "account", "advice", "support", "outcome")) {
            pages.put(part + " form", who -> get("/checks/" + id + "/" + part));
        }
        pages.put("save the person", who -> post("/checks/" + startCheck(Under18.NO) + "/person")
                .param("category", "WITNESS").param("under18", "NO"));
        pages.put("tick indicators", who -> post("/checks/" + startCheck(Under18.NO) + "/indicators")
                .param("chosen", "T01").param("basis[T01]", "OBSERVED"));
        pages.put("untick an indicator", who -> post("/checks/" + checkWithIndicator() + "/indicators"));
        pages.put("save the account", who -> post("/checks/" + startCheck(Under18.NO) + "/account")
                .param("account", "x"));
        pages.put("record advice", who -> post("/checks/" + startCheck(Under18.NO) + "/advice")
                .param("kind", "LEAFLET"));
        pages.put("ask for support", who -> post("/checks/" + startCheck(Under18.NO) + "/support")
                .param("agencyId", charity.id().value().toString()).param("kind", "NAVIGATOR"));
        pages.put("close", who -> post("/checks/" + startCheck(Under18.NO) + "/outcome")
                .param("outcomes", "NO_FURTHER_ACTION"));
        pages.put("requests page", who -> get("/requests"));
        pages.put("requests cards", who -> get("/requests/cards"));
        pages.put("acknowledge", who -> post("/requests/" + navigatorAskedFor() + "/acknowledge"));
        pages.put("whom a request called", who -> get("/checks/" + id + "/support/" + asked));
        pages.put("arrival form", who -> get("/requests/" + asked + "/arrival"));
        pages.put("give an arrival time", who -> post("/requests/" + navigatorAskedFor() + "/arrival")
                .param("time", LocalTime.now(ZoneId.of("Europe/London")).plusMinutes(30).withSecond(0).withNano(0)
                        .toString()));
        pages.put("decline form", who -> get("/requests/" + asked + "/decline"));
        pages.put("decline", who -> post("/requests/" + navigatorAskedFor() + "/decline")
                .param("reason", "Nobody free"));
        pages.put("indicator catalogue", who -> get("/admin/indicators"));
        pages.put("add an indicator", who -> post("/admin/indicators").param("code", "Z" + (10 + ++added))
                .param("group", "TRAVEL").param("exploitationType", "ALL").param("text", "Matrix"));
        pages.put("retire an indicator", who -> post("/admin/indicators/Z" + (10 + added) + "/retire"));

        //                                     coord officer analyst navig sarc other piu admin
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("the operation's checks", List.of(200, 200, 403, 403, 403, 404, 403, 403));
        expected.put("start form",             List.of(200, 200, 403, 403, 403, 404, 403, 403));
        expected.put("start",                  List.of(302, 302, 403, 403, 403, 404, 403, 403));
        expected.put("the check",              List.of(200, 200, 403, 200, 403, 404, 403, 403));
        expected.put("person form",            List.of(200, 200, 403, 403, 403, 404, 403, 403));
        expected.put("indicators form",        List.of(200, 200, 403, 403, 403, 404, 403, 403));
        expected.put("account form",           List.of(200, 200, 403, 403, 403, 404, 403, 403));
        expected.put("advice form",            List.of(200, 200, 403, 403, 403, 404, 403, 403));
        expected.put("support form",           List.of(200, 200, 403, 403, 403, 404, 403, 403));
        expected.put("outcome form",           List.of(200, 200, 403, 403, 403, 404, 403, 403));
        expected.put("save the person",        List.of(302, 302, 403, 403, 403, 404, 403, 403));
        expected.put("tick indicators",        List.of(302, 302, 403, 403, 403, 404, 403, 403));
        expected.put("untick an indicator",    List.of(302, 302, 403, 403, 403, 404, 403, 403));
        expected.put("save the account",       List.of(302, 302, 403, 403, 403, 404, 403, 403));
        expected.put("record advice",          List.of(302, 302, 403, 403, 403, 404, 403, 403));
        expected.put("ask for support",        List.of(302, 302, 403, 403, 403, 404, 403, 403));
        expected.put("close",                  List.of(302, 302, 403, 403, 403, 404, 403, 403));
        expected.put("requests page",          List.of(200, 200, 403, 200, 200, 200, 403, 403));
        expected.put("requests cards",         List.of(200, 200, 403, 200, 200, 200, 403, 403));
        expected.put("acknowledge",            List.of(403, 403, 403, 302, 403, 404, 403, 403));
        expected.put("whom a request called",  List.of(200, 200, 403, 403, 403, 404, 403, 403));
        expected.put("arrival form",           List.of(403, 403, 403, 200, 403, 404, 403, 403));
        expected.put("give an arrival time",   List.of(403, 403, 403, 302, 403, 404, 403, 403));
        expected.put("decline form",           List.of(403, 403, 403, 200, 403, 404, 403, 403));
        expected.put("decline",                List.of(403, 403, 403, 302, 403, 404, 403, 403));
        expected.put("indicator catalogue",    List.of(403, 403, 403, 403, 403, 403, 403, 200));
        expected.put("add an indicator",       List.of(403, 403, 403, 403, 403, 403, 403, 302));
        expected.put("retire an indicator",    List.of(403, 403, 403, 403, 403, 403, 403, 302));

        assertThat(statuses(pages, people)).isEqualTo(expected);
    }

    private int added;

    /** The check's tasks as the page lists them: each name and its status. */
    private static List<String> tasks(Document page) {
        return page.select("#tasks li").stream().map(task -> task.select(".govuk-task-list__name-and-hint > :first-child")
                .text() + ": " + task.select(".govuk-task-list__status").text()).toList();
    }

    private UUID checkWithIndicator() {
        UUID id = startCheck(Under18.NO);
        checks.recordIndicators(id, List.of(new Checks.IndicatorEntry("T01", IndicatorBasis.OBSERVED, null)),
                principal(OFFICER));
        return id;
    }

    private UUID navigatorAskedFor() {
        return requests.request(startCheck(Under18.NO), charity.id(), SupportKind.NAVIGATOR, principal(OFFICER)).id();
    }

    private UUID startCheck(Under18 under18) {
        CheckView started = checks.start(operation, new Checks.NewCheck(sofia.id(), null,
                PersonCategory.POTENTIAL_VICTIM, Person.unknown(under18)), principal(OFFICER));
        return started.id();
    }
}
