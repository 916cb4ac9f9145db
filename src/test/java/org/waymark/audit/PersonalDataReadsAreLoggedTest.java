package org.waymark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.referral.Referrals;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.Under18;
import org.waymark.flight.Flights;
import org.waymark.screening.review.Decision;
import org.waymark.screening.review.HitKind;
import org.waymark.screening.review.Hits;
import org.waymark.screening.review.NewHit;
import org.waymark.screening.watchlist.EntryDetails;
import org.waymark.screening.watchlist.WatchListKind;
import org.waymark.screening.watchlist.WatchLists;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.support.MappingWalks;
import org.waymark.tips.NewReport;
import org.waymark.tips.Tips;

/**
 * The walk over every page and API endpoint that shows, exports or discloses a person's data:
 * each, requested by someone entitled to it, writes its entry to the audit log, naming who
 * (user and agency), what (action, record type and record) and, for a disclosure, to whom. The
 * inventory is one list; every GET mapping of the application is either in it or set aside with
 * its reason, so that a new endpoint fails here until it is logged or shown to hold nothing of a
 * person. The log itself takes no request that would change or delete it. Runs on H2 and on
 * PostgreSQL.
 */
class PersonalDataReadsAreLoggedTest extends MappingWalks {

    private static final String OFFICER = "officer@walk.test";
    private static final String COORDINATOR = "coordinator@walk.test";
    private static final String NAVIGATOR = "navigator@walk.test";
    private static final String ADMIN = "admin@walk.test";
    private static final String PIU = "piu@walk.test";
    private static final String PURPOSE = "SAFEGUARDING A concern raised at the gate";
    /** The same purpose as stated for an operation's review queue, which names the operation. */
    private static final String REVIEW_PURPOSE = "SAFEGUARDING Review walk: A concern raised at the gate";

    /**
     * The modules whose pages and endpoints hold nothing of a person whom Waymark is about
     * (victims, witnesses, reporters); their GET mappings need no entry of their own.
     */
    static final Map<String, String> MODULES_WITHOUT_PERSONAL_DATA = Map.of(
            "platform", "sign-in, home page, error pages and API description",
            "operation", "operations, their partners and the rota of partner cover",
            "flight", "flights, their schedules and the live board; the requests to speak with a passenger that a"
                    + " flight's page shows are screening's, and walked below",
            "engagement", "tallies: counts only, never personal data",
            "awareness", "public help pages and printed materials",
            "reporting", "figures, with small counts suppressed in what is published",
            "retention", "periods, holds and the disposal register: which records, never what they hold",
            "identity", "staff accounts and agencies: staff data, whose changes and sign-ins are logged already; "
                    + "their reads are not a law-enforcement processing of a person and are not logged");

