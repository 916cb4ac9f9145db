package org.waymark.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.waymark.flight.EngagedPassengers;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.notification.MailOutbox.PendingMail;
import org.waymark.operation.CoverKind;
import org.waymark.operation.Rota;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.SafeguardingEvents.SupportRequested;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.SupportRequestView;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;
import org.waymark.support.Fixtures;
import org.waymark.support.ModuleReactions;
import org.waymark.support.TestDatabases;

/**
 * The notification module with the modules it depends on: a support request, once committed,
 * queues a call-out to whoever of the partner agency is on call, through the event publication
 * registry; a call-out that fails undoes nothing of the request and is queued when run again.
 */
// Its direct dependencies (identity, operation, safeguarding, flight) hold all it needs but one bean,
// mocked below; platform for the clock and the unquoted table names without which H2 finds no table of
// a repository. The job that sends mail and the one that retries failed reactions are off.
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@TestPropertySource(properties = "waymark.scheduling.enabled=false")
@Import(Fixtures.class)
class NotificationModuleTest {
    private static final String ON_CALL = "nia@charity.example";
    private static final ZoneId STANSTED_TIME = ZoneId.of("Europe/London");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    /**
     * A mail server, so that call-outs are queued at all; nothing listens on the port, as the
     * tests look at the outbox, and the job that would send is off.
     */
    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        int port = freePort();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    /**
     * The flight module, a dependency, asks the engagement module for the passengers its board
     * shows; engagement is no dependency of notification and the board is not used here.
     */
    @MockitoBean
    EngagedPassengers engagedPassengers;

    /** The real rota, made to fail once where a test says so. */
    @MockitoSpyBean
    Rota rota;

    private final Fixtures given;
    private final SupportRequests requests;
    private final MailOutbox outbox;
    private final OutboundMailRepository mails;
    private final FailedEventPublications failedReactions;
    private final DataSource dataSource;

    private AgencySummary charity;
    private WaymarkUser officer;
    private WaymarkUser navigator;
    private OperationId operation;

    NotificationModuleTest(Fixtures given, SupportRequests requests, MailOutbox outbox, OutboundMailRepository mails,
            FailedEventPublications failedReactions, DataSource dataSource) {
        this.given = given;
        this.requests = requests;
        this.outbox = outbox;
        this.mails = mails;
        this.failedReactions = failedReactions;
        this.dataSource = dataSource;
    }

    /**
     * An operation at Stansted under way today, with Nia of Justice & Care on call as navigator
     * now and Noor after her.
     */
    @BeforeAll
    void aNavigatorOnCall() {
        AgencySummary police = given.agency("Essex Police", AgencyType.POLICE);
        charity = given.agency("Justice & Care", AgencyType.CHARITY);
        WaymarkUser coordinator = given.user("Cara Coordinator", "cara@essex.example", police, Role.COORDINATOR);
        officer = given.user("Olu Officer", "olu@essex.example", police, Role.OFFICER);
        navigator = given.user("Nia Navigator", ON_CALL, charity, Role.PARTNER);
        WaymarkUser next = given.user("Noor Navigator", "noor@charity.example", charity, Role.PARTNER);
        operation = given.operation().around(LocalDate.now(STANSTED_TIME)).withPartners(police, charity)
                .plannedBy(coordinator);
        LocalDateTime now = LocalDateTime.now(STANSTED_TIME);
        rota.add(operation, new Rota.NewSlot(charity.id(), navigator.id(), CoverKind.NAVIGATOR, now.minusHours(1),
                now.plusHours(3), null, null), coordinator);
        rota.add(operation, new Rota.NewSlot(charity.id(), next.id(), CoverKind.NAVIGATOR, now.plusHours(3),
                now.plusHours(7), null, null), coordinator);
    }

    /** Each test starts with an empty outbox, once the reactions of the one before have run. */
    @AfterEach
    void emptyTheOutbox() {
        ModuleReactions.awaitAll(dataSource);
        mails.deleteAll();
    }

    @Test
    void aSupportRequestQueuesACallOutToWhoeverIsOnCall(Scenario scenario) {
        scenario.publish(new SupportRequested(UUID.randomUUID(), UUID.randomUUID(), operation, charity.id(),
                        SupportKind.NAVIGATOR, officer.actor()))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(outbox::pending, pending -> !pending.isEmpty())
                .andVerify(pending -> assertThat(pending).singleElement().satisfies(callOut -> {
                    assertThat(callOut.recipient()).as("the navigator on call, not the next").isEqualTo(ON_CALL);
                    assertThat(callOut.purpose()).isEqualTo(CallOuts.CALL_OUT);
                    assertThat(callOut.subject()).isEqualTo("Waymark: a navigator is needed at STN");
                }));
    }

    @Test
    void aCallOutThatFailsNeitherUndoesTheRequestNorIsLost() {
        doThrow(new IllegalStateException("the rota could not be read for a moment")).doCallRealMethod()
                .when(rota).onCallFrom(any(), any(), any(), any());

        SupportRequestView request = given.navigatorAskedFor(given.check(operation, Person.unknown(Under18.NO),
                officer), charity, officer);
        ModuleReactions.awaitFailed(dataSource, 1);

        assertThat(requests.ofMyAgency(navigator)).extracting(asked -> asked.request().id()).contains(request.id());
        assertThat(outbox.pending()).isEmpty();

        failedReactions.resubmit(ResubmissionOptions.defaults());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !outbox.pending().isEmpty());
        assertThat(outbox.pending()).extracting(PendingMail::recipient).containsExactly(ON_CALL);
    }


    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
