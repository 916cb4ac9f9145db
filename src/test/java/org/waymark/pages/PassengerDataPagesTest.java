package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.waymark.passengerdata.Messages.crewList;
import static org.waymark.passengerdata.Messages.paxlst;
import static org.waymark.passengerdata.Messages.pnrgov;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditQuery;
import org.waymark.passengerdata.generator.MessageGenerator;
import org.waymark.passengerdata.generator.MessageGenerator.Generated;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.PassengerData;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Purpose;
import org.waymark.passengerdata.Receipt;

/**
 * The passenger data pages as a Passenger Information Unit's analyst sees them: the day's
 * flights by their counts, a purpose asked before anyone is shown, then the passenger list, a
 * passenger and a booking, each read logged with that purpose; the queue of failed messages and
 * its replay. Nobody else sees any of it.
 */
class PassengerDataPagesTest extends PageTests {

    static final String PIU = "piu@passengers.test";
    static final String OFFICER = "officer@passengers.test";
    static final String COORDINATOR = "coordinator@passengers.test";
    static final String ANALYST = "analyst@passengers.test";
    static final String NAVIGATOR = "navigator@passengers.test";
    static final String ADMIN = "admin@passengers.test";
    static final String GATEWAY = "gateway@passengers.test";

    @Autowired
    PassengerDataIntake intake;
    @Autowired
    PassengerData passengerData;
    @Autowired
    JdbcClient jdbc;

    LocalDate today;
    UUID flight;
    UUID crewOnly;
    String operationName;

    @BeforeAll
    void data() {
        AgencySummary borderForce = given.agency("Border Force Stansted PIU", AgencyType.BORDER_FORCE);
        AgencySummary police = given.agency("Essex Police (passenger pages)", AgencyType.POLICE);
        AgencySummary charity = given.agency("Unseen (passenger pages)", AgencyType.CHARITY);
        AgencySummary airline = given.agency("Wizz Air gateway (passenger pages)", AgencyType.OTHER);
        given.user("Pia Analyst", PIU, borderForce, Role.PASSENGER_DATA);
        given.user("Olu Officer", OFFICER, police, Role.OFFICER);
        given.user("Cleo Coordinator", COORDINATOR, police, Role.COORDINATOR);
        given.user("Ari Analyst", ANALYST, police, Role.ANALYST);
        given.user("Nia Navigator", NAVIGATOR, charity, Role.PARTNER);
        given.user("Dana Admin", ADMIN, police, Role.ADMIN);
        given.user("Gate Way", GATEWAY, airline, Role.CARRIER_GATEWAY);
        today = LocalDate.now(ZoneId.of("Europe/London"));
        operationName = "Operation Meridian (passenger pages)";
        given.operation().named(operationName).between(today.minusDays(1), today.plusDays(3))
                .withPartners(borderForce).plannedBy(principal(COORDINATOR));

        String day = today.format(DateTimeFormatter.ofPattern("yyMMdd"));
        receive(paxlst("7001", day + "1030", day + "1215"));
        String tomorrow = today.plusDays(1).format(DateTimeFormatter.ofPattern("yyMMdd"));
        receive(crewList("7002", tomorrow + "1030", tomorrow + "1215"));
        receive(pnrgov("7003", day + ":0600", today.format(DateTimeFormatter.ofPattern("ddMMyy")), 2));
        flight = passengerData.flightsOn(today, principal(PIU)).stream()
                .filter(found -> found.flightNumber().equals("W64301")).findFirst().orElseThrow().id();
        crewOnly = passengerData.flightsOn(today.plusDays(1), principal(PIU)).stream()
                .filter(found -> found.flightNumber().equals("W64301")).findFirst().orElseThrow().id();
    }

    private void receive(byte[] message) {
        Receipt receipt = intake.receive(message, "test");
        assertThat(receipt.status()).as(String.valueOf(receipt.failure())).isEqualTo(MessageStatus.APPLIED);
    }