    /** GET mappings of the personal-data modules that show nothing of a person, each with why. */
    static final Map<String, String> SHOWS_NO_PERSONAL_DATA = Map.ofEntries(
            Map.entry("GET /operations/{operationId}/checks", "the list of checks has no personal details"),
            Map.entry("GET /api/v1/operations/{operationId}/checks", "the list of checks has no personal details"),
            Map.entry("GET /operations/{operationId}/checks/new", "an empty form"),
            Map.entry("GET /api/v1/operations/{operationId}/response-times", "times of support requests only"),
            Map.entry("GET /api/v1/indicators", "the catalogue of indicators"),
            Map.entry("GET /requests/{id}/arrival", "a partner's form for a request: what is needed, where and who "
                    + "asked (staff details), nothing of the person"),
            Map.entry("GET /requests/{id}/decline", "a partner's form for a request: what is needed, where and who "
                    + "asked (staff details), nothing of the person"),
            Map.entry("GET /admin/subject-access", "an empty search form; searches and exports are POSTs, "
                    + "logged as SUBJECT_ACCESS_SEARCHED and SUBJECT_ACCESS_DISCLOSED"),
            Map.entry("GET /admin/indicators", "the catalogue of indicators"),
            Map.entry("GET /referrals", "the list of referrals has no personal details"),
            Map.entry("GET /api/v1/referrals", "the list of referrals has no personal details"),
            Map.entry("GET /api/v1/checks/{checkId}/referrals", "the check's referrals, without personal details"),
            Map.entry("GET /report", "the public's empty form"),
            Map.entry("GET /report/{language}", "the public's empty form, in a passenger's language"),
            Map.entry("GET /report/{language}/**", "the public's page for an address there is none at"),
            Map.entry("GET /api/v1/passenger-data/messages", "receipts of passenger data messages: status, "
                    + "flights, counts and warnings, never a traveller's details"),
            Map.entry("GET /api/v1/passenger-data/messages/{id}", "a receipt of a passenger data message: status, "
                    + "flights, counts and warnings, never a traveller's details"),
            Map.entry("GET /passenger-data", "flights with passenger data by their counts: no traveller's details"),
            Map.entry("GET /passenger-data/flights/{id}/purpose", "the form stating a purpose, under the flight's "
                    + "number, route and day: nothing of a traveller"),
            Map.entry("GET /screening/operations/{operationId}/links/purpose", "the form stating a purpose for an "
                    + "operation's linked bookings, under the operation's name: nothing of a traveller"),
            Map.entry("GET /passenger-data/messages", "the queue of messages: when, from where and why each failed, "
                    + "never a traveller's details"),
            Map.entry("GET /screening/review", "the operations with hits to review, by their counts: nothing of a "
                    + "passenger"),
            Map.entry("GET /screening/operations/{id}/purpose", "the form stating a purpose, under the operation's "
                    + "name: nothing of a passenger"),
            Map.entry("GET /admin/notifications", "mail waiting for the server: staff addresses and subjects, "
                    + "which hold nothing of the person; each email sent is logged as EMAIL_SENT"),
            Map.entry("GET /screening/rules", "screening rules: their titles, indicators and status"),
            Map.entry("GET /screening/rules/new", "an empty form for a rule"),
            Map.entry("GET /screening/rules/{id}", "a rule, its versions and its back-tests' counts"),
            Map.entry("GET /screening/rules/{id}/edit", "the form of a rule's conditions"),
            Map.entry("GET /screening/rules/{id}/backtest", "the form choosing the days to back-test over"),
            Map.entry("GET /screening/rules/{id}/backtests/{backtestId}", "a back-test's counts by day, route, "
                    + "outcome and rule, never a passenger; running it read passengers and was logged then"),
            Map.entry("GET /api/v1/screening/rules", "screening rules: their titles, indicators and status"),
            Map.entry("GET /api/v1/screening/rules/{id}", "a rule, its versions and its back-tests' counts"),
            Map.entry("GET /api/v1/screening/rules/{id}/backtests/{backtestId}", "a back-test's counts by day, "
                    + "route, outcome and rule, never a passenger; running it read passengers and was logged then"),
            Map.entry("GET /screening/groups", "groups of values such as countries; of the group worked out from "
                    + "referrals (payers' names) only how many members it has"),
            Map.entry("GET /screening/groups/{code}", "the form of a group people write: countries, agencies' names"),
            Map.entry("GET /screening/watch-lists", "watch lists: their names, kinds, sources and counts of entries"),
            Map.entry("GET /api/v1/screening/watch-lists", "watch lists: their names, kinds, sources and counts of "
                    + "entries"),
            Map.entry("GET /api/v1/screening/watch-lists/{id}", "a watch list: its name, kind, source and count of "
                    + "entries"),
            Map.entry("GET /api/v1/screening/groups", "groups of values such as countries; of the group worked out "
                    + "from referrals (payers' names) only how many members it has"));

    /** One request of the inventory and the entry it must write. */
    record Walk(String mapping, String as, String url, String action, String recordType, String recordId,
            String detail, String disclosedTo) {

        Walk disclosedTo(String recipient) {
            return new Walk(mapping, as, url, action, recordType, recordId, detail, recipient);
        }

        Walk sending(String json) {
            return new Walk(mapping, as, url + "\n" + json, action, recordType, recordId, detail, disclosedTo);
        }
    }

    @Autowired
    AuditLog audit;
    @Autowired
    WatchLists watchLists;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Checks checks;
    @Autowired
    Tips tips;
    @Autowired
    PassengerDataIntake intake;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Hits hits;
    @Autowired
    Flights flights;

