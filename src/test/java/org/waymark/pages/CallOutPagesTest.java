package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.waymark.flight.FlightView;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.CoverKind;
import org.waymark.operation.Rota;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.SupportRequestView;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;
import org.waymark.support.Fixtures;

/**
 * Calling a partner out, as the officer, the partner and the coordinators see it, with email off
 * as these tests run it: the confirmation says who is on call and that nobody was emailed, or
 * plainly that nobody is on call, with the coordinators' numbers; the partner's card says who
 * asked, how to call them, where to meet and how long ago; the partner gives a time or declines
 * with a reason, mistakes named the GOV.UK way; a decline shows at once to the officer and the
 * coordinators, and in the response times. (With email on, see {@code CallOutsTest}.)
 */
class CallOutPagesTest extends PageTests {

    private static final ZoneId STANSTED = ZoneId.of("Europe/London");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final String COORDINATOR = "coordinator@callouts.test";
    private static final String OFFICER = "officer@callouts.test";
    private static final String NAVIGATOR = "navigator@callouts.test";

    @Autowired
    Rota rota;
    @Autowired
    JdbcClient jdbc;

    OperationId operation;
    FlightView sofia;
    AgencySummary charity;

    @BeforeAll
    void data() {
        Fixtures.Forces forces = given.forces("callouts.test", "Suffolk Constabulary", "Callout Care", "Suffolk SARC",
                "Norfolk Constabulary");
        charity = forces.charity();
        WaymarkUser coordinator = principal(COORDINATOR);
        given.phone(coordinator, "07700 900101");
        given.phone(principal(OFFICER), "07700 900102");
        operation = given.operation().named("Week of action: call-outs").withPartners(charity, forces.sarc())
                .plannedBy(coordinator);
        sofia = given.arrival(operation, "FR1234", "Ryanair", "SOF", LocalDateTime.of(2026, 9, 16, 7, 35), coordinator);
        flights.monitor(operation, sofia.id(), coordinator);
    }

    @Test
    void withNobodyOnCallTheConfirmationSaysSoPlainlyAndGivesTheCoordinatorsNumbers() throws Exception {
        UUID check = startCheck(operation);
        Document form = page(as(OFFICER, get("/checks/" + check + "/support")));
        assertThat(form.select("input#requesterPhone").val()).as("the number on the officer's account")
                .isEqualTo("07700 900102");
        assertThat(form.select("input#meetingPoint").val()).isEmpty();

        MvcResult asked = mvc.perform(as(OFFICER, post("/checks/" + check + "/support").with(csrf())
                .param("agencyId", charity.id().value().toString()).param("kind", "NAVIGATOR")
                .param("meetingPoint", "Border Force desk, arrivals").param("requesterPhone", "07700 900999")))
                .andReturn();
        String sent = asked.getResponse().getRedirectedUrl();
        assertThat(sent).matches("/checks/" + check + "/support/[0-9a-f-]{36}");

        Document page = page(as(OFFICER, get(sent)));
        assertThat(page.select("h1").text()).isEqualTo("Nobody at Callout Care is on call for a navigator");
        assertThat(page.select("#call-out").text()).startsWith("Nobody has been told of this request.")
                .contains("the coordinators of Suffolk Constabulary see it");
        assertThat(page.select("main").text()).doesNotContain("Support requested from", "Request sent", "Email on its way");
        assertThat(page.select(".govuk-warning-text").text()).contains("Email is off in Waymark");
        assertThat(page.select("#coordinators").text()).isEqualTo("Coordinators of Suffolk Constabulary");
        assertThat(page.select(".wm-coordinators li").eachText()).containsExactly("Cleo Coordinator: 07700 900101");
        assertThat(page.select(".wm-coordinators a").attr("href")).isEqualTo("tel:07700900101");
        assertThat(page.select("#your-request").text()).contains("Navigator from Callout Care",
                "Border Force desk, arrivals", "07700 900999");
        assertThat(page.select("#your-request a").attr("href")).isEqualTo("tel:07700900999");

        Document coordinators = page(as(COORDINATOR, get("/requests")));
        assertThat(coordinators.select("#followed").text()).isEqualTo("Support asked for in your operations");
        Element card = coordinators.selectFirst(".wm-followed-card:contains(Border Force desk, arrivals)");
        assertThat(card).as("the request shows to the lead agency's coordinators at once").isNotNull();
        assertThat(card.text()).contains("Navigator from Callout Care", "Requested", "Olu Officer",
                "FR1234 from Sofia (SOF), Wed 16 September 07:35", "Sent just now");
        assertThat(card.select("a[href^=tel:]").attr("href")).isEqualTo("tel:07700900999");
        assertThat(coordinators.select("header a[href=/requests]")).hasSize(1);
    }

