package org.waymark.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.waymark.WaymarkApplication;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.CoverKind;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.OperationDetails;
import org.waymark.operation.Operations;
import org.waymark.operation.Rota;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;
import org.waymark.shared.OperationId;
import org.waymark.support.ModuleReactions;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Waymark stopped while a call waits for a mail server that is down, and started again once
 * the server is back: the call is delivered, once. The database outlives the application, as
 * it does in production.
 */
class PendingMailAfterRestartTest {

    private static final String PASSWORD = "a long enough password";

    @Test
    void aCallWaitingWhenWaymarkStopsIsSentOnceAfterItStartsAgain() throws Exception {
        int smtpPort = freePort();
        String[] settings = { "--spring.datasource.url=jdbc:h2:mem:restart;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--server.port=0",
                "--waymark.scheduling.enabled=false" };

        try (ConfigurableApplicationContext before = start(settings)) {
            askForANavigatorOnCall(before);
            assertThat(before.getBean(MailOutbox.class).deliverDue()).as("the mail server is down").isZero();
            assertThat(before.getBean(MailOutbox.class).pending()).hasSize(1);
        }

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (ConfigurableApplicationContext after = start(settings)) {
            MailOutbox outbox = after.getBean(MailOutbox.class);
            assertThat(outbox.pending()).hasSize(1);
            Thread.sleep(5_100);  // the first retry waits 5 seconds on the real clock

            assertThat(outbox.deliverDue()).isEqualTo(1);
            assertThat(outbox.deliverDue()).isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Waymark: a navigator is needed at STN");
        } finally {
            smtp.stop();
        }
    }

    private static ConfigurableApplicationContext start(String[] settings) {
        return new SpringApplicationBuilder(WaymarkApplication.class).run(settings);
    }

    private static void askForANavigatorOnCall(ConfigurableApplicationContext app) {
        Agencies agencies = app.getBean(Agencies.class);
        Users users = app.getBean(Users.class);
        AgencySummary police = agencies.create("Essex Police", AgencyType.POLICE, null, null);
        AgencySummary charity = agencies.create("Justice & Care", AgencyType.CHARITY, null, null);
        users.create("Cara Coordinator", "cara@essex.example", police.id(), EnumSet.of(Role.COORDINATOR, Role.OFFICER),
                PASSWORD, null);
        WaymarkUser coordinator = (WaymarkUser) app.getBean(UserDetailsService.class)
                .loadUserByUsername("cara@essex.example");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        OperationId operation = app.getBean(Operations.class).create(new OperationDetails("Week of action",
                new AirportCode("STN"), today, today.plusDays(1), EnumSet.of(ExploitationType.SEXUAL),
                Set.of(new CountryCode("BG")), Set.of(charity.id())), coordinator).id();
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/London"));
        app.getBean(Rota.class).add(operation, new Rota.NewSlot(charity.id(), null, CoverKind.NAVIGATOR,
                now.minusHours(1), now.plusHours(8), null, "nia@justiceandcare.example"), coordinator);
        var check = app.getBean(Checks.class).start(operation, new Checks.NewCheck(null, "Arrivals hall",
                PersonCategory.POTENTIAL_VICTIM, Person.unknown(Under18.NO)), coordinator);
        app.getBean(SupportRequests.class).request(check.id(), charity.id(), SupportKind.NAVIGATOR, coordinator);
        ModuleReactions.awaitAll(app.getBean(DataSource.class));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
