package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.waymark.engagement.Tally;
import org.waymark.flight.Direction;
import org.waymark.flight.Flights;
import org.waymark.flight.ScheduledFlight;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.Role;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.identity.WebSessions;
import org.waymark.operation.CoverKind;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.OperationStatus;
import org.waymark.operation.Operations;
import org.waymark.operation.Rota;
import org.waymark.referral.Referrals;
import org.waymark.reporting.Reports;
import org.waymark.retention.HeldType;
import org.waymark.retention.Holds;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.IndicatorBasis;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.Under18;
import org.waymark.screening.review.Decision;
import org.waymark.screening.review.HitKind;
import org.waymark.screening.review.Hits;
import org.waymark.screening.review.NewHit;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.shared.UserId;
import org.waymark.support.Fixtures;
import org.waymark.support.MappingWalks;
import org.waymark.tips.NewReport;
import org.waymark.tips.ReportSummary;
import org.waymark.tips.Tips;
import org.waymark.tips.Triage;

/**
 * Two forces, each with its own operation and partners: every page and endpoint of Waymark,
 * requested by every identity of the second force with the first force's ids in its path, is
 * refused (403 or 404, or the very answer a made-up id gets), and no list answers with anything of
 * the first force: its names, words or ids. Afterwards every row that names the first force's
 * records, people or agencies is as it was. Every mapping of the application is walked, or answers lists and the
 * caller's own pages, or is set aside with its reason, so that a new endpoint fails here until it
 * is classified. Administrators are not of a force: they act for the whole deployment (ADR 6,
 * ADR 16), so the second force has none. Runs on H2 and on PostgreSQL.
 */
class NothingOfOneForceReachesAnotherTest extends MappingWalks {

    /**
     * Mappings that hold nothing of a force, so are not walked, each with why. Everything else is
     * walked: refused when it names a record, or, for lists and the caller's own pages, answering
     * without anything of force A ({@link #ANSWER_WITHOUT_A}).
     */
    static final String PASSENGER_DATA = "airline passenger data belongs to no force: those with the passenger"
            + " data role see it whatever their agency, each time for a stated purpose, and nobody else; a gateway"
            + " sees its own messages' receipts (PassengerDataPagesTest, PassengerDataApiTest)";

    static final String SCREENING_RULES = "screening rules and their groups belong to no force: those with the"
            + " passenger data role share them as they share passenger data, and a back-test gives counts only"
            + " (ScreeningRulesApiTest, ScreeningRulePagesTest)";

    static final String WATCH_LISTS = "watch lists screen every passenger on flights linked to an operation, whichever"
            + " force owns the list: those with the passenger data role share them as they share passenger data,"
            + " and each read of an entry is logged (WatchListsApiTest, WatchListPagesTest)";

    static final String SIGN_IN_PROVIDERS = "the identity providers the deployment configures belong to no"
            + " force: administrators map each to an agency (SignInProvidersApiTest, SignInProviderPagesTest)";

