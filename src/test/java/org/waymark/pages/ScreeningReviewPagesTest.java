package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.Role;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerData;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.screening.ScreeningDisposal;
import org.waymark.screening.review.Decision;
import org.waymark.screening.review.EngagementRequests;
import org.waymark.screening.review.HitKind;
import org.waymark.screening.review.Hits;
import org.waymark.screening.review.NewHit;
import org.waymark.screening.review.Outcome;
import org.waymark.screening.review.Outcomes;
import org.waymark.screening.review.Precision;
import org.waymark.screening.review.RequestResult;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.support.Fixtures;

/**
 * A person decides: hits wait in an operation's queue for a reviewer with the passenger data role,
 * who states a purpose before any passenger is shown, opens a hit and decides once; only a
 * decision to ask puts a request on the flight's page, for its officers and the coordinators,
 * who record what came of it; the results are each rule's precision. Every role tries every page.
 */
class ScreeningReviewPagesTest extends PageTests {

    static final String DOMAIN = "review-pages.test";
    static final String PIU = "piu@" + DOMAIN;
    static final String PIU_TWO = "piu-two@" + DOMAIN;
    static final String PIU_ELSEWHERE = "piu@elsewhere-" + DOMAIN;
    static final String COORDINATOR = "coordinator@" + DOMAIN;
    static final String OFFICER = "officer@" + DOMAIN;
    static final String OTHER_OFFICER = "officer-two@" + DOMAIN;
    static final String PARTNER_COORDINATOR = "charity-coordinator@" + DOMAIN;
    static final String ANALYST = "analyst@" + DOMAIN;
    static final String NAVIGATOR = "navigator@" + DOMAIN;
    static final String ADMIN = "admin@" + DOMAIN;
    static final String OTHER_FORCE = "officer@elsewhere-" + DOMAIN;
    static final String NEUTRAL = "A routine welfare conversation: check that they are travelling safely and know"
            + " where to get help.";

    @Autowired
    Hits hits;
    @Autowired
    Outcomes outcomes;
    @Autowired
    ScreeningDisposal disposal;
    @Autowired
    PassengerDataIntake intake;
    @Autowired
    PassengerData passengerData;
    @Autowired
    EngagementRequests engagementRequests;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    Fixtures.Forces forces;
    AgencySummary borderForce;
    UUID pdFlight;
    UUID traveller;

    /** An operation with one flight its officer is assigned to. */
    record Setting(OperationId operation, FlightId flight) {
        String flightPage() {
            return "/operations/" + operation.value() + "/flights/" + flight.value();
        }
    }

    @BeforeAll
    void data() {
        forces = given.forces(DOMAIN, "Essex Police (review)", "Unseen (review)", "SARC (review)",
                "Kent Police (review)");
        borderForce = given.agency("Border Force PIU (review)", AgencyType.BORDER_FORCE);
        given.user("Pia Reviewer", PIU, borderForce, Role.PASSENGER_DATA);
        given.user("Pat Reviewer", PIU_TWO, borderForce, Role.PASSENGER_DATA);
        given.user("Kit Reviewer", PIU_ELSEWHERE, forces.otherForce(), Role.PASSENGER_DATA);
        given.user("Oli Officer", OTHER_OFFICER, forces.police(), Role.OFFICER);
        given.user("Cat Coordinator", PARTNER_COORDINATOR, forces.charity(), Role.COORDINATOR);
        // Passenger data far from any operation's dates: a real traveller for the hits to point to.
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(20);
        String sent = day.format(DateTimeFormatter.ofPattern("yyMMdd"));
        intake.receive(Messages.paxlst("7451", sent + "1030", sent + "1215"), "test");
        pdFlight = passengerData.flightsOn(day, principal(PIU)).stream()
                .filter(flight -> flight.flightNumber().equals("W64301")).findFirst().orElseThrow().id();
        traveller = jdbc.sql("SELECT id FROM pd_traveller WHERE flight_id = :flight AND family_name = 'IVANOVA'")
                .param("flight", pdFlight).query(UUID.class).single();
    }

    Setting setting() {
        var coordinator = principal(COORDINATOR);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        OperationId operation = given.operation().namedUniquely("Review week").around(today)
                .withPartners(forces.charity(), forces.sarc(), borderForce).plannedBy(coordinator);
        FlightId flight = given.arrival(operation, "W64301", "Wizz Air", "SOF", today.atTime(10, 30), coordinator)
                .id();
        flights.assignOfficers(operation, flight, Set.of(principal(OFFICER).id()), coordinator);
        return new Setting(operation, flight);
    }

    UUID hit(Setting setting, String name, String seat, Instant departure, int priority, UUID rule) {
        return hits.record(new NewHit(setting.operation(), setting.flight(), pdFlight, traveller, "key " + name, name,
                seat, departure, HitKind.RULE, UUID.nameUUIDFromBytes(rule.toString().getBytes()), rule,
                "Ticket bought by someone else", priority, null,
                List.of("Paid for by someone who does not travel", "One-way ticket")));
    }

    UUID hit(Setting setting, String name) {
        return hit(setting, name, "12A", Instant.now().plus(2, ChronoUnit.HOURS), 2, UUID.randomUUID());
    }