    @Test
    void withSomeoneOnCallAndEmailOffTheConfirmationGivesTheirNameAndNumberAndSaysNobodyWasEmailed()
            throws Exception {
        OperationId covered = given.operation().namedUniquely("Covered week").withPartners(charity)
                .plannedBy(principal(COORDINATOR));
        LocalDateTime now = LocalDateTime.now(STANSTED);
        rota.add(covered, new Rota.NewSlot(charity.id(), principal(NAVIGATOR).id(), CoverKind.INTERPRETER,
                now.minusHours(1), now.plusHours(8), "07700 900104", null), principal(COORDINATOR));
        UUID check = startCheck(covered);

        String sent = mvc.perform(as(OFFICER, post("/checks/" + check + "/support").with(csrf())
                .param("agencyId", charity.id().value().toString()).param("kind", "INTERPRETER")
                .param("requesterPhone", ""))).andReturn().getResponse().getRedirectedUrl();
        Document page = page(as(OFFICER, get(sent)));

        assertThat(page.select("h1").text()).isEqualTo("Call Callout Care now");
        assertThat(page.select("#call-out").text()).startsWith("Email is off in Waymark, so nobody at Callout Care "
                + "has been emailed.");
        Element onCall = page.selectFirst(".wm-on-call");
        assertThat(onCall.text()).contains("Nia Navigator", "07700 900104", "Not emailed: email is off in Waymark");
        assertThat(onCall.select("a").attr("href")).isEqualTo("tel:07700900104");
        assertThat(page.select(".wm-coordinators li").eachText()).containsExactly("Cleo Coordinator: 07700 900101");
        assertThat(page.select("#your-request").text()).contains("Interpreter from Callout Care", "Not given",
                "No number given");
    }