    static final Map<String, String> SET_ASIDE = Map.ofEntries(
            Map.entry("GET /signed-out", "where signing out ends: it leads to the sign-in page"),
            Map.entry("GET /sign-in/with/{name}", "signing in with an identity provider, before anyone is of a force"),
            Map.entry("POST /sign-in/with/{name}/back-channel-logout", "an identity provider's signed word that a"
                    + " person signed out there: it ends only that person's sessions (SingleSignOnTest)"),
            Map.entry("GET /api/v1/sign-in-providers", SIGN_IN_PROVIDERS),
            Map.entry("GET /api/v1/sign-in-providers/{name}", SIGN_IN_PROVIDERS),
            Map.entry("PUT /api/v1/sign-in-providers/{name}", SIGN_IN_PROVIDERS),
            Map.entry("GET /admin/sign-in-providers", SIGN_IN_PROVIDERS),
            Map.entry("GET /admin/sign-in-providers/{name}", SIGN_IN_PROVIDERS),
            Map.entry("POST /admin/sign-in-providers/{name}", SIGN_IN_PROVIDERS),
            Map.entry("GET /", "the home page: links only"),
            Map.entry("GET /sign-in", "signing in, before anyone is of a force"),
            Map.entry("GET /login", "the address many try first for signing in: it leads to the sign-in page"),
            Map.entry("GET /sign-in/code", "the second sign-in step of the caller"),
            Map.entry("POST /sign-in/code", "the second sign-in step of the caller"),
            Map.entry("GET /sign-in/recovery-code", "the second sign-in step of the caller"),
            Map.entry("POST /sign-in/recovery-code", "the second sign-in step of the caller"),
            Map.entry("GET /sign-in/enrol", "the caller setting up their own authenticator app"),
            Map.entry("POST /sign-in/enrol", "the caller setting up their own authenticator app"),
            Map.entry("* /error", "the error page, reached only by forwarding"),
            Map.entry("GET /help", "public help for passengers, the same for everyone"),
            Map.entry("GET /help/{language}", "public help for passengers, the same for everyone"),
            Map.entry("GET /help/{language}/**", "the public's page for an address there is none at"),
            Map.entry("GET /report", "the public's empty form"),
            Map.entry("POST /report", "the public reporting: adds a report that belongs to nobody yet"),
            Map.entry("GET /report/{language}", "the public's empty form, in a passenger's language"),
            Map.entry("GET /report/{language}/**", "the public's page for an address there is none at"),
            Map.entry("POST /report/{language}", "the public reporting in a passenger's language: adds a report "
                    + "that belongs to nobody yet"),
            Map.entry("POST /api/v1/passenger-data/messages", PASSENGER_DATA),
            Map.entry("GET /api/v1/passenger-data/messages", PASSENGER_DATA),
            Map.entry("GET /api/v1/passenger-data/messages/{id}", PASSENGER_DATA),
            Map.entry("POST /api/v1/passenger-data/messages/{id}/replay", PASSENGER_DATA),
            Map.entry("GET /passenger-data", PASSENGER_DATA),
            Map.entry("GET /passenger-data/flights/{id}/purpose", PASSENGER_DATA),
            Map.entry("POST /passenger-data/flights/{id}/purpose", PASSENGER_DATA),
            Map.entry("GET /passenger-data/flights/{id}", PASSENGER_DATA),
            Map.entry("GET /passenger-data/travellers/{id}", PASSENGER_DATA),
            Map.entry("GET /passenger-data/bookings/{id}", PASSENGER_DATA),
            Map.entry("GET /passenger-data/messages", PASSENGER_DATA),
            Map.entry("POST /passenger-data/messages/{id}/replay", PASSENGER_DATA),
            Map.entry("GET /screening/rules", SCREENING_RULES),
            Map.entry("GET /screening/rules/new", SCREENING_RULES),
            Map.entry("POST /screening/rules/new", SCREENING_RULES),
            Map.entry("GET /screening/rules/{id}", SCREENING_RULES),
            Map.entry("GET /screening/rules/{id}/edit", SCREENING_RULES),
            Map.entry("POST /screening/rules/{id}/edit", SCREENING_RULES),
            Map.entry("GET /screening/rules/{id}/backtest", SCREENING_RULES),
            Map.entry("POST /screening/rules/{id}/backtest", SCREENING_RULES),
            Map.entry("GET /screening/rules/{id}/backtests/{backtestId}", SCREENING_RULES),
            Map.entry("POST /screening/rules/{id}/enable", SCREENING_RULES),
            Map.entry("POST /screening/rules/{id}/disable", SCREENING_RULES),
            Map.entry("GET /api/v1/screening/rules", SCREENING_RULES),
            Map.entry("POST /api/v1/screening/rules", SCREENING_RULES),
            Map.entry("GET /api/v1/screening/rules/{id}", SCREENING_RULES),
            Map.entry("PUT /api/v1/screening/rules/{id}", SCREENING_RULES),
            Map.entry("POST /api/v1/screening/rules/{id}/versions/{version}/backtests", SCREENING_RULES),
            Map.entry("POST /api/v1/screening/rules/{id}/backtests", SCREENING_RULES),
            Map.entry("GET /api/v1/screening/rules/{id}/backtests/{backtestId}", SCREENING_RULES),
            Map.entry("POST /api/v1/screening/rules/{id}/enable", SCREENING_RULES),
            Map.entry("POST /api/v1/screening/rules/{id}/disable", SCREENING_RULES),
            Map.entry("GET /screening/groups", SCREENING_RULES),
            Map.entry("GET /screening/groups/{code}", SCREENING_RULES),
            Map.entry("POST /screening/groups/{code}", SCREENING_RULES),
            Map.entry("GET /api/v1/screening/groups", SCREENING_RULES),
            Map.entry("GET /screening/watch-lists", WATCH_LISTS),
            Map.entry("POST /screening/watch-lists", WATCH_LISTS),
            Map.entry("GET /screening/watch-lists/{id}", WATCH_LISTS),
            Map.entry("POST /screening/watch-lists/{id}/entries", WATCH_LISTS),
            Map.entry("GET /screening/watch-lists/{id}/entries/{entryId}/edit", WATCH_LISTS),
            Map.entry("POST /screening/watch-lists/{id}/entries/{entryId}/edit", WATCH_LISTS),
            Map.entry("POST /screening/watch-lists/{id}/entries/{entryId}/remove", WATCH_LISTS),
            Map.entry("POST /screening/watch-lists/{id}/import", WATCH_LISTS),
            Map.entry("GET /api/v1/screening/watch-lists", WATCH_LISTS),
            Map.entry("POST /api/v1/screening/watch-lists", WATCH_LISTS),
            Map.entry("GET /api/v1/screening/watch-lists/{id}", WATCH_LISTS),
            Map.entry("GET /api/v1/screening/watch-lists/{id}/entries", WATCH_LISTS),
            Map.entry("POST /api/v1/screening/watch-lists/{id}/entries", WATCH_LISTS),
            Map.entry("GET /api/v1/screening/watch-lists/{id}/entries/{entryId}", WATCH_LISTS),
            Map.entry("PUT /api/v1/screening/watch-lists/{id}/entries/{entryId}", WATCH_LISTS),
            Map.entry("DELETE /api/v1/screening/watch-lists/{id}/entries/{entryId}", WATCH_LISTS),
            Map.entry("POST /api/v1/screening/watch-lists/{id}/import", WATCH_LISTS),
            Map.entry("PUT /api/v1/screening/groups/{code}", SCREENING_RULES),
            Map.entry("POST /api/v1/public/reports", "the public reporting: adds a report that belongs to nobody yet"),
            Map.entry("POST /api/v1/tokens", "issues the caller's own token, with their own password"),
            Map.entry("POST /account/tokens", "issues the caller's own token"),
            Map.entry("POST /account/password", "changes the caller's own password"),
            Map.entry("POST /account/phone", "changes the caller's own phone number"),
            Map.entry("POST /account/recovery-codes", "new recovery codes of the caller"),
            Map.entry("GET /account/recovery-codes", "the caller's own recovery codes"),
            Map.entry("POST /account/sessions/end-others", "ends the caller's own other sessions"),
            Map.entry("GET /operations/new", "an empty form"),
            Map.entry("POST /operations", "creates an operation led by the caller's own agency"),
            Map.entry("POST /api/v1/operations", "creates an operation led by the caller's own agency"));

    /**
     * Mappings walked by force B that may answer (lists filtered to the caller, the caller's own
     * pages, deployment-wide catalogues), but never with anything of force A; each with why.
     */
    static final Map<String, String> ANSWER_WITHOUT_A = Map.ofEntries(
            Map.entry("GET /operations", "the operations the caller's agency takes part in"),
            Map.entry("GET /api/v1/operations", "the operations the caller's agency takes part in"),
            Map.entry("GET /results", "results of the operations the caller sees"),
            Map.entry("GET /api/v1/yields", "yields per route over the operations the caller sees"),
            Map.entry("GET /referrals", "referrals of the checks the caller sees"),
            Map.entry("GET /api/v1/referrals", "referrals of the checks the caller sees"),
            Map.entry("GET /reports", "the triage queue: the caller's force's reports and new ones"),
            Map.entry("GET /api/v1/reports", "the triage queue: the caller's force's reports and new ones"),
            Map.entry("GET /requests", "support requests to the caller's agency"),
            Map.entry("GET /requests/cards", "support requests to the caller's agency"),
            Map.entry("GET /api/v1/support-requests", "support requests to the caller's agency"),
            Map.entry("GET /api/v1/indicators", "the catalogue of indicators, the same for everyone"),
            Map.entry("GET /api/v1/agencies", "the agencies, named to everyone who signs in"),
            Map.entry("GET /account", "the caller's own account"),
            Map.entry("GET /screening/review", "the operations the caller's agency takes part in, by their counts"
                    + " of hits to review"),
            Map.entry("GET /shift", "the caller's own shift, in an operation their agency takes part in"),
            Map.entry("GET /shift/choose", "the operations under way that the caller's agency takes part in"),
            Map.entry("POST /shift", "chooses the caller's own shift among the operations their agency takes part in"),
            Map.entry("GET /operations/{operationId}/materials", "the same posters and cards for every operation: "
                    + "the id is only the link back and is not looked up, so any id answers alike"),
            Map.entry("GET /operations/{operationId}/materials/{language}/poster.pdf", "the same posters for every "
                    + "operation: the id is not looked up, so any id answers alike"),
            Map.entry("GET /operations/{operationId}/materials/{language}/card.pdf", "the same cards for every "
                    + "operation: the id is not looked up, so any id answers alike"),
            Map.entry("POST /account/tokens/{id}/revoke", "revokes the caller's own token with that id, if any"),
            Map.entry("POST /account/sessions/{sessionId}/end", "ends the caller's own session with that id, if any"));

