package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Receipt;
import org.waymark.screening.links.BookingLinks;
import org.waymark.screening.links.LinkSettings;
import org.waymark.shared.OperationId;

/**
 * An operation's linked bookings: seen only by those with the passenger data role in an agency
 * taking part, after stating a purpose that is logged with every passenger named; each group as
 * a list with the reason for each link and as a diagram; the operation's flag size set on the
 * page. Runs on H2 and on PostgreSQL.
 */
class ScreeningLinksPagesTest extends PageTests {

    static final String PIU = "piu@links-pages.test";
    static final String OTHER_PIU = "other-piu@links-pages.test";
    static final String OFFICER = "officer@links-pages.test";
    static final String COORDINATOR = "coordinator@links-pages.test";
    static final String ANALYST = "analyst@links-pages.test";
    static final String NAVIGATOR = "navigator@links-pages.test";
    static final String ADMIN = "admin@links-pages.test";
    static final String PURPOSE = "Looking for recruiters booking for several young women";

    @Autowired
    PassengerDataIntake intake;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LinkSettings settings;

    LocalDate day;
    OperationId operation;
    String links;

    @BeforeAll
    void data() {
        AgencySummary borderForce = given.agency("Border Force PIU (links pages)", AgencyType.BORDER_FORCE);
        AgencySummary otherForce = given.agency("Kent Police PIU (links pages)", AgencyType.POLICE);
        AgencySummary police = given.agency("Essex Police (links pages)", AgencyType.POLICE);
        AgencySummary charity = given.agency("Unseen (links pages)", AgencyType.CHARITY);
        given.user("Pia Analyst", PIU, borderForce, Role.PASSENGER_DATA);
        given.user("Kit Analyst", OTHER_PIU, otherForce, Role.PASSENGER_DATA);
        given.user("Olu Officer", OFFICER, police, Role.OFFICER);
        given.user("Cleo Coordinator", COORDINATOR, police, Role.COORDINATOR);
        given.user("Ari Analyst", ANALYST, police, Role.ANALYST);
        given.user("Nia Navigator", NAVIGATOR, charity, Role.PARTNER);
        given.user("Dana Admin", ADMIN, police, Role.ADMIN);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        day = today.plusDays(1);
        operation = given.operation().named("Operation Lattice (links pages)").between(today.minusDays(1),
                today.plusDays(3)).withPartners(borderForce, charity).plannedBy(principal(COORDINATOR));
        given.arrival(operation, "W64377", "Wizz Air", "SOF", day.atTime(12, 15), principal(COORDINATOR));
        Receipt receipt = intake.receive(Messages.twoBookingsSharing("7401",
                day.minusDays(1).format(DateTimeFormatter.ofPattern("yyMMdd")) + ":0930",
                day.format(DateTimeFormatter.ofPattern("ddMMyy")), "4377"), "test");
        assertThat(receipt.status()).as(String.valueOf(receipt.failure())).isEqualTo(MessageStatus.APPLIED);
        given.arrival(operation, "W64378", "Wizz Air", "SOF", day.atTime(12, 15), principal(COORDINATOR));
        Receipt callCentre = intake.receive(Messages.manyBookingsSharing("7402",
                day.minusDays(1).format(DateTimeFormatter.ofPattern("yyMMdd")) + ":0930",
                day.format(DateTimeFormatter.ofPattern("ddMMyy")), "4378", BookingLinks.MOST_SHARING + 1), "test");
        assertThat(callCentre.status()).as(String.valueOf(callCentre.failure())).isEqualTo(MessageStatus.APPLIED);
        links = "/screening/operations/" + operation.value() + "/links";
    }

    @Test
    void onlyThePassengerDataRoleOfAnAgencyTakingPartSeesTheLinks() throws Exception {
        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("purpose form", who -> get(links + "/purpose"));
        pages.put("links", who -> get(links));
        pages.put("state a purpose", who -> post(links + "/purpose").param("text", PURPOSE));
        pages.put("flag size", who -> post(links + "/flag-size").param("flagSize", "4"));
        List<String> people = List.of(PIU, OTHER_PIU, OFFICER, COORDINATOR, ANALYST, NAVIGATOR, ADMIN);

        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        expected.put("purpose form", List.of(200, 404, 403, 403, 403, 403, 403));
        expected.put("links", List.of(302, 404, 403, 403, 403, 403, 403));
        expected.put("state a purpose", List.of(302, 404, 403, 403, 403, 403, 403));
        expected.put("flag size", List.of(302, 404, 403, 403, 403, 403, 403));
        assertThat(statuses(pages, people)).isEqualTo(expected);
    }