    @Test
    void theHomePageListsTheDaysFlightsByTheirCountsOnly() throws Exception {
        Document page = page(as(PIU, get("/passenger-data")));

        assertThat(page.select("h1").text()).startsWith("Flights on");
        assertThat(page.select("header nav a").eachText()).contains("Passenger data");
        var row = page.select("#flights tbody tr").stream().filter(tr -> tr.text().contains("W64301")).findFirst()
                .orElseThrow();
        assertThat(row.select("td").eachText()).containsExactly("W64301 passengers", "SOF to STN",
                row.select("td").get(2).text(), row.select("td").get(3).text(), "Received", "Received", "2", "0",
                "1");
        assertThat(row.select("td").get(2).text()).endsWith("10:30");
        assertThat(page.text()).as("counts only").doesNotContain("IVANOVA", "PETROV", "DIMOVA", "KX7PQ2");
        assertThat(cardsNamingTheirColumns(page)).containsExactly(List.of("Flight", "Route", "Departs", "Arrives",
                "Passenger list (API)", "Bookings (PNR)", "Passengers", "Crew", "Bookings"));

        Document yesterday = page(as(PIU, get("/passenger-data?date=" + today.minusDays(1))));
        assertThat(yesterday.select("#no-flights").text()).isEqualTo("No flights with passenger data leave on this day.");
        assertThat(mvc.perform(as(PIU, get("/"))).andReturn().getResponse().getRedirectedUrl())
                .as("where the role's work begins").isEqualTo("/passenger-data");
        assertThat(page(as(OFFICER, get("/operations"))).select("header nav a").eachText())
                .doesNotContain("Passenger data");
    }