    @Autowired
    DataSource dataSource;
    @Autowired
    Agencies agencies;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    WebSessions sessions;
    @Autowired
    Operations operations;
    @Autowired
    Flights flights;
    @Autowired
    Rota rota;
    @Autowired
    Checks checks;
    @Autowired
    Referrals referrals;
    @Autowired
    Tips tips;
    @Autowired
    Triage triage;
    @Autowired
    Reports reports;
    @Autowired
    Holds holds;
    @Autowired
    Hits hits;

    /** Force B's identities, by email: what each is. */
    final Map<String, String> forceB = new LinkedHashMap<>();
    final Map<String, String> bearer = new LinkedHashMap<>();
    /** The ids of force A's records by the path segment that names them; several where it matters. */
    final Map<String, List<String>> idsOfA = new LinkedHashMap<>();
    /** What of force A no answer to force B may hold: its records' words and ids. */
    final Set<String> wordsOfA = new TreeSet<>();
    /** Every id of force A, its people and agencies too: a row holding one is force A's. */
    final Set<String> rowsOfA = new HashSet<>();

    OperationId operationB;
    UUID flightB;
    UUID checkB;
    UUID reportB;
    AgencySummary charityB;

    @BeforeAll
    void twoForces() throws Exception {
        LocalDate today = LocalDate.now();
        AgencySummary deployment = given.agency("Deployment administration", AgencyType.OTHER);
        given.user("Ada Admin", "admin@deployment.test", deployment, Role.ADMIN);

        // Force A: Essex Police and the charity taking part in its week of action.
        AgencySummary essex = given.agency("Essex Police", AgencyType.POLICE);
        AgencySummary charityA = given.agency("Justice and Care", AgencyType.CHARITY);
        UUID officerA = person("Olu Officer", "officer@essex.test", essex, Role.OFFICER);
        person("Cleo Coordinator", "coordinator@essex.test", essex, Role.COORDINATOR);
        person("Ana Analyst", "analyst@essex.test", essex, Role.ANALYST);
        UUID navigatorA = person("Nia Navigator", "navigator@essex.test", charityA, Role.PARTNER);
        rowsOfA.addAll(List.of(essex.id().value().toString(), charityA.id().value().toString()));
        WaymarkUser officer = principal("officer@essex.test");
        WaymarkUser coordinator = principal("coordinator@essex.test");

        OperationId operation = given.operation().named("Zander week at Stansted")
                .between(today.minusDays(1), today.plusDays(3)).withPartners(charityA).plannedBy(coordinator);
        operations.changeStatus(operation, OperationStatus.ACTIVE, coordinator);
        FlightId flight = flights.add(operation, new ScheduledFlight("W62417", "Wizz Air", Direction.ARRIVAL, "SOF",
                today.atTime(10, 0), "1", "12"), coordinator).id();
        flights.monitor(operation, flight, coordinator);
        flights.assignOfficers(operation, flight, Set.of(officer.id()), coordinator);
        UUID engagement = given.tally(operation, new Tally(flight, null, 3, Set.of("bg"), 2), officer).id();
        rota.add(operation, new Rota.NewSlot(charityA.id(), new UserId(navigatorA),
                CoverKind.NAVIGATOR, today.atTime(6, 0), today.atTime(22, 0), "07700 900555", null), coordinator);
        reports.save(operation, "Zander press summary: 40 passengers spoken to", false, coordinator);
        String job = importJob(operation);

        UUID check = checks.start(operation, new Checks.NewCheck(flight, null,
                PersonCategory.POTENTIAL_VICTIM, Person.unknown(Under18.NO)), officer).id();
        checks.describe(check, Person.typed("Zlatka Hristova", false, 31, null, Under18.NO, Gender.FEMALE, "BG",
                List.of("bg"), null, null, null, null, null), officer);
        checks.recordIndicators(check, List.of(new Checks.IndicatorEntry("T01", IndicatorBasis.OBSERVED,
                "Zander companion held the passport")), officer);
        checks.recordAccount(check, EnumSet.of(ExploitationType.SEXUAL), "Zander account: promised a job in Luton",
                "Zander opinion: frightened", officer);
        UUID request = given.navigatorAskedFor(check, charityA, officer).id();
        UUID draft = referral(check, officer);
        UUID submittedCheck = checks.start(operation, new Checks.NewCheck(null, "Zander arrivals hall",
                PersonCategory.POTENTIAL_VICTIM, Person.unknown(Under18.NO)), officer).id();
        checks.describe(submittedCheck, Person.typed("Zlatka Hristova", false, 31, null, Under18.NO, Gender.FEMALE,
                "BG", List.of("bg"), null, null, null, null, null), officer);
        UUID submitted = given.readyNrmReferral(submittedCheck, "Zander: grew up in Varna", "Zlatka Hristova",
                Instant.now().minusSeconds(600), officer);
        referrals.submit(submitted, "NRM-ZANDER-77", Instant.now().minusSeconds(60), officer);

        UUID linked = report("Zander: a man took two passports at gate 12", "07700 900777");
        triage.link(linked, operation, coordinator);
        UUID taken = report("Zander: a minibus meets women off the Sofia flight", "07700 900888");
        triage.assign(taken, officer.id(), officer);
        UUID hold = holds.place(HeldType.ENHANCED_CHECK, check.toString(), "Zander complaint under review",
                principal("admin@deployment.test")).id();
        // A hit screening found on the flight, which a reviewer of Essex Police asked the officer about.
        person("Pip PIU Analyst", "piu@essex.test", essex, Role.PASSENGER_DATA);
        UUID hit = hits.record(new NewHit(operation, flight, UUID.randomUUID(), null, "zander person",
                "ZANDEROVA, ZORA", "7C", Instant.now(), HitKind.RULE, UUID.randomUUID(), UUID.randomUUID(),
                "Zander rule", 1, null, List.of("Zander reason")));
        UUID asked = hits.record(new NewHit(operation, flight, UUID.randomUUID(), null, "zander other person",
                "ZANDEROVA, ZINA", "7D", Instant.now(), HitKind.RULE, UUID.randomUUID(), UUID.randomUUID(),
                "Zander rule", 1, null, List.of("Zander reason")));
        UUID engagementRequest = hits.decide(asked, new Decision(Decision.Kind.ASK, "Zander coat", "Zander why", null,
                null), principal("piu@essex.test")).request();
        UUID token = tokens.issue(officer, "Zander phone", null).summary().id();
        String session = signIn("officer@essex.test");

        idsOfA.put("operations", List.of(operation.value().toString()));
        idsOfA.put("flights", List.of(flight.value().toString()));
        idsOfA.put("import", List.of(job));
        idsOfA.put("engagements", List.of(engagement.toString()));
        idsOfA.put("checks", List.of(check.toString(), submittedCheck.toString()));
        idsOfA.put("indicators", List.of("T01"));
        idsOfA.put("requests", List.of(request.toString(), engagementRequest.toString()));
        idsOfA.put("hits", List.of(hit.toString(), asked.toString()));
        idsOfA.put("support-requests", List.of(request.toString()));
        idsOfA.put("support", List.of(request.toString()));
        idsOfA.put("referrals", List.of(draft.toString(), submitted.toString()));
        idsOfA.put("package", List.of("referrer"));
        idsOfA.put("reports", List.of(linked.toString(), taken.toString()));
        idsOfA.put("holds", List.of(hold.toString()));
        idsOfA.put("users", List.of(officerA.toString()));
        idsOfA.put("agencies", List.of(essex.id().value().toString()));
        idsOfA.put("tokens", List.of(token.toString()));
        idsOfA.put("sessions", List.of(session));
        idsOfA.put("materials", List.of("en"));
        for (String kind : List.of("operations", "flights", "import", "engagements", "checks", "requests", "referrals",
                "reports", "holds", "hits")) {
            wordsOfA.addAll(idsOfA.get(kind));
        }
        wordsOfA.addAll(List.of("Zander", "ZANDEROVA", "W62417", "Zlatka", "Hristova", "NRM-ZANDER-77", "07700 900555",
                "07700 900777", "07700 900888"));
        idsOfA.values().forEach(rowsOfA::addAll);
        users.all().stream().filter(u -> u.agencyId().equals(essex.id()) || u.agencyId().equals(charityA.id()))
                .forEach(u -> rowsOfA.add(u.id().value().toString()));
        rowsOfA.removeAll(List.of("T01", "referrer", "en"));

        // Force B: Kent Police and its own charity, with its own operation; every role but administrator.
        AgencySummary kent = given.agency("Kent Police", AgencyType.POLICE);
        charityB = given.agency("Kent Safe Haven", AgencyType.CHARITY);
        person("Kit Officer", "officer@kent.test", kent, Role.OFFICER);
        person("Kay Coordinator", "coordinator@kent.test", kent, Role.COORDINATOR);
        person("Kim Analyst", "analyst@kent.test", kent, Role.ANALYST);
        person("Kai Everything", "all-roles@kent.test", kent, Role.OFFICER, Role.COORDINATOR, Role.ANALYST,
                Role.PARTNER);
        person("Kes Navigator", "navigator@kent.test", charityB, Role.PARTNER);
        person("Kaz Charity Lead", "charity-lead@kent.test", charityB, Role.COORDINATOR, Role.OFFICER);
        forceB.put("officer@kent.test", "officer of Kent Police");
        forceB.put("coordinator@kent.test", "coordinator of Kent Police");
        forceB.put("analyst@kent.test", "analyst of Kent Police");
        forceB.put("all-roles@kent.test", "officer, coordinator, analyst and partner of Kent Police");
        forceB.put("navigator@kent.test", "navigator of Kent's charity");
        forceB.put("charity-lead@kent.test", "coordinator and officer of Kent's charity");
        // Passenger data roles are no officer's: they reach nothing of the work with operations.
        person("Pia PIU Analyst", "piu@kent.test", kent, Role.PASSENGER_DATA);
        person("Kestrel Air gateway", "gateway@kent.test", given.agency("Kestrel Air", AgencyType.OTHER),
                Role.CARRIER_GATEWAY);
        forceB.put("piu@kent.test", "passenger data analyst of Kent Police");
        forceB.put("gateway@kent.test", "carrier gateway of an airline");
        for (String email : forceB.keySet()) {
            bearer.put(email, "Bearer " + tokens.issue(principal(email), "walk", null).token());
        }
        WaymarkUser coordinatorB = principal("coordinator@kent.test");
        operationB = given.operation().named("Week of action at Gatwick").at("LGW")
                .between(today.minusDays(1), today.plusDays(3)).on(ExploitationType.LABOUR).from("MD")
                .withPartners(charityB).plannedBy(coordinatorB);
        operations.changeStatus(operationB, OperationStatus.ACTIVE, coordinatorB);
        flightB = flights.add(operationB, new ScheduledFlight("FR1234", "Ryanair", Direction.ARRIVAL, "KIV",
                today.atTime(11, 0), "S", null), coordinatorB).id().value();
        checkB = checks.start(operationB, new Checks.NewCheck(new FlightId(flightB), null,
                PersonCategory.POTENTIAL_VICTIM, Person.unknown(Under18.NO)), principal("officer@kent.test")).id();
        reportB = report("A van waits at the Gatwick drop-off", null);
        triage.link(reportB, operationB, coordinatorB);
    }