    final Map<String, String> bearer = new HashMap<>();
    AgencySummary police;
    AgencySummary charity;
    UUID check;
    UUID supportRequest;
    UUID referral;
    UUID checkToSubmit;
    UUID referralToSubmit;
    UUID report;
    UUID passengerFlight;
    UUID traveller;
    UUID booking;
    /** An operation whose flight's bookings are linked, and the purpose stated for it, as the log writes it. */
    OperationId linkedOperation;
    String linksPurpose;
    OperationId reviewed;
    FlightId reviewedFlight;
    UUID hit;
    UUID engagementRequest;
    UUID watchList;
    UUID watchListEntry;
    /** The cookie of the passenger data user's web session (kept in the database), in which a purpose is stated. */
    Cookie piuSession;

    @BeforeAll
    void data() throws Exception {
        police = given.agency("Essex Police", AgencyType.POLICE);
        charity = given.agency("Justice and Care", AgencyType.CHARITY);
        given.user("Olu Officer", OFFICER, police, Role.OFFICER);
        given.user("Cleo Coordinator", COORDINATOR, police, Role.COORDINATOR);
        given.user("Dana Admin", ADMIN, police, Role.ADMIN);
        given.user("Nia Navigator", NAVIGATOR, charity, Role.PARTNER);
        for (String email : List.of(OFFICER, COORDINATOR, ADMIN, NAVIGATOR)) {
            bearer.put(email, "Bearer " + tokens.issue(principal(email), "walk", null).token());
        }
        LocalDate today = LocalDate.now();
        OperationId operation = given.operation().between(today.minusDays(1), today.plusDays(3)).withPartners(charity)
                .plannedBy(principal(COORDINATOR));
        check = startCheck(operation);
        supportRequest = given.navigatorAskedFor(check, charity, principal(OFFICER)).id();
        referral = nrmReferral(check);
        checkToSubmit = startCheck(operation);
        referralToSubmit = given.readyNrmReferral(checkToSubmit, "Grew up in Varna", "Elena Petrova",
                Instant.now().minusSeconds(600), principal(OFFICER));
        tips.receive(new NewReport("A man took the passports of two young women at gate 12", "Gate 12", null,
                "A man in a grey coat", "07700 900123"), "10.9.9.9");
        report = UUID.fromString(audit.find(new AuditQuery("PUBLIC_REPORT_RECEIVED", null, null, null), 0, 1).get(0)
                .recordId());
        passengerData();
    }

    /** A flight's passenger list and bookings, and a purpose stated for it by someone with the passenger data role. */
    private void passengerData() throws Exception {
        AgencySummary borderForce = given.agency("Border Force PIU", AgencyType.BORDER_FORCE);
        given.user("Pia Analyst", PIU, borderForce, Role.PASSENGER_DATA);
        bearer.put(PIU, "Bearer " + tokens.issue(principal(PIU), "walk", null).token());
        watchList = watchLists.createList(WatchListKind.MISSING_CHILD, "Missing children (walk)", "Essex Police MPU",
                principal(PIU).actor());
        watchListEntry = watchLists.addEntry(watchList, new EntryDetails("WALKER", "Anna", LocalDate.of(2008, 3, 4),
                "Essex Police MPU", "DC Shah", LocalDate.now().plusMonths(6), null, null, null), principal(PIU).actor());
        String day = LocalDate.now().format(DateTimeFormatter.ofPattern("yyMMdd"));
        intake.receive(Messages.paxlst("8001", day + "1030", day + "1215"), "walk");
        intake.receive(Messages.pnrgov("8002", day + ":0600", LocalDate.now().format(
                DateTimeFormatter.ofPattern("ddMMyy")), 2), "walk");
        passengerFlight = jdbc.sql("SELECT id FROM pd_flight").query(UUID.class).single();
        traveller = jdbc.sql("SELECT id FROM pd_traveller WHERE source = 'PAXLST' ORDER BY ordinal FETCH FIRST 1 ROWS ONLY").query(UUID.class).single();
        booking = jdbc.sql("SELECT id FROM pd_booking").query(UUID.class).single();
        String[] purpose = PURPOSE.split(" ", 2);
        MockHttpServletResponse stated = mvc.perform(post("/passenger-data/flights/" + passengerFlight + "/purpose")
                .with(user(principal(PIU))).with(csrf()).param("purpose", purpose[0])
                .param("text", purpose[1])).andReturn().getResponse();
        assertThat(stated.getStatus()).as(stated.getContentAsString()).isEqualTo(302);
        // (Named SESSION here: the cookie's configured name is given by the server MockMvc has none of.)
        piuSession = Arrays.stream(stated.getCookies()).filter(cookie -> cookie.getName().endsWith("SESSION"))
                .findFirst().orElse(null);
        assertThat(piuSession).as("the session the purpose is kept in").isNotNull();

        // An operation the passenger data user's agency takes part in, with two bookings of its flight linked.
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        linkedOperation = given.operation().named("Operation Lattice (walk)").around(tomorrow)
                .withPartners(borderForce).plannedBy(principal(COORDINATOR));
        given.arrival(linkedOperation, "W64377", "Wizz Air", "SOF", tomorrow.atTime(12, 15), principal(COORDINATOR));
        intake.receive(Messages.twoBookingsSharing("8003", LocalDate.now().format(DateTimeFormatter.ofPattern(
                "yyMMdd")) + ":0600", tomorrow.format(DateTimeFormatter.ofPattern("ddMMyy")), "4377"), "walk");
        MockHttpServletResponse linksPurposeStated = mvc.perform(post("/screening/operations/"
                + linkedOperation.value() + "/links/purpose").with(user(principal(PIU))).with(csrf())
                .cookie(piuSession).param("text", "Recruiters booking for several young women")).andReturn()
                .getResponse();
        assertThat(linksPurposeStated.getStatus()).as(linksPurposeStated.getContentAsString()).isEqualTo(302);
        linksPurpose = "THE_OPERATION Operation Lattice (walk): Recruiters booking for several young women";
        review(borderForce);
    }

