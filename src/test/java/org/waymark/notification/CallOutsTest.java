package org.waymark.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.CoverKind;
import org.waymark.operation.Rota;
import org.waymark.safeguarding.SupportRequestView;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;
import org.waymark.support.DatabaseTests;
import org.waymark.support.Fixtures;
import org.waymark.support.ModuleReactions;
import org.waymark.support.TestClock;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Call-outs by email through a real SMTP server run in the test (GreenMail): the navigator on
 * call is emailed when support is asked for, the mail server down then up delivers each message
 * exactly once, what waits survives a new outbox (as after a restart), and an unanswered call is
 * escalated once, to the next on the rota and the coordinators; the officer's confirmation says
 * who was emailed as they were; a decline is emailed to the officer and the coordinators; a
 * call-out that fails to be composed never undoes the request, and is sent once the fault clears. The jobs are run by hand; the
 * clock is the test's. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(properties = { "waymark.scheduling.enabled=false", "waymark.base-url=https://waymark.example" })
@Import({ TestClock.InUse.class, Fixtures.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallOutsTest extends DatabaseTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    TestClock clock;
    @Autowired
    Fixtures given;
    @MockitoSpyBean
    Rota rota;
    @Autowired
    SupportRequests requests;
    @Autowired
    CallOuts callOuts;
    @Autowired
    MailOutbox outbox;
    @Autowired
    ApplicationContext application;
    @Autowired
    AuditLog audit;
    @Autowired
    DataSource dataSource;
    @Autowired
    FailedEventPublications failedReactions;

    @Autowired
    WebApplicationContext web;

    AgencySummary charity;
    WaymarkUser officer;
    WaymarkUser coordinator;
    WaymarkUser navigator;

    @BeforeAll
    void people() {
        AgencySummary police = given.agency("Essex Police", AgencyType.POLICE);
        charity = given.agency("Justice & Care", AgencyType.CHARITY);
        coordinator = given.user("Cara Coordinator", "cara@essex.example", police, Role.COORDINATOR);
        officer = given.user("Olu Officer", "olu@essex.example", police, Role.OFFICER);
        navigator = given.user("Nia Navigator", "nia.navigator@justiceandcare.example", charity, Role.PARTNER);
        given.phone(navigator, "07700 900104");
    }

    /**
     * Each test starts with nothing left of the others: their calls escalated and every message
     * sent, an hour later, to a mail server that has received nothing.
     */
    @BeforeEach
    void nothingLeftOver() {
        startSmtp();
        clock.advance(Duration.ofHours(1));
        callOuts.escalate();
        outbox.deliverDue();
        startSmtp();
    }

    @AfterAll
    static void mailServerDown() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theNavigatorOnCallIsEmailedWithALinkAndNothingAboutThePerson() throws Exception {
        OperationId operation = operationWithANavigatorOnCall("nia@justiceandcare.example", null);

        askForANavigator(operation);
        assertThat(outbox.deliverDue()).isEqualTo(1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("nia@justiceandcare.example");
        assertThat(received[0].getSubject()).isEqualTo("Waymark: a navigator is needed at STN");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains("Justice & Care is asked for a navigator", "https://waymark.example/requests#request-")
                .doesNotContain("Elena", "Petrova");
        List<AuditEntry> logged = audit.find(new AuditQuery("EMAIL_SENT", "SUPPORT_REQUEST", null, null), 0, 1);
        assertThat(logged).as("the email is logged with to whom it went").singleElement()
                .satisfies(entry -> {
                    assertThat(entry.disclosedTo()).isEqualTo("email:nia@justiceandcare.example");
                    assertThat(entry.detail()).isEqualTo("CALL_OUT");
                    assertThat(body.replaceAll("=\\r?\\n", "")).contains("#request-" + entry.recordId());
                });
    }

    /**
     * The officer's confirmation names who is on call, with the number to tap, and says they
     * were emailed: and the email does go to them.
     */
    @Test
    void theConfirmationSaysWhoIsOnCallAndThatTheyWereEmailedAndTheyAre() throws Exception {
        LocalDate today = LocalDate.now(LONDON);
        OperationId operation = given.operation().namedUniquely("Week of action").around(today).withPartners(charity)
                .plannedBy(coordinator);
        LocalDateTime now = LocalDateTime.now(clock.withZone(LONDON));
        rota.add(operation, new Rota.NewSlot(charity.id(), navigator.id(), CoverKind.NAVIGATOR, now.minusHours(1),
                now.plusHours(8), null, null), coordinator);
        SupportRequestView asked = askForANavigator(operation);

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        MockHttpServletResponse response = mvc.perform(get("/checks/" + asked.checkId() + "/support/" + asked.id())
                .with(user(officer))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Request sent to Justice & Care");
        assertThat(page.select(".wm-on-call").text()).contains("Nia Navigator", "07700 900104", "Email on its way");
        assertThat(page.select(".wm-on-call a").attr("href")).isEqualTo("tel:07700900104");
        assertThat(page.select(".govuk-warning-text")).as("email is on").isEmpty();
        assertThat(page.select("#coordinators")).as("somebody was reached").isEmpty();

        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).singleElement()
                .satisfies(message -> assertThat(to(message)).isEqualTo("nia.navigator@justiceandcare.example"));
    }

    /** A decline is emailed to the officer who asked and the coordinators; the reason stays in Waymark. */
    @Test
    void aDeclineIsEmailedToTheOfficerAndTheCoordinatorsWithoutItsReason() throws Exception {
        OperationId operation = operationWithANavigatorOnCall("nia@justiceandcare.example", null);
        SupportRequestView asked = askForANavigator(operation);
        outbox.deliverDue();

        requests.decline(asked.id(), "Nobody free: Elena needs a woman navigator", navigator);
        ModuleReactions.awaitAll(dataSource);

        assertThat(outbox.deliverDue()).isEqualTo(2);
        List<MimeMessage> declines = Arrays.stream(smtp.getReceivedMessages()).skip(1).toList();
        assertThat(declines).extracting(CallOutsTest::to)
                .containsExactlyInAnyOrder("olu@essex.example", "cara@essex.example");
        assertThat(declines.get(0).getSubject()).isEqualTo("Waymark: Justice & Care cannot send a navigator at STN");
        assertThat(GreenMailUtil.getBody(declines.get(0))).contains("has declined the request for a navigator",
                "https://waymark.example/requests").doesNotContain("Elena", "woman");
        clock.advance(Duration.ofMinutes(11));
        assertThat(callOuts.escalate()).as("a declined call is not escalated").isZero();
    }

    @Test
    void aFailureComposingTheCallOutLeavesTheRequestSavedAndTheCallIsSentOnceTheFaultClears() throws Exception {
        OperationId operation = operationWithANavigatorOnCall("nia@justiceandcare.example", null);
        doThrow(new IllegalStateException("the rota could not be read")).doCallRealMethod().when(rota)
                .onCallFrom(any(), any(), any(), any());

        SupportRequestView asked = askForANavigatorWithoutWaiting(operation);
        ModuleReactions.awaitFailed(dataSource, 1);

        assertThat(requests.unacknowledgedSince(asked.requestedAt().plusSeconds(1))).as("the request is saved")
                .extracting(SupportRequestView::id).contains(asked.id());
        assertThat(outbox.pending()).as("no call-out yet").isEmpty();

        failedReactions.resubmit(ResubmissionOptions.defaults());
        ModuleReactions.awaitAll(dataSource);
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).singleElement()
                .satisfies(message -> assertThat(to(message)).isEqualTo("nia@justiceandcare.example"));
    }

    @Test
    void withTheMailServerDownTheCallWaitsAndIsDeliveredOnceItIsBack() throws Exception {
        OperationId operation = operationWithANavigatorOnCall("nia@justiceandcare.example", null);
        smtp.stop();

        askForANavigator(operation);
        assertThat(outbox.deliverDue()).isZero();
        List<MailOutbox.PendingMail> waiting = outbox.pending();
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).attempts()).isEqualTo(1);
        assertThat(waiting.get(0).lastError()).isNotBlank();
        assertThat(outbox.deliverDue()).as("not tried again before its time").isZero();

        startSmtp();
        clock.advance(Duration.ofSeconds(6));
        assertThat(outbox.deliverDue()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(15));
        assertThat(outbox.deliverDue()).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    void whatWaitsIsSentByTheNextOutboxAsAfterARestart() {
        OperationId operation = operationWithANavigatorOnCall("nia@justiceandcare.example", null);
        smtp.stop();
        askForANavigator(operation);
        outbox.deliverDue();
        startSmtp();
        clock.advance(Duration.ofSeconds(6));

        MailOutbox afterRestart = AnotherInstance.outbox(application);

        assertThat(afterRestart.deliverDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anUnansweredCallIsEscalatedOnceToTheNextOnTheRotaAndTheCoordinators() throws Exception {
        OperationId operation = operationWithANavigatorOnCall("nia@justiceandcare.example",
                "night@justiceandcare.example");
        askForANavigator(operation);
        outbox.deliverDue();

        clock.advance(Duration.ofMinutes(5));
        assertThat(callOuts.escalate()).as("not yet: the limit is 10 minutes").isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(callOuts.escalate()).isEqualTo(1);
        assertThat(callOuts.escalate()).as("once").isZero();
        assertThat(outbox.deliverDue()).isEqualTo(2);

        List<String> escalatedTo = Arrays.stream(smtp.getReceivedMessages()).skip(1).map(CallOutsTest::to).toList();
        assertThat(escalatedTo).containsExactlyInAnyOrder("night@justiceandcare.example", "cara@essex.example");
        assertThat(smtp.getReceivedMessages()[1].getSubject())
                .isEqualTo("Waymark: no answer to a call for a navigator at STN");
    }

    @Test
    void aCallUnansweredForHoursIsStaleAndNotEscalated() {
        OperationId operation = operationWithANavigatorOnCall("nia@justiceandcare.example", null);
        askForANavigator(operation);
        outbox.deliverDue();

        clock.advance(Duration.ofHours(2));

        assertThat(callOuts.escalate()).isZero();
    }

    @Test
    void anOperationThatAllowsLongerWaitsEscalatesLater() throws Exception {
        OperationId operation = operationWithANavigatorOnCall("nia@justiceandcare.example", null);
        rota.setEscalationLimit(operation, 20, coordinator);
        askForANavigator(operation);
        outbox.deliverDue();

        clock.advance(Duration.ofMinutes(15));
        assertThat(callOuts.escalate()).isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(callOuts.escalate()).isEqualTo(1);
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(to(smtp.getReceivedMessages()[1])).isEqualTo("cara@essex.example");
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[1])).contains("has waited 21 minutes");
    }

    /** An operation today at Stansted, a navigator on call now and, if given, another on next. */
    private OperationId operationWithANavigatorOnCall(String onCall, String next) {
        LocalDate today = LocalDate.now(LONDON);
        OperationId operation = given.operation().namedUniquely("Week of action").around(today).withPartners(charity)
                .plannedBy(coordinator);
        LocalDateTime now = LocalDateTime.now(clock.withZone(LONDON));
        given.navigatorOnCall(operation, charity, now.minusHours(1), now.plusMinutes(30), onCall, coordinator);
        if (next != null) {
            given.navigatorOnCall(operation, charity, now.plusMinutes(30), now.plusHours(9), next, coordinator);
        }
        return operation;
    }

    /** Asks for a navigator, and waits for the call-out (queued after the request is saved). */
    private SupportRequestView askForANavigator(OperationId operation) {
        SupportRequestView asked = askForANavigatorWithoutWaiting(operation);
        ModuleReactions.awaitAll(dataSource);
        return asked;
    }

    private SupportRequestView askForANavigatorWithoutWaiting(OperationId operation) {
        UUID check = given.check(operation, Fixtures.person("Elena Petrova", Under18.NO), officer);
        return given.navigatorAskedFor(check, charity, officer);
    }

    private static void startSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