    @Test
    void aPurposeComesFirstAndTheGroupIsShownAsAListAndADiagramEachPersonNamedLogged() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String window = "?from=" + day + "&to=" + day;
        assertThat(mvc.perform(as(PIU, get(links + window)).session(session)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo(links + "/purpose" + window);

        Document form = page(as(PIU, get(links + "/purpose" + window)).session(session));
        assertThat(form.select("h1").text()).isEqualTo("Why do you need to see this operation’s linked bookings?");
        assertThat(form.text()).doesNotContain("IVANOVA", "DIMOVA");
        Document empty = page(as(PIU, post(links + "/purpose")).session(session).with(csrf()).param("text", " "));
        assertThat(empty.select(".govuk-error-summary a").eachText()).containsExactly("Enter the details of your purpose");

        long before = newestAuditId();
        String stated = mvc.perform(as(PIU, post(links + "/purpose")).session(session).with(csrf())
                .param("text", PURPOSE).param("from", day.toString()).param("to", day.toString())).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(stated).isEqualTo(links + window);
        Document page = page(as(PIU, get(stated)).session(session));

        assertThat(page.select("h1").text()).isEqualTo("Linked bookings");
        assertThat(page.select("#purpose").text()).contains(PURPOSE, "Operation Lattice (links pages)");
        assertThat(page.select("#summary").text()).startsWith("2 flights with passenger data from")
                .endsWith("1 groups, 0 flagged (more than 4 people).");
        Element group = page.selectFirst("#group-1");
        assertThat(group.select("h2").text()).isEqualTo("Group 1: 4 people on 2 bookings");
        assertThat(group.select("tbody tr td:first-child").eachText()).containsExactly("IVANOVA, ELENA",
                "IVANOVA, MARIA", "DIMOVA, ANA", "KOLEVA, VERA");
        assertThat(group.select("tbody tr td:nth-child(5)").eachText()).containsExactly("KX7PQ2", "KX7PQ2", "LM4RT8",
                "LM4RT8");
        assertThat(group.select(".wm-links li").eachText()).containsExactly(
                "LM4RT8: same phone 359 8•••• 456 as KX7PQ2",
                "LM4RT8: same email agent@example.com as KX7PQ2",
                "LM4RT8: same address UL. VITOSHA 1 SOFIA 1000 BGR as KX7PQ2",
                "LM4RT8: same card as KX7PQ2");
        assertThat(page.html()).as("never the card's hash").doesNotContain(jdbc.sql(
                "SELECT card_hash FROM pd_booking WHERE locator = 'LM4RT8'").query(String.class).single());
        assertThat(cardsNamingTheirColumns(page)).containsExactly(List.of("Name", "Flight", "Day", "Seat", "Booking"));

        Element svg = group.selectFirst("svg");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.attr("aria-labelledby")).isEqualTo("group-1-title group-1-desc");
        assertThat(svg.select("title#group-1-title").text()).isEqualTo("Diagram of group 1");
        assertThat(svg.select("desc#group-1-desc").text()).startsWith("2 bookings joined by 1 lines");
        assertThat(svg.select("circle")).hasSize(2);
        assertThat(svg.select("line")).hasSize(1);
        assertThat(svg.select("text").eachText()).contains("KX7PQ2", "LM4RT8",
                "phone, email, address, card");

        assertThat(page.select("#too-common li").eachText()).as("a call centre's 21 bookings link nobody")
                .containsExactlyInAnyOrder("Phone 442 0•••• 000: 21 bookings", "Email bookings@calls.example: 21 bookings",
                        "Address 1 CALL CENTRE ROAD SOFIA 1000 BGR: 21 bookings", "A card: 21 bookings");
        assertThat(page.text()).doesNotContain("CALLER");

        List<AuditEntry> reads = audit.find(new AuditQuery("LINKED_BOOKINGS_READ", null, null, null), 0, 50).stream()
                .filter(entry -> entry.id() > before).toList();
        List<String> shown = jdbc.sql("""
                SELECT t.id FROM pd_traveller t JOIN pd_flight f ON f.id = t.flight_id
                WHERE f.number = '4377' AND t.source = 'PNRGOV'""").query(UUID.class).list().stream()
                .map(UUID::toString).toList();
        assertThat(reads).extracting(AuditEntry::recordId).containsExactlyInAnyOrderElementsOf(shown);
        assertThat(reads).allSatisfy(entry -> {
            assertThat(entry.detail()).isEqualTo("THE_OPERATION Operation Lattice (links pages): " + PURPOSE);
            assertThat(entry.recordType()).isEqualTo("PASSENGER_DATA_TRAVELLER");
            assertThat(entry.userId()).isEqualTo(principal(PIU).id().value());
        });
    }

