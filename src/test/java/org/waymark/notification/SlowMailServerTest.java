package org.waymark.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;
import org.waymark.support.DatabaseTests;
import org.waymark.support.Fixtures;
import org.waymark.support.ModuleReactions;
import org.waymark.support.TestClock;

/**
 * A mail server that takes its time over a call-out, as RFC 5321 lets it, gets the call-out
 * once: Waymark waits for its reply as long as the RFC allows, keeps its claim on the message
 * meanwhile so that another instance on the same database does not send it too, and marks it
 * sent as soon as the server has taken it, without waiting for an answer to QUIT. The outbox's
 * scheduled runs are on; the clock is the test's. Runs on H2 and PostgreSQL.
 */
@SpringBootTest(properties = { "waymark.mail.poll=100ms", "waymark.escalation.poll=1h" })
@Import({ TestClock.InUse.class, Fixtures.class })
class SlowMailServerTest extends DatabaseTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String CALL_OUT = "Waymark: a navigator is needed at STN";
    /** One server for the test run: the application of each database's run talks to it in turn. */
    private static final SlowMailServer SMTP = slowMailServer();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    TestClock clock;
    @Autowired
    Fixtures given;
    @Autowired
    MailOutbox outbox;
    @Autowired
    ObjectProvider<JavaMailSender> mail;
    @Autowired
    ApplicationContext application;

    @BeforeEach
    void aServerThatHasReceivedNothing() {
        SMTP.reset();
    }

    @Test
    void aMailServerTakingMinutesOverACallOutGetsItOnceWhileOtherSendersKeepTrying() throws Exception {
        askForANavigator();
        assertThat(SMTP.awaitFirstMessage(Duration.ofSeconds(20))).as("a scheduled run has sent the call-out")
                .isTrue();

        // The server takes 9 minutes to reply; another Waymark on the same database runs meanwhile.
        MailOutbox otherInstance = AnotherInstance.outbox(application);
        for (int step = 1; step <= 18; step++) {
            clock.advance(Duration.ofSeconds(30));
            within(Duration.ofSeconds(2), () -> claimedBeyond(clock.instant().plus(OutboundMail.CLAIM.dividedBy(2))));
            otherInstance.deliverDue();
            assertThat(SMTP.subjects()).as("copies the server has after %d seconds", step * 30).hasSize(1);
        }

        SMTP.answer();
        assertThat(within(Duration.ofSeconds(5), () -> outbox.pending().isEmpty()))
                .as("marked sent once the server has it, with QUIT unanswered").isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(otherInstance.deliverDue()).isZero();
        Thread.sleep(500); // the scheduled runs go on
        assertThat(SMTP.subjects()).containsExactly(CALL_OUT);
    }

    @Test
    void theMailServerHasTheTimeRfc5321AllowsForEachReplyOverPlainSmtpOrTls() {
        Properties settings = ((JavaMailSenderImpl) mail.getObject()).getJavaMailProperties();

        for (String protocol : new String[] { "smtp", "smtps" }) {
            String prefix = "mail." + protocol + ".";
            assertThat(Duration.ofMillis(Long.parseLong(settings.getProperty(prefix + "timeout", "0"))))
                    .as(protocol + ": each reply, the longest being the end of a message (10 minutes)")
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
            assertThat(Duration.ofMillis(Long.parseLong(settings.getProperty(prefix + "writetimeout", "0"))))
                    .as(protocol + ": each block written (3 minutes)").isGreaterThanOrEqualTo(Duration.ofMinutes(3));
            assertThat(Long.parseLong(settings.getProperty(prefix + "connectiontimeout", "0")))
                    .as(protocol + ": a connection not made is given up, not waited on for ever").isPositive();
            assertThat(settings.getProperty(prefix + "quitwait"))
                    .as(protocol + ": sent once taken, without waiting for QUIT").isEqualTo("false");
        }
    }

    /** Whether the call-out waiting is held by its sender's claim until after {@code until}. */
    private boolean claimedBeyond(Instant until) {
        return outbox.pending().stream().allMatch(waiting -> waiting.nextAttemptAt().isAfter(until));
    }

    /** A navigator asked for at Stansted, with one on call now. */
    private void askForANavigator() {
        AgencySummary police = given.agency("Essex Police", AgencyType.POLICE);
        AgencySummary charity = given.agency("Justice & Care", AgencyType.CHARITY);
        WaymarkUser coordinator = given.user("Cara Coordinator", "cara@essex.example", police, Role.COORDINATOR,
                Role.OFFICER);
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        OperationId operation = given.operation().namedUniquely("Week of action").around(today).withPartners(charity)
                .plannedBy(coordinator);
        LocalDateTime now = LocalDateTime.now(clock.withZone(LONDON));
        given.navigatorOnCall(operation, charity, now.minusHours(1), now.plusHours(8), "nia@justiceandcare.example",
                coordinator);
        UUID check = given.check(operation, Person.unknown(Under18.NO), coordinator);
        given.navigatorAskedFor(check, charity, coordinator);
        ModuleReactions.awaitAll(dataSource);
    }

    /** Whether {@code condition} held within {@code atMost}, looking every 20 ms. */
    private static boolean within(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static SlowMailServer slowMailServer() {
        try {
            return new SlowMailServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