    /** A web session in which the reviewer stated a safeguarding purpose for the operation. */
    MockHttpSession purposeStated(String who, Setting setting) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse stated = mvc.perform(as(who, post("/screening/operations/"
                + setting.operation().value() + "/purpose")).session(session).with(csrf())
                .param("purpose", "SAFEGUARDING").param("text", "Flagged at the gate")).andReturn().getResponse();
        assertThat(stated.getRedirectedUrl()).isEqualTo("/screening/operations/" + setting.operation().value() + "/hits");
        return session;
    }

    String bearer(String who) {
        return "Bearer " + tokens.issue(principal(who), "review", null).token();
    }

    @Test
    void recordingTheSameHitEightTimesAtOnceKeepsOne() throws Exception {
        Setting setting = setting();
        UUID rule = UUID.randomUUID();
        NewHit found = new NewHit(setting.operation(), setting.flight(), pdFlight, traveller, "key at once",
                "DIMOVA, ELENA", "14C", Instant.now(), HitKind.RULE, rule, rule, "Someone else paid", 1, null,
                List.of("Paid for by someone who does not travel"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<UUID>> recorded = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Callable<UUID> record = () -> hits.record(found);
                recorded.add(pool.submit(record));
            }
            List<UUID> ids = new ArrayList<>();
            for (Future<UUID> each : recorded) {
                ids.add(each.get());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_hit WHERE person_key = 'key at once'").query(Integer.class)
                .single()).isEqualTo(1);

        // A later message moves an open hit's passenger to another seat; once decided, the hit stays as decided.
        hits.record(new NewHit(setting.operation(), setting.flight(), pdFlight, traveller, "key at once",
                "DIMOVA, ELENA", "3F", Instant.now(), HitKind.RULE, rule, rule, "Someone else paid", 1, null,
                List.of("Paid for by someone who does not travel", "Booked the day before")));
        assertThat(seatOf("key at once")).isEqualTo("3F");
        UUID id = hits.record(found);
        hits.decide(id, new Decision(
                Decision.Kind.NO_CONCERN, null, null, null, null), principal(PIU));
        hits.record(new NewHit(setting.operation(), setting.flight(), pdFlight, traveller, "key at once",
                "DIMOVA, ELENA", "22B", Instant.now(), HitKind.RULE, rule, rule, "Someone else paid", 1, null,
                List.of("Changed")));
        assertThat(seatOf("key at once")).isEqualTo("14C");
    }

    private String seatOf(String personKey) {
        return jdbc.sql("SELECT seat FROM screening_hit WHERE person_key = :key").param("key", personKey)
                .query(String.class).single();
    }

    @Test
    void theQueueAsksForAPurposeThenListsOpenHitsFirstByDepartureThenPriorityAndLogsEach() throws Exception {
        Setting setting = setting();
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);
        Instant later = soon.plus(3, ChronoUnit.HOURS);
        UUID rule = UUID.randomUUID();
        UUID decided = hit(setting, "AARONS, ADA", "1A", soon, 9, UUID.randomUUID());
        UUID later9 = hit(setting, "BAKER, BEA", "2B", later, 9, rule);
        UUID soonFirst = hit(setting, "CARTER, CAL", "3C", soon, 1, UUID.randomUUID());
        UUID soonSecond = hit(setting, "DAVIES, DOT", "4D", soon, 5, UUID.randomUUID());
        hit(setting, "EVANS, EVE", "5E", Instant.now().minus(2, ChronoUnit.DAYS), 1, UUID.randomUUID());
        hits.decide(decided, new Decision(
                Decision.Kind.NO_CONCERN, null, null, null, null), principal(PIU));
        String queue = "/screening/operations/" + setting.operation().value() + "/hits";

        MockHttpServletResponse noPurpose = mvc.perform(as(PIU, get(queue))).andReturn().getResponse();
        assertThat(noPurpose.getRedirectedUrl()).isEqualTo("/screening/operations/" + setting.operation().value()
                + "/purpose");
        Document form = page(as(PIU, get("/screening/operations/" + setting.operation().value() + "/purpose")));
        assertThat(form.select("h1").text()).isEqualTo("Why do you need to review these hits?");
        assertThat(form.text()).doesNotContain("AARONS", "BAKER");
        Document refused = page(as(PIU, post("/screening/operations/" + setting.operation().value() + "/purpose"))
                .with(csrf()).param("purpose", "").param("text", ""));
        assertThat(refused.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#purpose", "#text");

        MockHttpSession session = purposeStated(PIU, setting);
        Document page = page(as(PIU, get(queue)).session(session));
        assertThat(page.select("#hits tbody tr td:first-child a").eachText())
                .as("flights still to come first, soonest first, priority 1 first; then a flight gone; then decided")
                .containsExactly("CARTER, CAL", "DAVIES, DOT", "BAKER, BEA", "EVANS, EVE", "AARONS, ADA");
        assertThat(page.select("#counts").text()).isEqualTo("4 open, 1 decided.");
        assertThat(page.select("#cut")).as("nothing left out").isEmpty();
        assertThat(page.select("#purpose").text()).contains("A safeguarding concern", "Flagged at the gate",
                "Every hit of this operation you open is logged with it");
        assertThat(cardsNamingTheirColumns(page)).containsExactly(List.of("Passenger", "Departs", "Found by",
                "Priority", "Status"));

        List<String> logged = audit.find(new AuditQuery("HITS_LISTED", "SCREENING_HIT", null, null), 0, 100).stream()
                .filter(entry -> entry.userId().equals(principal(PIU).id().value())).map(AuditEntry::recordId)
                .toList();
        assertThat(logged).contains(decided.toString(), later9.toString(), soonFirst.toString(), soonSecond.toString());
        assertThat(audit.find(new AuditQuery("HITS_LISTED", "SCREENING_HIT", soonSecond.toString(), null), 0, 1).get(0)
                .detail()).startsWith("SAFEGUARDING ").endsWith("Flagged at the gate");
    }

    @Test
    void aQueueLongerThanAPageSaysWhichHitsItShows() throws Exception {
        Setting setting = setting();
        for (int i = 0; i <= Hits.QUEUE_LIMIT; i++) {
            hit(setting, "PERSON " + i, null, Instant.now().plus(1, ChronoUnit.HOURS), 3, UUID.randomUUID());
        }

        Document page = page(as(PIU, get("/screening/operations/" + setting.operation().value() + "/hits"))
                .session(purposeStated(PIU, setting)));

        assertThat(page.select("#hits tbody tr")).hasSize(Hits.QUEUE_LIMIT);
        assertThat(page.select("#counts").text()).isEqualTo("501 open, 0 decided.");
        assertThat(page.select("#cut").text()).startsWith("The first 500 hits are shown: open hits of flights still"
                + " to come first");
    }

    @Test
    void aHitShowsWhoWhyAndTheirPassengerDataAndEachReadIsLogged() throws Exception {
        Setting setting = setting();
        UUID id = hit(setting, "IVANOVA, MARIA");
        MockHttpServletResponse noPurpose = mvc.perform(as(PIU, get("/screening/hits/" + id))).andReturn()
                .getResponse();
        assertThat(noPurpose.getRedirectedUrl()).isEqualTo("/screening/operations/" + setting.operation().value()
                + "/purpose?hit=" + id);
        MockHttpServletResponse stated = mvc.perform(as(PIU, post("/screening/operations/"
                + setting.operation().value() + "/purpose")).with(csrf()).param("purpose", "THE_OPERATION")
                .param("text", "Reviewing today's hits").param("hit", id.toString())).andReturn().getResponse();
        assertThat(stated.getRedirectedUrl()).isEqualTo("/screening/hits/" + id);

        MockHttpSession session = purposeStated(PIU, setting);
        Document page = page(as(PIU, get("/screening/hits/" + id)).session(session));
        assertThat(page.select("h1").text()).isEqualTo("IVANOVA, MARIA");
        assertThat(page.select("#found").text()).contains("Rule: Ticket bought by someone else", "12A");
        assertThat(page.select("#reasons li").eachText()).containsExactly("Paid for by someone who does not travel",
                "One-way ticket");
        assertThat(page.select("#traveller").text()).contains("12 March 2004", "BGR", "KX7PQ2");
        assertThat(page.select("textarea#why").text()).isEqualTo(NEUTRAL);
        assertThat(page.select("input[name=decision]").eachAttr("value")).containsExactly("ASK", "NO_CONCERN",
                "REFER_ELSEWHERE");

        var piu = principal(PIU).id().value();
        assertThat(audit.find(new AuditQuery("HIT_READ", "SCREENING_HIT", id.toString(), null), 0, 10))
                .anyMatch(entry -> entry.userId().equals(piu) && entry.detail().startsWith("SAFEGUARDING"));
        assertThat(audit.find(new AuditQuery("TRAVELLER_READ", "PASSENGER_DATA_TRAVELLER", traveller.toString(),
                null), 0, 10)).anyMatch(entry -> entry.userId().equals(piu));
        Document log = page(as(ADMIN, get("/admin/audit").param("recordId", id.toString())));
        assertThat(log.select(".govuk-summary-card").text()).contains("Read a screening hit",
                "A screening hit (Ticket bought by someone else), found", "Pia Reviewer").doesNotContain("IVANOVA");
    }

    @Test
    void aHitWhosePassengerDataIsGoneShowsWhatItKept() throws Exception {
        Setting setting = setting();
        UUID id = hits.record(new NewHit(setting.operation(), setting.flight(), UUID.randomUUID(), UUID.randomUUID(),
                "key gone", "GONE, GINA", null, null, HitKind.WATCH_LIST, UUID.randomUUID(), UUID.randomUUID(),
                "Missing persons list", 3, 0.92, List.of("Name close to GONA, GINA")));
        Document page = page(as(PIU, get("/screening/hits/" + id)).session(purposeStated(PIU, setting)));
        assertThat(page.select("#no-traveller").text()).startsWith("Their passenger data is no longer held");
        assertThat(page.select("#found").text()).contains("Watch list: Missing persons list", "92%", "Not known");
    }

    @Test
    void aHitNobodyDecidedBeforeItsPassengerDataWasMaskedNamesNoOneAndCanNoLongerBeDecided() throws Exception {
        Setting setting = setting();
        UUID pdFlightGone = UUID.randomUUID();
        UUID id = hits.record(new NewHit(setting.operation(), setting.flight(), pdFlightGone, traveller, "key expired",
                "EXPIRA, EVA", "7C", Instant.now(), HitKind.RULE, UUID.randomUUID(), UUID.randomUUID(),
                "Ticket bought by someone else", 2, null, List.of("Paid for by EXPIROV, EMIL")));
        assertThat(disposal.maskFlight(pdFlightGone, Instant.now()).hits()).containsExactly(id);
        MockHttpSession session = purposeStated(PIU, setting);

        Document queue = page(as(PIU, get("/screening/operations/" + setting.operation().value() + "/hits"))
                .session(session));
        assertThat(queue.select("#hits tbody tr").text()).contains("[disposed of]", "Not decided in time")
                .doesNotContain("EXPIRA", "7C");
        assertThat(queue.select("#counts").text()).isEqualTo("0 open, 0 decided.");
        assertThat(queue.select("#expired").text()).isEqualTo("1 not decided before the passenger data was masked.");
        Document page = page(as(PIU, get("/screening/hits/" + id)).session(session));
        assertThat(page.select("h1").text()).isEqualTo("[disposed of]");
        assertThat(page.select("#expired").text()).startsWith("Nobody decided on this hit before its passenger data");
        assertThat(page.select("#no-traveller")).hasSize(1);
        assertThat(page.text()).doesNotContain("EXPIRA", "EXPIROV", "7C", "12 March 2004");
        assertThat(page.select("input[name=decision]")).isEmpty();
        Document refused = page(as(PIU, post("/screening/hits/" + id + "/decision")).session(session).with(csrf())
                .param("decision", "NO_CONCERN"));
        assertThat(refused.select(".govuk-error-summary").text())
                .contains("This hit's passenger data was masked before anyone decided");
    }

    @Test
    void askingPutsARequestOnTheFlightForItsOfficersOnly() throws Exception {
        Setting setting = setting();
        UUID id = hit(setting, "PETROVA, NADIA");
        // Nothing reaches an officer before a reviewer's decision.
        Document before = page(as(OFFICER, get(setting.flightPage())));
        assertThat(before.select("#asked-to-speak-with")).isEmpty();
        assertThat(before.text()).doesNotContain("PETROVA");

        MockHttpSession session = purposeStated(PIU, setting);
        MockHttpServletResponse asked = mvc.perform(as(PIU, post("/screening/hits/" + id + "/decision"))
                .session(session).with(csrf()).param("decision", "ASK")
                .param("description", "Red coat, about 20, travelling with an older man")
                .param("why", NEUTRAL)).andReturn().getResponse();
        assertThat(asked.getRedirectedUrl()).isEqualTo("/screening/hits/" + id);
        Document decided = page(as(PIU, get("/screening/hits/" + id)).session(session)
                .flashAttr("saved", "screening.review.decided.ASKED"));
        assertThat(decided.select(".govuk-notification-banner").text())
                .contains("Officers of the flight are asked to speak with them");
        assertThat(decided.select("#decision").text()).contains("Officers asked", "Red coat", "Not recorded yet");
        assertThat(decided.select("input[name=decision]")).isEmpty();

        Document officer = page(as(OFFICER, get(setting.flightPage())));
        var request = officer.select("#asked-to-speak-with .govuk-summary-card");
        assertThat(request).hasSize(1);
        assertThat(request.select("h3").text()).isEqualTo("PETROVA, NADIA");
        assertThat(request.text()).contains("12A", "Red coat, about 20, travelling with an older man", NEUTRAL)
                .doesNotContain("Ticket bought by someone else", "One-way ticket");
        assertThat(request.select("input[name=result]").eachAttr("value")).containsExactly("SPOKE_WITH",
                "CHECK_STARTED", "NOT_FOUND");
        UUID requestId = UUID.fromString(request.attr("id").substring("request-".length()));
        assertThat(audit.find(new AuditQuery("ENGAGEMENT_REQUESTS_READ", "ENGAGEMENT_REQUEST", requestId.toString(),
                null), 0, 10)).anyMatch(entry -> entry.userId().equals(principal(OFFICER).id().value()));

        // Another rule found her too: asking about that hit joins the request officers have, not a second one.
        UUID otherRule = UUID.randomUUID();
        UUID again = hit(setting, "PETROVA, NADIA", "12A", Instant.now().plus(2, ChronoUnit.HOURS), 2, otherRule);
        assertThat(mvc.perform(as(PIU, post("/screening/hits/" + again + "/decision")).session(session).with(csrf())
                .param("decision", "ASK").param("description", "Blue coat").param("why", NEUTRAL)).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/screening/hits/" + again);
        assertThat(page(as(OFFICER, get(setting.flightPage()))).select("#asked-to-speak-with .govuk-summary-card"))
                .as("one request for one person").hasSize(1);
        assertThat(page(as(PIU, get("/screening/hits/" + again)).session(session)).select("#decision").text())
                .contains("Officers asked", "Red coat");

        assertThat(page(as(COORDINATOR, get(setting.flightPage()))).select("#asked-to-speak-with h3").text())
                .isEqualTo("PETROVA, NADIA");
        for (String unassigned : List.of(OTHER_OFFICER, PARTNER_COORDINATOR, ADMIN)) {
            Document page = page(as(unassigned, get(setting.flightPage())));
            assertThat(page.text()).as(unassigned).doesNotContain("PETROVA", "Red coat");
        }
        for (String refused : List.of(ANALYST, NAVIGATOR, PIU, OTHER_FORCE)) {
            MockHttpServletResponse response = mvc.perform(as(refused, get(setting.flightPage()))).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(refused).isIn(403, 404);
            assertThat(response.getContentAsString()).as(refused).doesNotContain("PETROVA");
        }
        Document list = page(as(OFFICER, get("/operations/" + setting.operation().value() + "/flights")));
        assertThat(list.text()).contains("1 to speak with");

        engagementRequests.recordResult(setting.operation(), setting.flight(), requestId, RequestResult.SPOKE_WITH,
                null, principal(OFFICER));
        assertThat(outcomes.forRule(otherRule).spokeWith()).as("the officer's result counts for the rule that joined")
                .isEqualTo(1);
        assertThat(page(as(PIU, get("/screening/hits/" + again)).session(session)).select("#decision").text())
                .contains("Spoke with them");
    }

    @Test
    void anOfficerRecordsWhatHappenedOnce() throws Exception {
        Setting setting = setting();
        UUID id = hit(setting, "HRISTOVA, MILA");
        UUID request = hits.decide(id, new Decision(
                Decision.Kind.ASK, "Green scarf", NEUTRAL, null, null), principal(PIU))
                .request();
        String result = setting.flightPage() + "/requests/" + request + "/result";

        MockHttpServletResponse none = mvc.perform(as(OFFICER, post(result)).with(csrf())).andReturn().getResponse();
        assertThat(none.getRedirectedUrl()).isEqualTo(setting.flightPage() + "#request-" + request);
        Document problem = page(as(OFFICER, get(setting.flightPage()))
                .flashAttr("resultProblem", "screening.review.result.required").flashAttr("resultFor", request)
                .flashAttr("resultField", "result"));
        assertThat(problem.select(".govuk-error-summary a").attr("href")).isEqualTo("#result-" + request);
        assertThat(problem.select(".govuk-error-summary a").text()).isEqualTo("Choose what happened");
        assertThat(problem.select("#result-" + request + "-error").text()).isEqualTo("Error: Choose what happened");
        assertThat(problem.select("input#result-" + request)).hasSize(1);

        assertThat(status(as(OTHER_OFFICER, post(result)).with(csrf()).param("result", "SPOKE_WITH"))).isEqualTo(403);
        assertThat(status(as(OTHER_FORCE, post(result)).with(csrf()).param("result", "SPOKE_WITH"))).isEqualTo(404);
        assertThat(status(as(ANALYST, post(result)).with(csrf()).param("result", "SPOKE_WITH"))).isEqualTo(403);
        assertThat(status(as(PIU, post(result)).with(csrf()).param("result", "SPOKE_WITH"))).isEqualTo(403);

        MvcResult invisible = mvc.perform(as(OFFICER, post(result)).with(csrf()).param("result", "SPOKE_WITH")
                .param("resultNote", "Travelling to study\u202E; gave a leaflet")).andReturn();
        assertThat(invisible.getResponse().getRedirectedUrl()).as("back to the form, not an error page")
                .isEqualTo(setting.flightPage() + "#request-" + request);
        assertThat((Map<String, Object>) invisible.getFlashMap()).containsEntry("resultProblem", "form.controlCharacters")
                .containsEntry("resultField", "resultNote")
                .containsEntry("resultNoteTyped", "Travelling to study; gave a leaflet");
        assertThat(jdbc.sql("SELECT result FROM screening_request WHERE id = :id").param("id", request)
                .query(String.class).optional()).as("nothing saved yet").isEmpty();
        Document typedBack = page(as(OFFICER, get(setting.flightPage())).flashAttrs(invisible.getFlashMap()));
        assertThat(typedBack.select(".govuk-error-summary a").attr("href")).isEqualTo("#resultNote-" + request);
        assertThat(typedBack.select(".govuk-error-summary").text()).contains("invisible characters");
        assertThat(typedBack.select("#resultNote-" + request).val()).as("what was typed, to send again")
                .isEqualTo("Travelling to study; gave a leaflet");

        MockHttpServletResponse spoke = mvc.perform(as(OFFICER, post(result)).with(csrf()).param("result",
                "SPOKE_WITH").param("resultNote", "Travelling to study; gave a leaflet")).andReturn().getResponse();
        assertThat(spoke.getRedirectedUrl()).isEqualTo(setting.flightPage());
        Document after = page(as(OFFICER, get(setting.flightPage())));
        assertThat(after.select("#request-" + request).text()).contains("Spoke with them");
        assertThat(after.select("#request-" + request + " form")).isEmpty();
        assertThat(jdbc.sql("SELECT result_note FROM screening_request WHERE id = :id").param("id", request)
                .query(String.class).single()).isEqualTo("Travelling to study; gave a leaflet");

        MockHttpServletResponse again = mvc.perform(as(COORDINATOR, post(result)).with(csrf()).param("result",
                "NOT_FOUND")).andReturn().getResponse();
        assertThat(again.getRedirectedUrl()).isEqualTo(setting.flightPage());
        assertThat(again.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT result FROM screening_request WHERE id = :id").param("id", request)
                .query(String.class).single()).isEqualTo("SPOKE_WITH");
        assertThat(audit.find(new AuditQuery("ENGAGEMENT_RESULT_RECORDED", "ENGAGEMENT_REQUEST", request.toString(),
                null), 0, 10)).hasSize(1);
        assertThat(page(as(PIU, get("/screening/hits/" + id)).session(purposeStated(PIU, setting)))
                .select("#decision").text()).contains("Spoke with them");
    }

    @Test
    void eachDecisionIsMadeOnceAndBadInputIsShownOnTheForm() throws Exception {
        Setting setting = setting();
        MockHttpSession session = purposeStated(PIU, setting);

        UUID noChoice = hit(setting, "ONE, ANA");
        Document nothing = page(as(PIU, post("/screening/hits/" + noChoice + "/decision")).session(session)
                .with(csrf()));
        assertThat(nothing.title()).startsWith("Error: ");
        assertThat(nothing.select(".govuk-error-summary a").eachText()).containsExactly("Choose what you decide");
        assertThat(nothing.select(".govuk-error-summary a").attr("href")).isEqualTo("#decision");

        Document askEmpty = page(as(PIU, post("/screening/hits/" + noChoice + "/decision")).session(session)
                .with(csrf()).param("decision", "ASK").param("description", " ").param("why", ""));
        assertThat(askEmpty.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#description", "#why");
        assertThat(askEmpty.select("#description-error").text()).isEqualTo("Error: Enter how officers will find them");
        Document tooLong = page(as(PIU, post("/screening/hits/" + noChoice + "/decision")).session(session)
                .with(csrf()).param("decision", "ASK").param("description", "x".repeat(501)).param("why", NEUTRAL));
        assertThat(tooLong.select(".govuk-error-summary a").eachText())
                .containsExactly("How officers will find them must be 500 characters or fewer");
        assertThat(tooLong.select("textarea#description").text()).hasSize(501);
        MockHttpServletResponse control = mvc.perform(as(PIU, post("/screening/hits/" + noChoice + "/decision"))
                .session(session).with(csrf()).param("decision", "ASK").param("description", "Red\u0000coat")
                .param("why", NEUTRAL)).andReturn().getResponse();
        assertThat(control.getStatus()).isEqualTo(200);
        assertThat(control.getContentAsString()).contains("govuk-error-summary");
        Document refer = page(as(PIU, post("/screening/hits/" + noChoice + "/decision")).session(session)
                .with(csrf()).param("decision", "REFER_ELSEWHERE").param("referredTo", ""));
        assertThat(refer.select(".govuk-error-summary a").eachText()).containsExactly("Enter who you referred it to");
        assertThat(jdbc.sql("SELECT status FROM screening_hit WHERE id = :id").param("id", noChoice)
                .query(String.class).single()).isEqualTo("OPEN");

        UUID gone = hit(setting, "GONE, GIA", "7G", Instant.now().minus(2, ChronoUnit.DAYS), 2, UUID.randomUUID());
        Document tooLate = page(as(PIU, post("/screening/hits/" + gone + "/decision")).session(session)
                .with(csrf()).param("decision", "ASK").param("description", "Red coat").param("why", NEUTRAL));
        assertThat(tooLate.select(".govuk-error-summary a").eachText()).containsExactly("This flight left more than"
                + " 12 hours ago, so officers can no longer meet them: record no concern, or refer it elsewhere");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_request WHERE hit_id = :id").param("id", gone)
                .query(Integer.class).single()).as("nothing reaches the officers").isZero();

        UUID referred = hit(setting, "TWO, BEA");
        assertThat(mvc.perform(as(PIU, post("/screening/hits/" + referred + "/decision")).session(session)
                .with(csrf()).param("decision", "REFER_ELSEWHERE").param("referredTo", "Kent Police PIU"))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/screening/hits/" + referred);
        UUID noConcern = hit(setting, "THREE, CIA");
        assertThat(mvc.perform(as(PIU, post("/screening/hits/" + noConcern + "/decision")).session(session)
                .with(csrf()).param("decision", "NO_CONCERN").param("note", "Family travelling together"))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/screening/hits/" + noConcern);
        assertThat(jdbc.sql("SELECT status || ' ' || COALESCE(referred_to, decision_note) FROM screening_hit"
                + " WHERE id IN (:ids) ORDER BY name DESC").param("ids", List.of(referred, noConcern))
                .query(String.class).list()).containsExactly("REFERRED_ELSEWHERE Kent Police PIU",
                        "NO_CONCERN Family travelling together");

        // A second reviewer, who had the form open, is told someone decided already; nothing changes.
        Document second = page(as(PIU_TWO, post("/screening/hits/" + referred + "/decision"))
                .session(purposeStated(PIU_TWO, setting)).with(csrf()).param("decision", "NO_CONCERN"));
        assertThat(second.select(".govuk-error-summary").text())
                .contains("Someone has already decided on this hit: their decision is shown below");
        assertThat(second.select("#decision").text()).contains("Referred elsewhere", "Kent Police PIU");
        assertThat(audit.find(new AuditQuery("HIT_DECIDED", "SCREENING_HIT", referred.toString(), null), 0, 10))
                .extracting(AuditEntry::detail).containsExactly("REFERRED_ELSEWHERE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_request WHERE hit_id IN (:ids)")
                .param("ids", List.of(noChoice, referred, noConcern)).query(Integer.class).single()).isZero();
    }

    @Test
    void resultsAreEachRulesPrecisionAndEachPersonsOutcome() throws Exception {
        Setting setting = setting();
        UUID rule = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (String name : List.of("P1, A", "P2, B", "P3, C", "P4, D", "P5, E", "P6, F")) {
            ids.add(hits.record(new NewHit(setting.operation(), setting.flight(), pdFlight, null, "precision " + name,
                    name, null, Instant.now(), HitKind.RULE, UUID.randomUUID(), rule, "Rule", 1, null, List.of("x"))));
        }
        var piu = principal(PIU);
        var ask = new Decision(Decision.Kind.ASK,
                "Blue bag", NEUTRAL, null, null);
        UUID spoke = hits.decide(ids.get(0), ask, piu).request();
        UUID check = hits.decide(ids.get(1), ask, piu).request();
        UUID notFound = hits.decide(ids.get(2), ask, piu).request();
        hits.decide(ids.get(3), new Decision(
                Decision.Kind.NO_CONCERN, null, null, null, null), piu);
        var officer = principal(OFFICER);
        var requests = engagementRequests;
        requests.recordResult(setting.operation(), setting.flight(), spoke,
                RequestResult.SPOKE_WITH, null, officer);
        requests.recordResult(setting.operation(), setting.flight(), check,
                RequestResult.CHECK_STARTED, null, officer);
        requests.recordResult(setting.operation(), setting.flight(), notFound,
                RequestResult.NOT_FOUND, null, officer);

        assertThat(outcomes.forRule(rule)).isEqualTo(new Precision(6, 4, 3, 1, 1, 1, 1, 0));
        assertThat(outcomes.forWatchList(rule)).isEqualTo(new Precision(0, 0, 0, 0, 0, 0, 0, 0));
        Map<String, Outcome> people = outcomes.forPeople(List.of("precision P1, A", "precision P2, B",
                "precision P4, D", "precision P5, E", "nobody"));
        assertThat(people).isEqualTo(Map.of("precision P1, A", Outcome.SPOKE_WITH, "precision P2, B",
                Outcome.CHECK_STARTED, "precision P4, D", Outcome.NO_CONCERN));
    }


    @Test
    void theApiGivesCountsWithoutAPurposeAndHitsWithOneAndTakesDecisionsAndResults() throws Exception {
        Setting setting = setting();
        UUID id = hit(setting, "APIEVA, IRINA");
        String queue = "/api/v1/screening/operations/" + setting.operation().value() + "/hits";
        MockHttpServletResponse counts = mvc.perform(get(queue).header("Authorization", bearer(PIU))).andReturn()
                .getResponse();
        assertThat(counts.getStatus()).isEqualTo(200);
        assertThat(counts.getContentAsString()).contains("\"open\":1").doesNotContain("APIEVA");
        MockHttpServletResponse badPurpose = mvc.perform(get(queue).param("purpose", "CURIOSITY")
                .param("purposeText", "x").header("Authorization", bearer(PIU))).andReturn().getResponse();
        assertThat(badPurpose.getStatus()).isEqualTo(400);
        assertThat(badPurpose.getContentType()).startsWith("application/problem+json");
        MockHttpServletResponse listed = mvc.perform(get(queue).param("purpose", "MISSING_PERSON")
                .param("purposeText", "Enquiry 42").header("Authorization", bearer(PIU))).andReturn().getResponse();
        assertThat(listed.getContentAsString()).contains("APIEVA, IRINA", id.toString());
        assertThat(audit.find(new AuditQuery("HITS_LISTED", "SCREENING_HIT", id.toString(), null), 0, 10))
                .anyMatch(entry -> entry.detail().startsWith("MISSING_PERSON") && entry.detail().endsWith("Enquiry 42"));
        for (String other : List.of(PIU_ELSEWHERE)) {
            assertThat(mvc.perform(get(queue).header("Authorization", bearer(other))).andReturn().getResponse()
                    .getStatus()).isEqualTo(404);
        }
        for (String refused : List.of(OFFICER, COORDINATOR, ADMIN, ANALYST, NAVIGATOR)) {
            assertThat(mvc.perform(get(queue).header("Authorization", bearer(refused))).andReturn().getResponse()
                    .getStatus()).as(refused).isEqualTo(403);
        }

        String decision = "/api/v1/screening/hits/" + id + "/decision";
        MockHttpServletResponse bad = mvc.perform(post(decision).header("Authorization", bearer(PIU))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"ASK\",\"description\":\"\"}"))
                .andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString()).contains("description", "why");
        assertThat(mvc.perform(post(decision).header("Authorization", bearer(PIU_ELSEWHERE))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"NO_CONCERN\"}")).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        MockHttpServletResponse made = mvc.perform(post(decision).header("Authorization", bearer(PIU))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"ASK\",\"description\":\"Grey hoodie\",\"why\":\"A welfare check\"}"))
                .andReturn().getResponse();
        assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(200);
        assertThat(made.getContentAsString()).contains("\"status\":\"ASKED\"");
        assertThat(mvc.perform(post(decision).header("Authorization", bearer(PIU))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"NO_CONCERN\"}")).andReturn()
                .getResponse().getStatus()).isEqualTo(409);

        String requests = "/api/v1/operations/" + setting.operation().value() + "/flights/" + setting.flight().value()
                + "/requests";
        MockHttpServletResponse mine = mvc.perform(get(requests).header("Authorization", bearer(OFFICER))).andReturn()
                .getResponse();
        assertThat(mine.getContentAsString()).contains("APIEVA, IRINA", "Grey hoodie", "A welfare check")
                .doesNotContain("Ticket bought");
        assertThat(mvc.perform(get(requests).header("Authorization", bearer(OTHER_OFFICER))).andReturn()
                .getResponse().getContentAsString()).isEqualTo("[]");
        assertThat(mvc.perform(get(requests).header("Authorization", bearer(OTHER_FORCE))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        for (String refused : List.of(ANALYST, NAVIGATOR, PIU, ADMIN)) {
            assertThat(mvc.perform(get(requests).header("Authorization", bearer(refused))).andReturn().getResponse()
                    .getStatus()).as(refused).isEqualTo(403);
        }
        String request = jdbc.sql("SELECT id FROM screening_request WHERE hit_id = :id").param("id", id)
                .query(String.class).single();
        String result = requests + "/" + request + "/result";
        assertThat(mvc.perform(post(result).header("Authorization", bearer(OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"MAYBE\"}")).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
        assertThat(mvc.perform(post(result).header("Authorization", bearer(OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"NOT_FOUND\"}")).andReturn()
                .getResponse().getStatus()).isEqualTo(204);
        assertThat(mvc.perform(post(result).header("Authorization", bearer(OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"SPOKE_WITH\"}")).andReturn()
                .getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void everyRoleAgainstEveryPage() throws Exception {
        Setting setting = setting();
        List<String> people = List.of(PIU, COORDINATOR, OFFICER, ANALYST, NAVIGATOR, ADMIN, OTHER_FORCE,
                PIU_ELSEWHERE);
        String operation = "/screening/operations/" + setting.operation().value();
        Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
        sessions.put(PIU, purposeStated(PIU, setting));

        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("operations", who -> get("/screening/review"));
        pages.put("purpose form", who -> get(operation + "/purpose"));
        pages.put("state a purpose", who -> post(operation + "/purpose").param("purpose", "SAFEGUARDING")
                .param("text", "Matrix"));
        pages.put("queue", who -> get(operation + "/hits").session(session(sessions, who)));
        pages.put("hit", who -> get("/screening/hits/" + hit(setting, "MATRIX, " + who)).session(session(sessions, who)));
        pages.put("decide", who -> post("/screening/hits/" + hit(setting, "DECIDE, " + who) + "/decision")
                .session(session(sessions, who)).param("decision", "NO_CONCERN"));
        pages.put("flight page", who -> get("/operations/" + setting.operation().value() + "/flights/"
                + setting.flight().value()));
        pages.put("record a result", who -> post("/operations/" + setting.operation().value() + "/flights/"
                + setting.flight().value() + "/requests/" + askedRequest(setting, who) + "/result")
                .param("result", "SPOKE_WITH"));

        //                                        piu  coord officer analyst navig admin other piu-elsewhere
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("operations",          List.of(200, 403, 403, 403, 403, 403, 403, 200));
        expected.put("purpose form",        List.of(200, 403, 403, 403, 403, 403, 403, 404));
        expected.put("state a purpose",     List.of(302, 403, 403, 403, 403, 403, 403, 404));
        expected.put("queue",               List.of(200, 403, 403, 403, 403, 403, 403, 404));
        expected.put("hit",                 List.of(200, 403, 403, 403, 403, 403, 403, 404));
        expected.put("decide",              List.of(302, 403, 403, 403, 403, 403, 403, 404));
        expected.put("flight page",         List.of(403, 200, 200, 403, 403, 200, 404, 403));
        expected.put("record a result",     List.of(403, 302, 302, 403, 403, 403, 404, 403));

        assertThat(statuses(pages, people)).isEqualTo(expected);
    }

    private MockHttpSession session(Map<String, MockHttpSession> sessions, String who) {
        return sessions.getOrDefault(who, new MockHttpSession());
    }

    private UUID askedRequest(Setting setting, String who) {
        UUID id = hit(setting, "ASKED, " + who);
        return hits.decide(id, new Decision(
                Decision.Kind.ASK, "Yellow hat", NEUTRAL, null, null), principal(PIU))
                .request();
    }

}