    @Test
    void aPurposeIsStatedBeforeAnyPassengerIsShownAndEveryReadIsLoggedWithIt() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String list = "/passenger-data/flights/" + flight;
        assertThat(mvc.perform(as(PIU, get(list)).session(session)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo(list + "/purpose");
        long before = newestAuditId();

        Document form = page(as(PIU, get(list + "/purpose")).session(session));
        assertThat(form.select("h1").text()).isEqualTo("Why do you need to see these passengers?");
        assertThat(form.select(".govuk-caption-l").text()).contains("W64301 SOF to STN");
        assertThat(form.select("input[name=purpose]").eachAttr("value")).containsExactly("THE_OPERATION",
                "MISSING_PERSON", "SAFEGUARDING");
        assertThat(form.select("select[name=operation] option").eachText()).contains(operationName);
        assertThat(form.text()).doesNotContain("IVANOVA");

        Document sentEmpty = page(as(PIU, post(list + "/purpose")).session(session).with(csrf()));
        assertThat(sentEmpty.select(".govuk-error-summary a").eachText()).containsExactly("Select the purpose",
                "Enter the details of your purpose");
        assertThat(sentEmpty.title()).startsWith("Error:");
        Document noOperation = page(as(PIU, post(list + "/purpose")).session(session).with(csrf())
                .param("purpose", "THE_OPERATION").param("text", "Week of action"));
        assertThat(noOperation.select(".govuk-error-summary a").eachText()).containsExactly("Select the operation");
        Document tooLong = page(as(PIU, post(list + "/purpose")).session(session).with(csrf())
                .param("purpose", "MISSING_PERSON").param("text", "x".repeat(Purpose.MAX_TEXT + 1)));
        assertThat(tooLong.select(".govuk-error-summary a").eachText())
                .containsExactly("Details must be 200 characters or fewer");
        assertThat(tooLong.select("input[value=MISSING_PERSON]").hasAttr("checked")).isTrue();
        Document control = page(as(PIU, post(list + "/purpose")).session(session).with(csrf())
                .param("purpose", "MISSING_PERSON").param("text", "Enquiry\u000b42"));
        assertThat(control.select(".govuk-error-summary a").eachText()).hasSize(1);
        assertThat(control.select("#text").text()).isEqualTo("Enquiry\n42");
        assertThat(mvc.perform(as(PIU, get(list)).session(session)).andReturn().getResponse().getRedirectedUrl())
                .as("nothing stated yet").isEqualTo(list + "/purpose");
        assertThat(newestAuditId()).as("nothing read, nothing logged").isEqualTo(before);

        MvcResult stated = mvc.perform(as(PIU, post(list + "/purpose")).session(session).with(csrf())
                .param("purpose", "MISSING_PERSON").param("text", "Essex Police enquiry 42/2026")).andReturn();
        assertThat(stated.getResponse().getRedirectedUrl()).isEqualTo(list);

        Document passengers = page(as(PIU, get(list)).session(session));
        assertThat(passengers.select("#purpose").text()).contains("A missing person enquiry",
                "Essex Police enquiry 42/2026");
        assertThat(passengers.select("#passengers tbody tr").eachText()).hasSize(2);
        var maria = passengers.select("#passengers tbody tr").get(0);
        assertThat(maria.select("td").eachText()).containsExactly("IVANOVA, MARIA", "12 Mar 2004", "Female", "BGR",
                "Passport, BGR", "–", "KX7PQ2");
        assertThat(passengers.text()).as("the document's number is on the passenger's own page")
                .doesNotContain("382310458");
        assertThat(passengers.select("#crew")).isEmpty();
        assertThat(cardsNamingTheirColumns(passengers)).containsExactly(List.of("Name", "Date of birth", "Gender",
                "Nationality", "Travel document", "Seat", "Booking"));
        List<AuditEntry> listRead = entriesSince(before, "PASSENGER_LIST_READ");
        assertThat(listRead).as("one entry for each traveller shown").hasSize(2).allSatisfy(entry -> {
            assertThat(entry.detail()).isEqualTo("MISSING_PERSON Essex Police enquiry 42/2026");
            assertThat(entry.recordType()).isEqualTo("PASSENGER_DATA_TRAVELLER");
            assertThat(entry.userId()).isEqualTo(principal(PIU).id().value());
        });

        String traveller = maria.select("a").first().attr("href");
        Document one = page(as(PIU, get(traveller)).session(session));
        assertThat(one.select("h1").text()).isEqualTo("IVANOVA, MARIA");
        assertThat(one.select("#details").text()).contains("Document number 382310458", "Expires 1 January 2030",
                "Issued by BGR", "Sent in Passenger list (API)");
        String travellerId = traveller.substring(traveller.lastIndexOf('/') + 1);
        assertThat(entriesSince(before, "TRAVELLER_READ")).singleElement().satisfies(entry -> {
            assertThat(entry.recordId()).isEqualTo(travellerId);
            assertThat(entry.detail()).isEqualTo("MISSING_PERSON Essex Police enquiry 42/2026");
        });

        String booking = one.select("#details a[href^=/passenger-data/bookings/]").attr("href");
        Document theBooking = page(as(PIU, get(booking)).session(session));
        assertThat(theBooking.select("h1").text()).isEqualTo("Booking KX7PQ2");
        assertThat(theBooking.select("#details").text()).contains("Record locator KX7PQ2", "Journey One way",
                "Booked before departure the same day", "Paid by Card", "Card number Not kept");
        assertThat(theBooking.select("#contacts").text()).contains("Email agent@example.com");
        assertThat(theBooking.select("#travellers tbody tr").eachText()).anyMatch(row -> row.contains("IVANOVA, ELENA"));
        assertThat(theBooking.text()).as("never a card's number").doesNotContain("4111111111111111", "411111");
        String bookingId = booking.substring(booking.lastIndexOf('/') + 1);
        assertThat(entriesSince(before, "BOOKING_READ")).singleElement().satisfies(entry -> {
            assertThat(entry.recordId()).isEqualTo(bookingId);
            assertThat(entry.recordType()).isEqualTo("PASSENGER_DATA_BOOKING");
            assertThat(entry.detail()).isEqualTo("MISSING_PERSON Essex Police enquiry 42/2026");
        });

        // The audit log says in words why each was read, naming the flight and never the person.
        Document log = page(as(ADMIN, get("/admin/audit?action=TRAVELLER_READ")));
        assertThat(log.select(".govuk-summary-card").first().text()).contains(
                "Read a traveller’s passenger data for a missing person enquiry", "Essex Police enquiry 42/2026",
                "A passenger of W64301, SOF to STN", "Pia Analyst").doesNotContain("IVANOVA");

        // Another session has stated nothing: each page asks for the purpose first.
        MockHttpSession other = new MockHttpSession();
        for (String path : List.of(list, traveller, booking)) {
            assertThat(mvc.perform(as(PIU, get(path)).session(other)).andReturn().getResponse().getRedirectedUrl())
                    .as(path).isEqualTo(list + "/purpose");
        }
    }

    @Test
    void aPurposeLastsAnHourAtMost() throws Exception {
        MockHttpSession session = new MockHttpSession();
        HashMap<UUID, Purpose> stated = new HashMap<>();
        stated.put(flight, new Purpose(Purpose.Kind.SAFEGUARDING, null, null, "Stated long ago",
                Instant.now().minus(Duration.ofMinutes(Purpose.LASTS_MINUTES + 1))));
        session.setAttribute("org.waymark.passengerdata.web.StatedPurposes", stated);
        String list = "/passenger-data/flights/" + flight;
        assertThat(mvc.perform(as(PIU, get(list)).session(session)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo(list + "/purpose");

        mvc.perform(as(PIU, post(list + "/purpose")).session(session).with(csrf()).param("purpose", "THE_OPERATION")
                .param("operation", operationId()).param("text", "Flights from Sofia"));
        Document page = page(as(PIU, get(list)).session(session));
        assertThat(page.select("#purpose").text()).contains("The operation (" + operationName + ")",
                "Flights from Sofia");
    }

    @Test
    void crewAreListedApartFromPassengers() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String list = "/passenger-data/flights/" + crewOnly;
        mvc.perform(as(PIU, post(list + "/purpose")).session(session).with(csrf()).param("purpose", "SAFEGUARDING")
                .param("text", "Concern raised by the cabin crew"));
        Document page = page(as(PIU, get(list)).session(session));

        assertThat(page.select("#no-passengers").text()).isEqualTo("No passengers were sent for this flight.");
        assertThat(page.select("h2").eachText()).contains("Crew (1)");
        assertThat(page.select("#crew tbody tr").eachText()).containsExactly("DIMOVA, ELENA BGR");
        assertThat(cardsNamingTheirColumns(page)).containsExactly(List.of("Name", "Nationality"));
    }

    @Test
    void aLongListIsShownAPageAtATimeAndOnlyWhatIsShownIsLogged() throws Exception {
        Generated list = new MessageGenerator(77).flights(1, 400).get(0);
        Receipt receipt = intake.receive(list.body(), "a long list");
        assertThat(receipt.status()).isEqualTo(MessageStatus.APPLIED);
        int passengers = receipt.passengers();
        assertThat(passengers).as("more than a page, fewer than two").isBetween(PassengerData.PAGE_SIZE + 1,
                2 * PassengerData.PAGE_SIZE);
        UUID longFlight = jdbc.sql("SELECT flight_id FROM pd_message_flight WHERE message_id = :id")
                .param("id", receipt.id()).query(UUID.class).single();
        MockHttpSession session = new MockHttpSession();
        String path = "/passenger-data/flights/" + longFlight;
        mvc.perform(as(PIU, post(path + "/purpose")).session(session).with(csrf()).param("purpose", "SAFEGUARDING")
                .param("text", "Concern raised by the cabin crew"));
        long before = newestAuditId();

        Document first = page(as(PIU, get(path)).session(session));
        assertThat(first.select("#passengers tbody tr")).hasSize(PassengerData.PAGE_SIZE);
        assertThat(first.select("#passengers caption").text())
                .isEqualTo("Passengers 1 to " + PassengerData.PAGE_SIZE + " of " + passengers);
        assertThat(first.select(".govuk-pagination__prev")).isEmpty();
        assertThat(first.select(".govuk-pagination__next a").attr("href")).isEqualTo(path + "?page=1");
        assertThat(first.select(".govuk-pagination__next").text()).isEqualTo("Next passengers");
        assertThat(listReadsSince(before)).as("one entry for each passenger and crew member shown")
                .isEqualTo(PassengerData.PAGE_SIZE + crewOf(longFlight));

        long between = newestAuditId();
        Document second = page(as(PIU, get(path + "?page=1")).session(session));
        assertThat(second.select("#passengers tbody tr")).hasSize(passengers - PassengerData.PAGE_SIZE);
        assertThat(second.select("#passengers caption").text()).isEqualTo(
                "Passengers " + (PassengerData.PAGE_SIZE + 1) + " to " + passengers + " of " + passengers);
        assertThat(second.select(".govuk-pagination__prev a").attr("href")).isEqualTo(path + "?page=0");
        assertThat(second.select(".govuk-pagination__next")).isEmpty();
        assertThat(second.select("#crew")).as("the crew are on the first page").isEmpty();
        assertThat(listReadsSince(between)).isEqualTo(passengers - PassengerData.PAGE_SIZE);

        Document past = page(as(PIU, get(path + "?page=99")).session(session));
        assertThat(past.select("#passengers caption").text()).as("a page past the end shows the last")
                .startsWith("Passengers " + (PassengerData.PAGE_SIZE + 1) + " to ");
        assertThat(mvc.perform(as(PIU, get(path + "?page=two")).session(session)).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
    }

    private long listReadsSince(long id) {
        return audit.find(new AuditQuery("PASSENGER_LIST_READ", null, null, null), 0, 2000).stream()
                .filter(entry -> entry.id() > id).count();
    }

    private int crewOf(UUID flight) {
        return jdbc.sql("SELECT COUNT(*) FROM pd_traveller WHERE flight_id = :id AND type = 'CREW'").param("id", flight)
                .query(Integer.class).single();
    }

    @Test
    void nobodyElseSeesPassengerData() throws Exception {
        String list = "/passenger-data/flights/" + flight;
        String traveller = "/passenger-data/travellers/" + anyTraveller();
        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("home", who -> get("/passenger-data"));
        pages.put("purpose form", who -> get(list + "/purpose"));
        pages.put("state a purpose", who -> post(list + "/purpose").param("purpose", "SAFEGUARDING")
                .param("text", "A concern"));
        pages.put("passenger list", who -> get(list));
        pages.put("a traveller", who -> get(traveller));
        pages.put("failed queue", who -> get("/passenger-data/messages?status=FAILED"));
        pages.put("an unknown flight", who -> get("/passenger-data/flights/" + UUID.randomUUID() + "/purpose"));
        List<String> people = List.of(PIU, OFFICER, COORDINATOR, ANALYST, NAVIGATOR, ADMIN, GATEWAY);

        //                                                 piu officer coord analyst navig admin gateway
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("home",              List.of(200, 403, 403, 403, 403, 403, 403));
        expected.put("purpose form",      List.of(200, 403, 403, 403, 403, 403, 403));
        expected.put("state a purpose",   List.of(302, 403, 403, 403, 403, 403, 403));
        expected.put("passenger list",    List.of(302, 403, 403, 403, 403, 403, 403));
        expected.put("a traveller",       List.of(302, 403, 403, 403, 403, 403, 403));
        expected.put("failed queue",      List.of(200, 403, 403, 403, 403, 200, 403));
        expected.put("an unknown flight", List.of(404, 403, 403, 403, 403, 403, 403));
        assertThat(statuses(pages, people)).isEqualTo(expected);
    }

    @Test
    void aFailedMessageWaitsWithItsReasonAndIsReplayed() throws Exception {
        byte[] broken = ("UNB+UNOA:4+WIZZAIR+GBUKBF+261207:0800+9901'UNH+1+PAXLST:D:05B:UN:IATA+X+01:F'BGM+745'"
                + "NAD+FL+++NOBODY:KNOWN'UNT+4+1'UNZ+1+9901'").getBytes(StandardCharsets.US_ASCII);
        Receipt failed = intake.receive(broken, "inbox: broken-9901.edi");
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);

        Document queue = page(as(PIU, get("/passenger-data/messages?status=FAILED")));
        assertThat(queue.select("h1").text()).isEqualTo("Messages that could not be read");
        var row = queue.select("#messages tbody tr").stream().filter(tr -> tr.text().contains("broken-9901"))
                .findFirst().orElseThrow();
        assertThat(row.text()).contains(failed.failure().message());
        assertThat(queue.text()).as("nothing of a traveller").doesNotContain("NOBODY");
        assertThat(cardsNamingTheirColumns(queue)).containsExactly(List.of("Received", "From", "Why it failed",
                "Segment", "Position", ""));
        assertThat(page(as(ADMIN, get("/passenger-data/messages"))).select("#messages").text()).contains("broken-9901");

        String replay = row.select("form").attr("action");
        assertThat(replay).isEqualTo("/passenger-data/messages/" + failed.id() + "/replay");
        MockHttpServletResponse refused = mvc.perform(as(OFFICER, post(replay)).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        MvcResult replayed = mvc.perform(as(PIU, post(replay)).with(csrf())).andReturn();
        Document after = page(as(PIU, get(replayed.getResponse().getRedirectedUrl()))
                .flashAttrs(replayed.getFlashMap()));
        assertThat(after.select(".govuk-error-summary").text()).contains("the message still cannot be read",
                failed.failure().message());
    }

    private String operationId() throws Exception {
        Document form = page(as(PIU, get("/passenger-data/flights/" + flight + "/purpose")));
        return form.select("select[name=operation] option").stream().filter(o -> o.text().equals(operationName))
                .findFirst().orElseThrow().val();
    }

    private UUID anyTraveller() {
        return jdbc.sql("SELECT id FROM pd_traveller WHERE flight_id = :flight ORDER BY ordinal FETCH FIRST 1 ROWS ONLY").param("flight", flight)
                .query(UUID.class).single();
    }

    private long newestAuditId() {
        List<AuditEntry> newest = audit.find(AuditQuery.all(), 0, 1);
        return newest.isEmpty() ? 0 : newest.get(0).id();
    }

    private List<AuditEntry> entriesSince(long id, String action) {
        return audit.find(new AuditQuery(action, null, null, null), 0, 100).stream()
                .filter(entry -> entry.id() > id).toList();
    }
}