    /**
     * Force B's own records, sent with force A's ids in their bodies or queries: none may be tied to
     * force A's operation, flights, tallies, people or partners, nor show them. Changes through the
     * API are refused (4xx); a page may answer its form again or go back with a message.
     */
    List<Walk> crossReferences() {
        String opB = "/operations/" + operationB.value();
        String flightA = idsOfA.get("flights").get(0);
        String officerA = userOfA("officer@essex.test");
        String navigatorA = userOfA("navigator@essex.test");
        String charityA = agencies.all().stream().filter(agency -> agency.name().equals("Justice and Care"))
                .findFirst().orElseThrow().id().value().toString();
        String operationA = idsOfA.get("operations").get(0);
        String today = LocalDate.now().toString();
        List<Walk> walks = new ArrayList<>();
        walks.add(page(HttpMethod.GET, opB + "/tally?flight=" + flightA, null));
        walks.add(page(HttpMethod.GET, opB + "/checks/new?flight=" + flightA, null));
        walks.add(page(HttpMethod.POST, opB + "/tally", "flightId=" + flightA + "&add=1&count=1&passengers=1"
                + "&idempotencyKey=walk-cross-1"));
        walks.add(page(HttpMethod.POST, opB + "/tally/undo", "engagementId=" + idsOfA.get("engagements").get(0)));
        walks.add(page(HttpMethod.POST, opB + "/flights/" + flightB + "/officers", "officerIds=" + officerA));
        walks.add(page(HttpMethod.POST, "/reports/" + reportB + "/operation", "operationId=" + operationA));
        walks.add(page(HttpMethod.POST, "/reports/" + reportB + "/assignee", "userId=" + officerA));
        walks.add(api(HttpMethod.POST, "/api/v1" + opB + "/engagements", "{\"flightId\":\"" + flightA
                + "\",\"passengers\":1}"));
        walks.add(api(HttpMethod.POST, "/api/v1" + opB + "/checks", "{\"flightId\":\"" + flightA
                + "\",\"category\":\"POTENTIAL_VICTIM\",\"person\":{\"under18\":\"NO\"}}"));
        walks.add(api(HttpMethod.PUT, "/api/v1" + opB + "/flights/" + flightB + "/officers", "{\"officerIds\":[\""
                + officerA + "\"]}"));
        walks.add(api(HttpMethod.POST, "/api/v1" + opB + "/rota", "{\"agencyId\":\"" + charityA + "\",\"userId\":\""
                + navigatorA + "\",\"kind\":\"NAVIGATOR\",\"from\":\"" + today + "T08:00:00\",\"to\":\"" + today
                + "T20:00:00\"}"));
        walks.add(api(HttpMethod.POST, "/api/v1" + opB + "/rota", "{\"agencyId\":\"" + charityB.id().value()
                + "\",\"userId\":\"" + navigatorA + "\",\"kind\":\"NAVIGATOR\",\"from\":\"" + today
                + "T08:00:00\",\"to\":\"" + today + "T20:00:00\"}"));
        walks.add(api(HttpMethod.POST, "/api/v1/checks/" + checkB + "/support-requests", "{\"agencyId\":\""
                + charityA + "\",\"kind\":\"NAVIGATOR\"}"));
        walks.add(api(HttpMethod.POST, "/api/v1/reports/" + reportB + "/operation", "{\"operationId\":\""
                + operationA + "\"}"));
        walks.add(api(HttpMethod.POST, "/api/v1/reports/" + reportB + "/assignee", "{\"userId\":\"" + officerA
                + "\"}"));
        return walks;
    }