    /**
     * Hits of an operation the passenger data user's agency takes part in, one of them asked of the
     * officer assigned to its flight, and the same purpose stated for its review queue.
     */
    private void review(AgencySummary piu) throws Exception {
        LocalDate today = LocalDate.now();
        WaymarkUser coordinator = principal(COORDINATOR);
        reviewed = given.operation().named("Review walk").between(today.minusDays(1), today.plusDays(3))
                .withPartners(piu).plannedBy(coordinator);
        reviewedFlight = given.arrival(reviewed, "W64301", "Wizz Air", "SOF", today.atTime(10, 30), coordinator).id();
        flights.assignOfficers(reviewed, reviewedFlight, Set.of(principal(OFFICER).id()), coordinator);
        hit = hits.record(new NewHit(reviewed, reviewedFlight, passengerFlight, traveller, "walk person",
                "IVANOVA, MARIA", "12A", Instant.now(), HitKind.RULE, UUID.randomUUID(), UUID.randomUUID(),
                "Ticket bought by someone else", 1, null, List.of("Paid for by someone who does not travel")));
        UUID asked = hits.record(new NewHit(reviewed, reviewedFlight, passengerFlight, null, "walk other person",
                "PETROV, GEORGI", "12B", Instant.now(), HitKind.RULE, UUID.randomUUID(), UUID.randomUUID(),
                "Ticket bought by someone else", 1, null, List.of("Paid for by someone who does not travel")));
        engagementRequest = hits.decide(asked, new Decision(Decision.Kind.ASK, "Red coat", "A welfare check", null,
                null), principal(PIU)).request();
        String[] purpose = PURPOSE.split(" ", 2);
        MockHttpServletResponse stated = mvc.perform(post("/screening/operations/" + reviewed.value() + "/purpose")
                .cookie(piuSession).with(user(principal(PIU))).with(csrf()).param("purpose", purpose[0])
                .param("text", purpose[1])).andReturn().getResponse();
        assertThat(stated.getStatus()).as(stated.getContentAsString()).isEqualTo(302);
    }