    @Test
    void theFlagSizeIsSetForTheOperationAndFlagsLargerGroups() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(as(PIU, post(links + "/purpose")).session(session).with(csrf()).param("text", PURPOSE));
        String window = "?from=" + day + "&to=" + day;

        Document refused = page(as(PIU, post(links + "/flag-size")).session(session).with(csrf())
                .param("flagSize", "0").param("from", day.toString()).param("to", day.toString()));
        assertThat(refused.title()).startsWith("Error: ");
        assertThat(refused.select(".govuk-error-summary a").eachText()).containsExactly(
                "Enter a whole number from 1 to 100");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#flagSize");
        assertThat(refused.select("#flagSize").val()).isEqualTo("0");

        String saved = mvc.perform(as(PIU, post(links + "/flag-size")).session(session).with(csrf())
                .param("flagSize", "3").param("from", day.toString()).param("to", day.toString())).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(saved).isEqualTo(links + window + "&saved=");
        Document page = page(as(PIU, get(saved)).session(session));
        assertThat(page.select(".govuk-notification-banner").text()).contains("The flag size is saved");
        assertThat(page.select("#flagSize").val()).isEqualTo("3");
        assertThat(page.select("#group-1 h2").text()).isEqualTo("Group 1: 4 people on 2 bookings Flagged");
        assertThat(page.select("#summary").text()).endsWith("1 groups, 1 flagged (more than 3 people).");

        OperationId another = given.operation().namedUniquely("Another week (links pages)")
                .plannedBy(principal(COORDINATOR));
        assertThat(settings.flagSize(another)).as("set for the one operation only")
                .isEqualTo(LinkSettings.DEFAULT_FLAG_SIZE);

        mvc.perform(as(PIU, post(links + "/flag-size")).session(session).with(csrf()).param("flagSize", "4"));
        assertThat(page(as(PIU, get(links + window)).session(session)).select("#group-1 .govuk-tag")).isEmpty();
    }

    @Test
    void aWindowOfMoreThanFourteenDaysOrBackwardsIsRefusedWithoutShowingAnyone() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(as(PIU, post(links + "/purpose")).session(session).with(csrf()).param("text", PURPOSE));

        Document tooLong = page(as(PIU, get(links + "?from=" + day + "&to=" + day.plusDays(14))).session(session));
        assertThat(tooLong.select(".govuk-error-summary a").eachText()).containsExactly("Choose 14 days or fewer");
        assertThat(tooLong.select("#group-1")).isEmpty();
        Document backwards = page(as(PIU, get(links + "?from=" + day + "&to=" + day.minusDays(1))).session(session));
        assertThat(backwards.select(".govuk-error-summary a").eachText())
                .containsExactly("The last day must be the same as or after the first day");
        Document notADay = page(as(PIU, get(links + "?from=yesterday&to=%00")).session(session));
        assertThat(notADay.select(".govuk-error-summary a").eachText()).containsExactly(
                "Enter a real day, for example 2026-09-16", "Enter a real day, for example 2026-09-16");
        Document byDefault = page(as(PIU, get(links)).session(session));
        assertThat(byDefault.select("#from").val()).as("the operation's first day")
                .isEqualTo(day.minusDays(2).toString());
        assertThat(byDefault.select("#group-1")).hasSize(1);
    }

    @Test
    void thePassengerDataHomeLeadsToTheOperationsLinks() throws Exception {
        Document home = page(as(PIU, get("/passenger-data")));
        assertThat(home.select("#screening a[href=" + links + "]").text())
                .isEqualTo("Linked bookings: Operation Lattice (links pages)");
    }

    private long newestAuditId() {
        return audit.find(AuditQuery.all(), 0, 1).stream().mapToLong(AuditEntry::id).max().orElse(0);
    }
}