    @Test
    void noRecordOfAnotherForceIsTiedToTheForce() throws Exception {
        Set<String> before = snapshotOfA();
        List<String> failures = new ArrayList<>();
        for (Walk walk : crossReferences()) {
            for (String email : forceB.keySet()) {
                MockHttpServletResponse response = mvc.perform(request(walk, email)).andReturn().getResponse();
                int status = response.getStatus();
                String body = response.getContentAsString(StandardCharsets.UTF_8);
                boolean api = walk.url().startsWith("/api/");
                if (status >= 500 || api && (status < 400 || status == 401)) {
                    failures.add(walk.method() + " " + walk.url() + " " + walk.body() + " as " + email + ": " + status
                            + " " + body.substring(0, Math.min(body.length(), 300)));
                }
                List<String> leaked = wordsOfA.stream().filter(body::contains).filter(word -> !walk.url()
                        .contains(word) && (walk.body() == null || !walk.body().contains(word))).toList();
                if (status < 400 && !leaked.isEmpty()) {
                    failures.add(walk.method() + " " + walk.url() + " as " + email + ": " + status
                            + " answered with force A's " + leaked);
                }
            }
        }
        assertThat(failures).as("force B's records tied to force A").isEmpty();
        assertThat(changes(before, snapshotOfA())).as("force A's records, and records naming them").isEmpty();
    }