    /**
     * The inventory: every page and endpoint that shows, exports or discloses a person's data,
     * with the entry each must write. Add a new one here.
     */
    List<Walk> inventory() {
        String c = check.toString();
        String r = referral.toString();
        String p = report.toString();
        String officer = "user:" + principal(OFFICER).id().value();
        List<Walk> walks = new ArrayList<>();
        // Enhanced checks: the whole check, its parts' pages, the partner's view.
        walks.add(checkRead("GET /checks/{id}", OFFICER, "/checks/" + c, "FULL"));
        walks.add(checkRead("GET /checks/{id}", NAVIGATOR, "/checks/" + c, "PARTNER_VIEW"));
        for (String part : List.of("person", "indicators", "account", "advice", "support", "outcome")) {
            walks.add(checkRead("GET /checks/{id}/" + part, OFFICER, "/checks/" + c + "/" + part, "FULL"));
        }
        walks.add(checkRead("GET /checks/{id}/support/{requestId}", OFFICER, "/checks/" + c + "/support/"
                + supportRequest, "FULL"));
        walks.add(checkRead("GET /api/v1/checks/{id}", OFFICER, "/api/v1/checks/" + c, "FULL"));
        walks.add(checkRead("GET /api/v1/checks/{id}", NAVIGATOR, "/api/v1/checks/" + c, "PARTNER_VIEW"));
        // Support requests to partners: each request shows the partner's view of its check.
        walks.add(checkRead("GET /requests", NAVIGATOR, "/requests", "PARTNER_VIEW"));
        walks.add(checkRead("GET /requests/cards", NAVIGATOR, "/requests/cards", "PARTNER_VIEW"));
        walks.add(checkRead("GET /api/v1/support-requests", NAVIGATOR, "/api/v1/support-requests", "PARTNER_VIEW"));
        walks.add(new Walk("POST /api/v1/checks/{checkId}/support-requests", OFFICER,
                "/api/v1/checks/" + c + "/support-requests", "SUPPORT_REQUESTED", "SUPPORT_REQUEST", null, null,
                "agency:" + charity.id().value()).sending("{\"agencyId\":\"" + charity.id().value()
                        + "\",\"kind\":\"INTERPRETER\"}"));
        // Referrals: the check's referral page, the package, its print view, PDF and text.
        walks.add(checkRead("GET /checks/{checkId}/referral", OFFICER, "/checks/" + c + "/referral", "FULL"));
        walks.add(referralRead("GET /referrals/{id}", OFFICER, "/referrals/" + r, "FULL"));
        walks.add(referralRead("GET /referrals/{id}", NAVIGATOR, "/referrals/" + r, "PARTNER_VIEW"));
        walks.add(referralRead("GET /referrals/{id}/print", OFFICER, "/referrals/" + r + "/print", "PRINT_VIEW")
                .disclosedTo(officer));
        walks.add(new Walk("GET /referrals/{id}/package.pdf", OFFICER, "/referrals/" + r + "/package.pdf",
                "REFERRAL_PDF_DOWNLOADED", "REFERRAL", r, null, officer));
        walks.add(referralRead("GET /referrals/{id}/package/{section}", OFFICER,
                "/referrals/" + r + "/package/referrer", "FULL"));
        for (String action : List.of("submission", "decisions", "reconsideration", "withdrawal", "discard")) {
            walks.add(referralRead("GET /referrals/{id}/" + action, OFFICER, "/referrals/" + r + "/" + action,
                    "FULL"));
        }
        walks.add(referralRead("GET /api/v1/referrals/{id}", OFFICER, "/api/v1/referrals/" + r, "FULL"));
        walks.add(referralRead("GET /api/v1/referrals/{id}", NAVIGATOR, "/api/v1/referrals/" + r, "PARTNER_VIEW"));
        walks.add(new Walk("GET /api/v1/referrals/{id}/package.pdf", OFFICER, "/api/v1/referrals/" + r
                + "/package.pdf", "REFERRAL_PDF_DOWNLOADED", "REFERRAL", r, null, officer));
        walks.add(referralRead("GET /api/v1/referrals/{id}/sections", OFFICER, "/api/v1/referrals/" + r + "/sections",
                "SECTIONS_TEXT").disclosedTo(officer));
        walks.add(new Walk("POST /api/v1/referrals/{id}/submission", OFFICER, "/api/v1/referrals/" + referralToSubmit
                + "/submission", "REFERRAL_SUBMITTED", "REFERRAL", referralToSubmit.toString(),
                "disclosed to the Home Office", "organisation:Home Office").sending("{\"homeOfficeReference\":"
                        + "\"NRM-42\",\"submittedAt\":\"" + Instant.now().minusSeconds(60) + "\"}"));
        // Reports from the public: the queue names each report it shows.
        walks.add(new Walk("GET /reports", COORDINATOR, "/reports", "PUBLIC_REPORTS_LISTED", "PUBLIC_REPORT", p, null,
                null));
        walks.add(new Walk("GET /api/v1/reports", COORDINATOR, "/api/v1/reports", "PUBLIC_REPORTS_LISTED",
                "PUBLIC_REPORT", p, null, null));
        walks.add(new Walk("GET /reports/{id}", COORDINATOR, "/reports/" + p, "PUBLIC_REPORT_READ", "PUBLIC_REPORT",
                p, "WITH_CONTACT", null));
        walks.add(new Walk("GET /api/v1/reports/{id}", COORDINATOR, "/api/v1/reports/" + p, "PUBLIC_REPORT_READ",
                "PUBLIC_REPORT", p, "WITH_CONTACT", null));
        // Passenger data: a flight's list names each traveller shown; a traveller and a booking; each with the
        // purpose stated for the flight.
        walks.add(new Walk("GET /passenger-data/flights/{id}", PIU, "/passenger-data/flights/" + passengerFlight,
                "PASSENGER_LIST_READ", "PASSENGER_DATA_TRAVELLER", traveller.toString(), PURPOSE, null));
        walks.add(new Walk("GET /passenger-data/travellers/{id}", PIU, "/passenger-data/travellers/" + traveller,
                "TRAVELLER_READ", "PASSENGER_DATA_TRAVELLER", traveller.toString(), PURPOSE, null));
        walks.add(new Walk("GET /passenger-data/bookings/{id}", PIU, "/passenger-data/bookings/" + booking,
                "BOOKING_READ", "PASSENGER_DATA_BOOKING", booking.toString(), PURPOSE, null));
        // Screening: an operation's linked bookings name each traveller shown, with the purpose stated for it.
        walks.add(new Walk("GET /screening/operations/{operationId}/links", PIU, "/screening/operations/"
                + linkedOperation.value() + "/links", "LINKED_BOOKINGS_READ", "PASSENGER_DATA_TRAVELLER", null,
                linksPurpose, null));
        // Screening's review: an operation's queue names each hit shown, and a hit; each with the purpose
        // stated for the operation. Officers' requests to speak with a passenger, on the flight's page and in the API.
        String queue = "/screening/operations/" + reviewed.value() + "/hits";
        walks.add(new Walk("GET /screening/operations/{id}/hits", PIU, queue, "HITS_LISTED", "SCREENING_HIT",
                hit.toString(), REVIEW_PURPOSE, null));
        walks.add(new Walk("GET /screening/hits/{id}", PIU, "/screening/hits/" + hit, "HIT_READ", "SCREENING_HIT",
                hit.toString(), REVIEW_PURPOSE, null));
        walks.add(new Walk("GET /api/v1/screening/operations/{id}/hits", PIU, "/api/v1" + queue
                + "?purpose=SAFEGUARDING&purposeText=A concern raised at the gate", "HITS_LISTED", "SCREENING_HIT",
                hit.toString(), REVIEW_PURPOSE, null));
        String flight = "/operations/" + reviewed.value() + "/flights/" + reviewedFlight.value();
        walks.add(new Walk("GET /operations/{operationId}/flights/{flightId}", OFFICER, flight,
                "ENGAGEMENT_REQUESTS_READ", "ENGAGEMENT_REQUEST", engagementRequest.toString(), null, null));
        walks.add(new Walk("GET /api/v1/operations/{operationId}/flights/{flightId}/requests", OFFICER, "/api/v1"
                + flight + "/requests", "ENGAGEMENT_REQUESTS_READ", "ENGAGEMENT_REQUEST", engagementRequest.toString(),
                null, null));
        // Watch lists: each entry shown, on the list's page, in the form that changes it and through the API.
        String entry = watchListEntry.toString();
        walks.add(new Walk("GET /screening/watch-lists/{id}", PIU, "/screening/watch-lists/" + watchList,
                "WATCH_LIST_ENTRY_READ", "WATCH_LIST_ENTRY", entry, null, null));
        walks.add(new Walk("GET /screening/watch-lists/{id}/entries/{entryId}/edit", PIU, "/screening/watch-lists/"
                + watchList + "/entries/" + entry + "/edit", "WATCH_LIST_ENTRY_READ", "WATCH_LIST_ENTRY", entry, null,
                null));
        walks.add(new Walk("GET /api/v1/screening/watch-lists/{id}/entries", PIU, "/api/v1/screening/watch-lists/"
                + watchList + "/entries", "WATCH_LIST_ENTRY_READ", "WATCH_LIST_ENTRY", entry, null, null));
        walks.add(new Walk("GET /api/v1/screening/watch-lists/{id}/entries/{entryId}", PIU,
                "/api/v1/screening/watch-lists/" + watchList + "/entries/" + entry, "WATCH_LIST_ENTRY_READ",
                "WATCH_LIST_ENTRY", entry, null, null));
        // The audit log: reading it is logged, with the filters used.
        walks.add(new Walk("GET /admin/audit", ADMIN, "/admin/audit?recordType=enhanced_check", "AUDIT_READ",
                "AUDIT_LOG", null, "recordType=ENHANCED_CHECK page=0", null));
        walks.add(new Walk("GET /api/v1/audit", ADMIN, "/api/v1/audit?recordId=" + c, "AUDIT_READ", "AUDIT_LOG",
                null, "recordId=" + c + " page=0", null));
        return walks;
    }