    @Test
    void theFormNamesAMeetingPointTooLongAndANumberThatIsNoneAndKeepsWhatWasTyped() throws Exception {
        UUID check = startCheck(operation);
        String tooLong = "x".repeat(SupportRequests.MAX_MEETING_POINT + 1);

        Document page = page(as(OFFICER, post("/checks/" + check + "/support").with(csrf())
                .param("agencyId", charity.id().value().toString()).param("kind", "NAVIGATOR")
                .param("meetingPoint", tooLong).param("requesterPhone", "07700 900102")));
        assertThat(page.title()).startsWith("Error: Request support");
        assertThat(page.select(".govuk-error-summary a").eachText())
                .containsExactly("Where to meet must be 200 characters or fewer");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#meetingPoint");
        assertThat(page.select("input#meetingPoint").val()).isEqualTo(tooLong);

        Document phone = page(as(OFFICER, post("/checks/" + check + "/support").with(csrf())
                .param("agencyId", charity.id().value().toString()).param("kind", "NAVIGATOR")
                .param("requesterPhone", "call the desk")));
        assertThat(phone.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter a phone number of digits, like 07700 900123 or +44 7700 900123");
        assertThat(phone.select("#requesterPhone-error").text()).contains("Enter a phone number");
        assertThat(phone.select("input#requesterPhone").val()).isEqualTo("call the desk");
    }

    @Test
    void thePartnersCardSaysWhoAskedHowToCallThemWhereToMeetTheFlightAndHowLongAgo() throws Exception {
        SupportRequestView twelve = ask(startCheck(operation), SupportKind.NAVIGATOR, "Gate 12", "07700 900102");
        Instant twelveAgo = sentAgo(twelve, Duration.ofMinutes(12));
        SupportRequestView one = ask(startCheck(operation), SupportKind.INTERPRETER, null, null);
        sentAgo(one, Duration.ofMinutes(1).plusSeconds(5));

        Document page = page(as(NAVIGATOR, get("/requests")));

        Element card = page.getElementById("request-" + twelve.id());
        assertThat(card.select(".wm-sent").text()).isEqualTo("Sent 12 minutes ago, at "
                + HH_MM.format(twelveAgo.atZone(STANSTED)));
        assertThat(card.select(".wm-asked").text()).contains("Asked by", "Olu Officer", "07700 900102");
        assertThat(card.select(".wm-asked a").attr("href")).isEqualTo("tel:07700900102");
        assertThat(card.select(".wm-meeting-point").text()).isEqualTo("Gate 12");
        assertThat(card.text()).contains("FR1234 from Sofia (SOF), Wed 16 September 07:35", "Week of action: call-outs (STN)");
        assertThat(card.select("a.wm-answer-link").eachText()).containsExactly(
                "Say when you will arrive the request for a navigator", "Decline the request for a navigator");
        Element other = page.getElementById("request-" + one.id());
        assertThat(other.select(".wm-sent").text()).startsWith("Sent 1 minute ago, at ");
        assertThat(other.select(".wm-asked").text()).contains("No number given").doesNotContain("Where to meet");
    }

    @Test
    void thePartnerSaysWhenTheyWillArriveMistakesNamedAndTheOfficerSeesIt() throws Exception {
        UUID check = startCheck(operation);
        SupportRequestView asked = ask(check, SupportKind.NAVIGATOR, "Gate 12", "07700 900102");
        String arrival = "/requests/" + asked.id() + "/arrival";

        Document form = page(as(NAVIGATOR, get(arrival)));
        assertThat(form.select("h1").text()).isEqualTo("When will you get there?");
        assertThat(form.select(".govuk-caption-l").text()).isEqualTo("Navigator from Callout Care");
        assertThat(form.select("#time-hint").text()).startsWith("Local time at STN");
        assertThat(form.select("main").text()).contains("FR1234 from Sofia (SOF), Wed 16 September 07:35", "Olu Officer", "Gate 12");

        Document notATime = page(as(NAVIGATOR, post(arrival).with(csrf()).param("time", "7.3x")));
        assertThat(notATime.title()).startsWith("Error: When will you get there?");
        assertThat(notATime.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter the time as hours and minutes, like 14:30");
        assertThat(notATime.select(".govuk-error-summary a").attr("href")).isEqualTo("#time");
        assertThat(notATime.select("input#time").val()).isEqualTo("7.3x");
        // Two hours ago is taken as tomorrow, which is too far ahead.
        String twoHoursAgo = HH_MM.format(LocalDateTime.now(STANSTED).minusHours(2));
        Document tooLate = page(as(NAVIGATOR, post(arrival).with(csrf()).param("time", twoHoursAgo)));
        assertThat(tooLate.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter a time within the next 12 hours");
        assertThat(tooLate.select("#time-error").text()).contains("within the next 12 hours");

        String soon = HH_MM.format(LocalDateTime.now(STANSTED).plusMinutes(30));
        MvcResult given = mvc.perform(as(NAVIGATOR, post(arrival).with(csrf()).param("time", soon))).andReturn();
        assertThat(given.getResponse().getRedirectedUrl()).isEqualTo("/requests");
        Document requests = page(as(NAVIGATOR, get("/requests")).flashAttrs(given.getFlashMap()));
        assertThat(requests.select(".govuk-notification-banner").text()).contains("Arrival time saved");
        Element card = requests.getElementById("request-" + asked.id());
        assertThat(card.select(".wm-expected-arrival").text()).isEqualTo(soon);
        assertThat(card.select(".govuk-summary-card__title").text()).contains("Acknowledged");
        assertThat(card.select("a.wm-answer-link").eachText()).contains("Change your arrival time the request for "
                + "a navigator");

        Document officersCheck = page(as(OFFICER, get("/checks/" + check)));
        assertThat(officersCheck.select("#support .wm-expected-arrival").text()).isEqualTo(soon);
    }

    @Test
    void thePartnerDeclinesWithAReasonAndTheOfficerAndCoordinatorsSeeItAtOnceAndInTheResponseTimes()
            throws Exception {
        OperationId declining = given.operation().namedUniquely("Declining week").withPartners(charity)
                .plannedBy(principal(COORDINATOR));
        UUID check = startCheck(declining);
        SupportRequestView asked = ask(check, SupportKind.NAVIGATOR, "Gate 12", "07700 900102");
        String decline = "/requests/" + asked.id() + "/decline";
        Document officersPage = page(as(OFFICER, get("/requests")));
        String refresh = officersPage.select("#requests").attr("data-refresh-url");
        assertThat(status(as(OFFICER, get(refresh)))).as("nothing changed yet").isEqualTo(204);

        Document form = page(as(NAVIGATOR, get(decline)));
        assertThat(form.select("h1").text()).isEqualTo("Decline this request");
        assertThat(form.select("textarea#reason")).hasSize(1);
        assertThat(form.select(".govuk-character-count").attr("data-maxlength")).isEqualTo("500");

        Document empty = page(as(NAVIGATOR, post(decline).with(csrf()).param("reason", "  ")));
        assertThat(empty.title()).startsWith("Error: Decline this request");
        assertThat(empty.select(".govuk-error-summary a").eachText()).containsExactly("Say why you cannot come");
        assertThat(empty.select(".govuk-error-summary a").attr("href")).isEqualTo("#reason");
        assertThat(empty.select("#reason-error").text()).contains("Say why you cannot come");
        String tooLong = "y".repeat(SupportRequests.MAX_DECLINE_REASON + 1);
        Document tooLongReason = page(as(NAVIGATOR, post(decline).with(csrf()).param("reason", tooLong)));
        assertThat(tooLongReason.select(".govuk-error-summary a").eachText())
                .containsExactly("The reason must be 500 characters or fewer");
        assertThat(tooLongReason.select("textarea#reason").text()).isEqualTo(tooLong);

        MvcResult declined = mvc.perform(as(NAVIGATOR, post(decline).with(csrf())
                .param("reason", "Nobody free until 18:00"))).andReturn();
        assertThat(declined.getResponse().getRedirectedUrl()).isEqualTo("/requests");
        Document partners = page(as(NAVIGATOR, get("/requests")).flashAttrs(declined.getFlashMap()));
        assertThat(partners.select(".govuk-notification-banner").text()).contains("Request declined");
        Element card = partners.getElementById("request-" + asked.id());
        assertThat(card.select(".govuk-summary-card__title").text()).contains("Declined");
        assertThat(card.select("button, a.wm-answer-link")).as("nothing left to do").isEmpty();
        Document again = page(as(NAVIGATOR, post(decline).with(csrf()).param("reason", "Still nobody")));
        assertThat(again.select(".govuk-error-summary").text()).contains("This request has already been declined");

        // The officer's open page fetches it at once; their pages and the coordinators' say why.
        var fresh = mvc.perform(as(OFFICER, get(refresh))).andReturn().getResponse();
        assertThat(fresh.getStatus()).isEqualTo(200);
        assertThat(fresh.getContentAsString()).contains("Declined", "Nobody free until 18:00");
        Element officers = page(as(OFFICER, get("/requests"))).getElementById("followed-" + asked.id());
        assertThat(officers.select(".wm-decline-reason").text()).endsWith(": Nobody free until 18:00");
        assertThat(officers.select(".govuk-summary-card__title").text()).contains("Declined");
        Document officersCheck = page(as(OFFICER, get("/checks/" + check)));
        assertThat(officersCheck.select("#support").text()).contains("Declined", "Nobody free until 18:00");
        assertThat(officersCheck.select("#support button")).isEmpty();
        Element coordinators = page(as(COORDINATOR, get("/requests"))).getElementById("followed-" + asked.id());
        assertThat(coordinators.select(".wm-decline-reason").text()).endsWith(": Nobody free until 18:00");

        Document operationPage = page(as(COORDINATOR, get("/operations/" + declining.value())));
        assertThat(operationPage.select("table:has(caption:contains(Response times)) thead").text())
                .contains("Declined");
        assertThat(operationPage.select("tr:contains(Callout Care) td.wm-declined").text()).isEqualTo("1");
    }

    /** A check on FR1234 in the week of action, or in the arrivals hall in another operation. */
    private UUID startCheck(OperationId in) {
        boolean onTheFlight = in.equals(operation);
        return checks.start(in, new Checks.NewCheck(onTheFlight ? sofia.id() : null,
                onTheFlight ? null : "Arrivals hall", PersonCategory.POTENTIAL_VICTIM, Person.unknown(Under18.NO)),
                principal(OFFICER)).id();
    }

    private SupportRequestView ask(UUID check, SupportKind kind, String meetingPoint, String phone) {
        return requests.request(check, new SupportRequests.NewRequest(charity.id(), kind, meetingPoint, phone),
                principal(OFFICER));
    }

    /** Makes the request as if sent this long ago; when that was. */
    private Instant sentAgo(SupportRequestView request, Duration ago) {
        Instant then = Instant.now().minus(ago);
        jdbc.sql("UPDATE support_request SET requested_at = ? WHERE id = ?").params(Timestamp.from(then),
                request.id()).update();
        return then;
    }
}