    /** Figures name no record, so the walk's words cannot see them: force B's yields add up its own work only. */
    @Test
    void yieldsAddUpTheForcesOwnOperationsOnly() throws Exception {
        for (String email : List.of("coordinator@kent.test", "analyst@kent.test", "all-roles@kent.test")) {
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get("/api/v1/yields")
                    .header("Authorization", bearer.get(email))).andReturn().getResponse();
            assertThat(response.getStatus()).as(email).isEqualTo(200);
            assertThat(response.getContentAsString()).as(email).contains("\"operations\":1,")
                    .doesNotContain("\"port\":\"STN\"").doesNotContain("\"airport\":\"SOF\"");
        }
    }

    /** The ids the walk fills in are force A's records: force A's own people reach each of them. */
    @Test
    void theWalkedIdsAreTheForcesOwnRecords() throws Exception {
        String operation = idsOfA.get("operations").get(0);
        Map<String, String> owned = new LinkedHashMap<>();
        owned.put("/api/v1/operations/" + operation, "coordinator@essex.test");
        owned.put("/api/v1/operations/" + operation + "/flights/" + idsOfA.get("flights").get(0),
                "coordinator@essex.test");
        owned.put("/operations/" + operation + "/flights/import/" + idsOfA.get("import").get(0),
                "coordinator@essex.test");
        owned.put("/operations/" + operation + "/rota", "coordinator@essex.test");
        for (String check : idsOfA.get("checks")) {
            owned.put("/api/v1/checks/" + check, "officer@essex.test");
        }
        for (String referral : idsOfA.get("referrals")) {
            owned.put("/api/v1/referrals/" + referral, "officer@essex.test");
        }
        for (String report : idsOfA.get("reports")) {
            owned.put("/api/v1/reports/" + report, "officer@essex.test");
        }
        owned.put("/api/v1/retention/holds/" + idsOfA.get("holds").get(0), "admin@deployment.test");
        owned.put("/api/v1/support-requests", "navigator@essex.test");
        owned.put("/api/v1/users/" + idsOfA.get("users").get(0) + "/tokens", "admin@deployment.test");
        owned.put("/api/v1/users/" + idsOfA.get("users").get(0) + "/sessions", "admin@deployment.test");
        for (Map.Entry<String, String> get : owned.entrySet()) {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(get.getKey());
            request = get.getKey().startsWith("/api/") ? request.header("Authorization", "Bearer "
                    + tokens.issue(principal(get.getValue()), "own", null).token())
                    : request.with(user(principal(get.getValue())));
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).as(get.getKey() + " as " + get.getValue()).isEqualTo(200);
        }
        String requests = mvc.perform(MockMvcRequestBuilders.get("/api/v1/support-requests").header("Authorization",
                "Bearer " + tokens.issue(principal("navigator@essex.test"), "own", null).token())).andReturn()
                .getResponse().getContentAsString();
        assertThat(requests).contains(idsOfA.get("requests").get(0));
        String userId = idsOfA.get("users").get(0);
        String tokensAndSessions = mvc.perform(MockMvcRequestBuilders.get("/api/v1/users/" + userId + "/tokens")
                .header("Authorization", "Bearer " + tokens.issue(principal("admin@deployment.test"), "own", null)
                        .token())).andReturn().getResponse().getContentAsString()
                + mvc.perform(MockMvcRequestBuilders.get("/api/v1/users/" + userId + "/sessions")
                        .header("Authorization", "Bearer " + tokens.issue(principal("admin@deployment.test"), "own",
                                null).token())).andReturn().getResponse().getContentAsString();
        assertThat(tokensAndSessions).contains(idsOfA.get("tokens").get(0)).contains(idsOfA.get("sessions").get(0));
    }

    private Walk page(HttpMethod method, String url, String form) {
        return new Walk(method + " " + url, method, url, form, Map.of());
    }

    private Walk api(HttpMethod method, String url, String json) {
        return new Walk(method + " " + url, method, url, json, Map.of());
    }

    private String userOfA(String email) {
        return principal(email).id().value().toString();
    }

    /** The body each change would need to succeed, so that a refusal is the rule and not bad input. */
    Map<String, String> bodies() {
        String now = Instant.now().minusSeconds(30).toString();
        String today = LocalDate.now().toString();
        String officerB = principal("officer@kent.test").id().value().toString();
        Map<String, String> bodies = new TreeMap<>();
        bodies.put("POST /api/v1/operations/{operationId}/flights", "{\"flightNumber\":\"FR9\",\"direction\":"
                + "\"ARRIVAL\",\"airport\":\"SOF\",\"scheduled\":\"" + today + "T12:00\"}");
        bodies.put("POST /api/v1/operations/{operationId}/flights/{flightId}/status", "{\"status\":\"CANCELLED\"}");
        bodies.put("PUT /api/v1/operations/{operationId}/flights/{flightId}/officers", "{\"officerIds\":[\""
                + officerB + "\"]}");
        bodies.put("POST /api/v1/operations/{operationId}/engagements", "{\"passengers\":5,\"location\":\"Gate\"}");
        bodies.put("PUT /api/v1/operations/{id}", "{\"name\":\"Taken over\",\"port\":\"STN\",\"startDate\":\""
                + today + "\",\"endDate\":\"" + today + "\",\"agencyIds\":[\"" + charityB.id().value() + "\"]}");
        bodies.put("POST /api/v1/operations/{id}/status", "{\"status\":\"CLOSED\"}");
        bodies.put("POST /api/v1/operations/{id}/rota", "{\"agencyId\":\"" + charityB.id().value()
                + "\",\"kind\":\"NAVIGATOR\",\"from\":\"" + today + "T08:00:00\",\"to\":\"" + today
                + "T20:00:00\",\"phone\":\"01234 567890\"}");
        bodies.put("PUT /api/v1/operations/{id}/rota/escalation", "{\"minutes\":1}");
        bodies.put("PUT /api/v1/operations/{id}/report/press-summary", "{\"text\":\"Taken over\",\"approved\":true}");
        bodies.put("POST /api/v1/operations/{operationId}/checks", "{\"location\":\"Gate\",\"category\":"
                + "\"POTENTIAL_VICTIM\",\"person\":{\"under18\":\"NO\"}}");
        bodies.put("PUT /api/v1/checks/{id}/person", "{\"name\":\"Changed\",\"under18\":\"NO\"}");
        bodies.put("PUT /api/v1/checks/{id}/category", "{\"category\":\"WITNESS\"}");
        bodies.put("POST /api/v1/checks/{id}/indicators", "{\"indicators\":[{\"code\":\"T02\",\"basis\":"
                + "\"OBSERVED\"}]}");
        bodies.put("PUT /api/v1/checks/{id}/account", "{\"account\":\"Changed\"}");
        bodies.put("POST /api/v1/checks/{id}/advice", "{\"kind\":\"LEAFLET\",\"at\":\"" + now + "\"}");
        bodies.put("POST /api/v1/checks/{id}/outcome", "{\"outcomes\":[\"NO_FURTHER_ACTION\"]}");
        bodies.put("POST /api/v1/checks/{checkId}/support-requests", "{\"agencyId\":\"" + charityB.id().value()
                + "\",\"kind\":\"NAVIGATOR\"}");
        bodies.put("POST /api/v1/checks/{checkId}/referral", "{\"consent\":{\"given\":true,\"explainedBy\":"
                + "\"Kit\",\"language\":\"bg\",\"interpreterUsed\":false,\"at\":\"" + now + "\"}}");
        bodies.put("POST /api/v1/referrals/{id}/account-additions", "{\"text\":\"Changed\"}");
        bodies.put("POST /api/v1/referrals/{id}/submission", "{\"homeOfficeReference\":\"NRM-KENT\","
                + "\"submittedAt\":\"" + now + "\"}");
        bodies.put("POST /api/v1/referrals/{id}/decisions", "{\"type\":\"RG\",\"result\":\"POSITIVE\",\"date\":\""
                + today + "\"}");
        bodies.put("POST /api/v1/referrals/{id}/reconsideration", "{\"date\":\"" + today + "\"}");
        bodies.put("POST /api/v1/referrals/{id}/withdrawal", "{\"at\":\"" + now + "\"}");
        bodies.put("POST /api/v1/reports/{id}/assignee", "{\"userId\":\"" + officerB + "\"}");
        bodies.put("POST /api/v1/reports/{id}/operation", "{\"operationId\":\"" + operationB.value() + "\"}");
        bodies.put("POST /api/v1/reports/{id}/status", "{\"status\":\"NO_FURTHER_ACTION\"}");
        bodies.put("POST /api/v1/reports/{id}/notes", "{\"text\":\"Changed\"}");
        bodies.put("POST /api/v1/screening/hits/{id}/decision", "{\"decision\":\"NO_CONCERN\"}");
        bodies.put("POST /api/v1/operations/{operationId}/flights/{flightId}/requests/{id}/result",
                "{\"result\":\"SPOKE_WITH\"}");
        return bodies;
    }

    /** What each page form would need to succeed. */
    Map<String, String> forms() {
        String today = LocalDate.now().toString();
        String officerB = principal("officer@kent.test").id().value().toString();
        Map<String, String> forms = new TreeMap<>();
        forms.put("POST /reports/{id}/assignee", "userId=" + officerB);
        forms.put("POST /reports/{id}/operation", "operationId=" + operationB.value());
        forms.put("POST /reports/{id}/status", "status=NO_FURTHER_ACTION");
        forms.put("POST /reports/{id}/notes", "text=Changed");
        forms.put("POST /operations/{id}/status", "status=CLOSED");
        LocalDate day = LocalDate.now();
        String date = "Date.day=" + day.getDayOfMonth() + "&%1$sDate.month=" + day.getMonthValue() + "&%1$sDate.year="
                + day.getYear();
        forms.put("POST /operations/{id}", "name=Taken+over&port=STN&start" + date.formatted("start") + "&end"
                + date.formatted("end"));
        forms.put("GET /operations/{operationId}/board/rows", "date=" + today);
        forms.put("POST /operations/{operationId}/flights/{flightId}/status", "status=CANCELLED");
        forms.put("POST /operations/{operationId}/flights/{flightId}/officers", "officerIds=" + officerB);
        forms.put("POST /operations/{operationId}/tally", "location=Gate&add=1&count=1&passengers=1"
                + "&idempotencyKey=walk-tally-1");
        forms.put("POST /screening/operations/{id}/purpose", "purpose=SAFEGUARDING&text=Walk");
        forms.put("POST /screening/hits/{id}/decision", "decision=NO_CONCERN");
        forms.put("POST /operations/{operationId}/flights/{flightId}/requests/{requestId}/result", "result=SPOKE_WITH");
        forms.put("POST /operations/{operationId}/tally/undo", "engagementId=" + idsOfA.get("engagements").get(0));
        return forms;
    }

    /** One request of the walk: a mapping, with force A's ids in its path. */
    record Walk(String mapping, HttpMethod method, String url, String body, Map<String, String> headers) {
    }

    @Test
    void noIdentityOfAnotherForceReadsOrChangesAnythingOfTheForce() throws Exception {
        Set<String> before = snapshotOfA();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Walk walk : walks()) {
            for (String email : forceB.keySet()) {
                requests++;
                String who = email + " (" + forceB.get(email) + ")";
                MockHttpServletResponse response;
                try {
                    response = mvc.perform(request(walk, email)).andReturn().getResponse();
                } catch (Exception e) {
                    failures.add(walk.mapping() + " " + walk.url() + " as " + who + ": threw " + e);
                    continue;
                }
                int status = response.getStatus();
                String body = response.getContentAsString(StandardCharsets.UTF_8);
                boolean answers = ANSWER_WITHOUT_A.containsKey(walk.mapping());
                if (answers ? status >= 500 : status != 403 && status != 404 && !asForNoRecord(walk, email, response)) {
                    failures.add(walk.mapping() + " " + walk.url() + " as " + who + ": " + status + " "
                            + (response.getRedirectedUrl() == null ? "" : "-> " + response.getRedirectedUrl() + " ")
                            + body.substring(0, Math.min(body.length(), 300)).replaceAll("\\s+", " "));
                }
                if (status < 400) {
                    // The ids the caller sent in the path tell the caller nothing.
                    List<String> leaked = wordsOfA.stream().filter(body::contains)
                            .filter(word -> !walk.url().contains(word)).toList();
                    if (!leaked.isEmpty()) {
                        failures.add(walk.mapping() + " " + walk.url() + " as " + who + ": " + status
                                + " answered with force A's " + leaked);
                    }
                }
            }
        }
        Set<String> after = snapshotOfA();
        assertThat(requests).as("requests made").isGreaterThan(500);
        assertThat(failures).as("force B reached force A").isEmpty();
        assertThat(changes(before, after)).as("force A's records after force B's walk").isEmpty();
    }

    @Test
    void everyMappingIsWalkedOrSetAside() {
        Set<String> unclassified = new TreeSet<>();
        Set<String> known = new TreeSet<>();
        for (RequestMappingInfo mapping : mappings().keySet()) {
            for (String key : keys(mapping)) {
                known.add(key);
                if (key.startsWith("* ") && !SET_ASIDE.containsKey(key)) {
                    unclassified.add(key + " answers any method: say which");
                }
            }
        }
        assertThat(unclassified).isEmpty();
        assertThat(known).as("the lists name only mappings that exist").containsAll(SET_ASIDE.keySet())
                .containsAll(ANSWER_WITHOUT_A.keySet());
        assertThat(walks().stream().map(Walk::mapping).distinct().count() + SET_ASIDE.size())
                .as("every mapping walked or set aside").isEqualTo(known.size());
        assertThat(bodies().keySet()).as("bodies only for mappings that exist").isSubsetOf(known);
        assertThat(forms().keySet()).as("forms only for mappings that exist").isSubsetOf(known);
    }

    /** Every mapping not set aside, once for each combination of force A's ids in its path. */
    List<Walk> walks() {
        Map<String, String> bodies = bodies();
        Map<String, String> forms = forms();
        List<Walk> walks = new ArrayList<>();
        for (RequestMappingInfo info : mappings().keySet()) {
            for (String key : keys(info)) {
                if (SET_ASIDE.containsKey(key)) {
                    continue;
                }
                String method = key.substring(0, key.indexOf(' '));
                String path = key.substring(key.indexOf(' ') + 1);
                String body = path.startsWith("/api/") ? bodies.getOrDefault(key, "{}") : forms.get(key);
                // A mapping chosen by a header (the tally page's script) is walked with it.
                Map<String, String> headers = new TreeMap<>();
                info.getHeadersCondition().getExpressions().stream().filter(header -> !header.isNegated())
                        .forEach(header -> headers.put(header.getName(), header.getValue()));
                for (String url : fill(path)) {
                    walks.add(new Walk(key, HttpMethod.valueOf(method), url, body, headers));
                }
            }
        }
        walks.sort((a, b) -> (a.mapping() + a.url()).compareTo(b.mapping() + b.url()));
        return walks;
    }

    /**
     * Whether a refusal other than 403 or 404 tells the caller nothing: the same answer comes for
     * ids that belong to no record at all, as when undoing a tally looks only at the caller's own.
     */
    private boolean asForNoRecord(Walk walk, String email, MockHttpServletResponse response) throws Exception {
        if (response.getStatus() < 400 || response.getStatus() >= 500) {
            return false;
        }
        String url = walk.url();
        Map<String, String> madeUp = new LinkedHashMap<>();
        for (String id : wordsOfA) {
            if (id.length() == 36 && url.contains(id)) {
                madeUp.put(id, UUID.randomUUID().toString());
                url = url.replace(id, madeUp.get(id));
            }
        }
        if (madeUp.isEmpty()) {
            return false;
        }
        MockHttpServletResponse none = mvc.perform(request(new Walk(walk.mapping(), walk.method(), url, walk.body(),
                walk.headers()), email)).andReturn().getResponse();
        String body = none.getContentAsString(StandardCharsets.UTF_8);
        for (Map.Entry<String, String> id : madeUp.entrySet()) {
            body = body.replace(id.getValue(), id.getKey());
        }
        return none.getStatus() == response.getStatus()
                && body.equals(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> keys(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> keys = new ArrayList<>();
        for (String path : info.getPatternValues()) {
            if (methods.isEmpty()) {
                keys.add("* " + path);
            }
            methods.forEach(method -> keys.add(method.name() + " " + path));
        }
        return keys;
    }

    private static final Pattern VARIABLE = Pattern.compile("([^/{}]+)/\\{[^}]+}");

    /**
     * The path with force A's ids: each variable filled by the kind of record the segment before it
     * names. A record of an operation is asked for under force A's operation and under force B's own,
     * so that a record is never found by its id alone.
     */
    private List<String> fill(String path) {
        List<String> urls = new ArrayList<>(List.of(path));
        Matcher matcher = VARIABLE.matcher(path);
        boolean ofAnOperation = path.matches(".*/operations/\\{[^}]+}/.*\\{.*");
        while (matcher.find()) {
            String variable = matcher.group().substring(matcher.group().indexOf('{'));
            List<String> values = idsOfA.get(matcher.group(1));
            if (values == null) {
                throw new IllegalStateException("no id of force A for " + matcher.group() + " in " + path);
            }
            if (ofAnOperation && matcher.group(1).equals("operations")) {
                values = List.of(values.get(0), operationB.value().toString());
            }
            List<String> filled = new ArrayList<>();
            for (String url : urls) {
                values.forEach(value -> filled.add(url.replaceFirst(Pattern.quote(variable), value)));
            }
            urls = filled;
        }
        return urls;
    }

    private MockHttpServletRequestBuilder request(Walk walk, String email) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(walk.method(), walk.url());
        walk.headers().forEach(request::header);
        if (walk.url().startsWith("/api/")) {
            if (walk.body() != null && walk.method() != HttpMethod.GET) {
                boolean csv = walk.url().endsWith("/flights/import");
                request.contentType(csv ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON)
                        .content(csv ? "flight_number,airline,direction,airport,scheduled\nFR9,Ryanair,ARRIVAL,SOF,"
                                + LocalDate.now() + "T12:00\n" : walk.body());
            }
            return request.header("Authorization", bearer.get(email)).header("Idempotency-Key",
                    "walk-" + UUID.randomUUID());
        }
        if (walk.body() != null) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            for (String pair : walk.body().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                request.param(nameAndValue[0], nameAndValue[1].replace('+', ' '));
            }
        }
        return request.with(user(principal(email))).with(csrf());
    }

    /**
     * Every row of every table that holds an id of force A (its records, people and agencies),
     * but the audit log, which rightly gains an entry for each refused read.
     */
    private Set<String> snapshotOfA() throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[] { "TABLE" })) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                String name = table.toLowerCase(Locale.ROOT);
                if (name.startsWith("audit") || name.startsWith("flyway") || name.startsWith("event_publication")) {
                    continue;
                }
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(name).append(':');
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            Object value = result.getObject(column);
                            row.append(' ').append(columns.getColumnName(column).toLowerCase(Locale.ROOT)).append('=')
                                    .append(value instanceof byte[] bytes ? Arrays.hashCode(bytes) : value);
                        }
                        String text = row.toString();
                        if (rowsOfA.stream().anyMatch(text::contains)) {
                            rows.add(text);
                        }
                    }
                }
            }
        }
        assertThat(rows).as("force A's rows").hasSizeGreaterThan(20);
        return rows;
    }

    private static List<String> changes(Set<String> before, Set<String> after) {
        List<String> changes = new ArrayList<>();
        before.stream().filter(row -> !after.contains(row)).forEach(row -> changes.add("gone or changed: " + row));
        after.stream().filter(row -> !before.contains(row)).forEach(row -> changes.add("new or changed: " + row));
        return changes;
    }

    private UUID person(String name, String email, AgencySummary agency, Role... roles) {
        return given.user(name, email, agency, roles).id().value();
    }

    private WaymarkUser principal(String email) {
        return given.principal(email);
    }

    private UUID referral(UUID check, WaymarkUser officer) {
        return given.nrmReferral(check, Instant.now().minusSeconds(600), officer);
    }

    private UUID report(String what, String contact) {
        String reference = tips.receive(new NewReport(what, "Gate 12", null, "A man in a grey coat", contact),
                "10.9.9.9");
        return triage.queue(null, principal("coordinator@essex.test")).stream()
                .filter(report -> report.reference().equals(reference)).map(ReportSummary::id).findFirst()
                .orElseThrow();
    }

    /** Starts an import of a schedule for the operation, as its coordinator would, and returns the job's id. */
    private String importJob(OperationId operation) throws Exception {
        String csv = "flight_number,airline,direction,airport,scheduled\nW62418,Wizz Air,ARRIVAL,SOF," + LocalDate.now() + "T15:00\n";
        String location = mvc.perform(MockMvcRequestBuilders.multipart("/operations/" + operation.value()
                + "/flights/import").file(new MockMultipartFile("file", "zander.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(user(principal("coordinator@essex.test"))).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).as("the import started").contains("/flights/import/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Signs in on the sign-in page and returns the reference of the session it made. */
    private String signIn(String email) throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/sign-in").param("email", email)
                .param("password", Fixtures.PASSWORD).with(csrf()));
        List<WebSessions.WebSession> found = sessions.of(principal(email).id(), null);
        assertThat(found).as("a session of " + email).isNotEmpty();
        return found.get(0).id();
    }
}