    @Test
    void everyPageAndEndpointThatShowsAPersonsDataWritesItsEntry() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Walk walk : inventory()) {
            WaymarkUser who = principal(walk.as());
            long before = newestId();
            MockHttpServletResponse response = mvc.perform(request(walk)).andReturn().getResponse();
            if (response.getStatus() >= 400) {
                failures.add(walk.mapping() + " as " + walk.as() + ": " + response.getStatus() + " "
                        + response.getContentAsString());
                continue;
            }
            List<AuditEntry> written = audit.find(AuditQuery.all(), 0, 200).stream()
                    .filter(entry -> entry.id() > before).toList();
            boolean logged = written.stream().anyMatch(entry -> who.id().value().equals(entry.userId())
                    && who.agencyId().value().equals(entry.agencyId())
                    && walk.action().equals(entry.action())
                    && walk.recordType().equals(entry.recordType())
                    && (walk.recordId() == null ? walk.action().equals("AUDIT_READ") ? entry.recordId() == null
                            : entry.recordId() != null : walk.recordId().equals(entry.recordId()))
                    && (walk.detail() == null || walk.detail().equals(entry.detail()))
                    && (walk.disclosedTo() == null ? entry.disclosedTo() == null
                            : walk.disclosedTo().equals(entry.disclosedTo()))
                    && "SUCCESS".equals(entry.outcome()));
            if (!logged) {
                failures.add(walk.mapping() + " as " + walk.as() + ": no " + walk.action() + " " + walk.detail()
                        + " of " + walk.recordType() + " " + walk.recordId() + " to " + walk.disclosedTo()
                        + "; written: " + written.stream().map(entry -> entry.action() + " " + entry.recordType()
                                + " " + entry.recordId() + " " + entry.detail() + " " + entry.disclosedTo()).toList());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyGetMappingIsInTheInventoryOrShowsNoPersonalData() {
        Set<String> walked = new TreeSet<>();
        inventory().forEach(walk -> walked.add(walk.mapping()));
        Set<String> unaccounted = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings().entrySet()) {
            String type = mapping.getValue().getBeanType().getName();
            String module = type.substring("org.waymark.".length()).split("\\.")[0];
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            if (MODULES_WITHOUT_PERSONAL_DATA.containsKey(module)
                    || !methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String path : mapping.getKey().getPatternValues()) {
                String get = "GET " + path;
                if (!walked.contains(get) && !SHOWS_NO_PERSONAL_DATA.containsKey(get)) {
                    unaccounted.add(get + " (" + mapping.getValue().getShortLogMessage() + ")");
                }
            }
        }
        assertThat(unaccounted).as("GET mappings neither walked nor shown to hold nothing of a person").isEmpty();
        assertThat(walked).as("the inventory walks only mappings that exist").allSatisfy(get -> assertThat(
                mappings().keySet().stream().anyMatch(info -> info.getPatternValues()
                        .contains(get.substring(get.indexOf(' ') + 1)))).as(get).isTrue());
    }

    @Test
    void theAuditPageAndApiSayToWhomADisclosureWent() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/admin/audit?action=support_requested&recordType="
                + "support_request").with(user(principal(ADMIN)))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        Document html = Jsoup.parse(page.getContentAsString());
        assertThat(html.select(".govuk-summary-card").eachText()).anyMatch(card -> card.contains(
                "Asked a partner agency for support") && card.contains("Disclosed to Justice and Care")
                && card.contains("Olu Officer"));

        mvc.perform(get("/api/v1/referrals/" + referral + "/package.pdf").header("Authorization", bearer.get(OFFICER)));
        MockHttpServletResponse api = mvc.perform(get("/api/v1/audit?action=REFERRAL_PDF_DOWNLOADED")
                .header("Authorization", bearer.get(ADMIN))).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(200);
        assertThat(api.getContentAsString()).contains("\"disclosedTo\":\"user:" + principal(OFFICER).id().value());
    }

    @Test
    void noRequestChangesOrDeletesTheAuditLog() throws Exception {
        long entries = audit.find(AuditQuery.all(), 0, 100_000).size();
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            for (String path : List.of("/api/v1/audit", "/api/v1/audit/1")) {
                MockHttpServletResponse response = mvc.perform(request(method, path)
                        .header("Authorization", bearer.get(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{}")).andReturn().getResponse();
                // (Over HTTP the error page answers in problem JSON; MockMvc does not forward to it.)
                assertThat(response.getStatus()).as(method + " " + path).isIn(404, 405);
            }
            for (String path : List.of("/admin/audit", "/admin/audit/1")) {
                assertThat(mvc.perform(request(method, path).with(user(principal(ADMIN))).with(csrf()))
                        .andReturn().getResponse().getStatus()).as(method + " " + path).isIn(404, 405);
            }
        }
        assertThat(mappings().entrySet().stream()
                .filter(mapping -> mapping.getValue().getBeanType().getName().startsWith("org.waymark.audit."))
                .map(mapping -> mapping.getKey().getMethodsCondition().getMethods()))
                .as("the audit module's pages and endpoints only read").isNotEmpty()
                .allSatisfy(methods -> assertThat(methods).containsExactly(RequestMethod.GET));
        assertThat(audit.find(AuditQuery.all(), 0, 100_000)).as("nothing removed").hasSizeGreaterThanOrEqualTo(
                (int) entries);
    }

    private MockHttpServletRequestBuilder request(Walk walk) {
        String[] urlAndBody = walk.url().split("\n", 2);
        String method = walk.mapping().substring(0, walk.mapping().indexOf(' '));
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), urlAndBody[0]);
        if (urlAndBody.length > 1) {
            request.contentType(MediaType.APPLICATION_JSON).content(urlAndBody[1]);
        }
        if (urlAndBody[0].startsWith("/api/")) {
            return request.header("Authorization", bearer.get(walk.as()));
        }
        if (walk.as().equals(PIU)) {
            request.cookie(piuSession);
        }
        return request.with(user(principal(walk.as()))).with(csrf());
    }

    private static MockHttpServletRequestBuilder request(HttpMethod method, String url) {
        return method == HttpMethod.GET ? get(url) : MockMvcRequestBuilders.request(method, url);
    }

    private Walk checkRead(String mapping, String as, String url, String view) {
        return new Walk(mapping, as, url, "CHECK_READ", "ENHANCED_CHECK", check.toString(), view, null);
    }

    private Walk referralRead(String mapping, String as, String url, String view) {
        return new Walk(mapping, as, url, "REFERRAL_READ", "REFERRAL", referral.toString(), view, null);
    }

    private long newestId() {
        List<AuditEntry> newest = audit.find(AuditQuery.all(), 0, 1);
        return newest.isEmpty() ? 0 : newest.get(0).id();
    }

    private WaymarkUser principal(String email) {
        return given.principal(email);
    }

    private UUID startCheck(OperationId operation) {
        UUID id = given.check(operation, Person.unknown(Under18.NO), principal(OFFICER));
        checks.describe(id, Person.typed("Elena Petrova", false, 31, null, Under18.NO, Gender.FEMALE, "BG",
                List.of("bg"), null, null, null, null, null), principal(OFFICER));
        return id;
    }

    private UUID nrmReferral(UUID forCheck) {
        return given.nrmReferral(forCheck, Instant.now().minusSeconds(600), principal(OFFICER));
    }
}
