package org.waymark.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;
import org.waymark.support.DatabaseTests;
import org.waymark.support.Fixtures;
import org.waymark.support.ModuleReactions;
import org.waymark.support.TestClock;

/**
 * With no address set for Waymark, a call-out links to the address the officer asked for support
 * at (the email is written after the request, on another thread); an escalation, which no request
 * causes, says in words where to go rather than guess an address. The mail server is away, so the
 * emails wait in the outbox to be read. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(properties = { "waymark.scheduling.enabled=false", "spring.mail.host=127.0.0.1",
        "spring.mail.port=9" })
@Import({ TestClock.InUse.class, Fixtures.class })
class CallOutLinksTest extends DatabaseTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    TestClock clock;
    @Autowired
    Fixtures given;
    @Autowired
    CallOuts callOuts;
    @Autowired
    OutboundMailRepository outbox;
    @Autowired
    DataSource dataSource;
    @Autowired
    WebApplicationContext web;

    @Test
    void aCallOutLinksToTheAddressAskedAtAndAnEscalationSaysWhereToGo() throws Exception {
        AgencySummary police = given.agency("Essex Police", AgencyType.POLICE);
        AgencySummary charity = given.agency("Justice & Care", AgencyType.CHARITY);
        WaymarkUser coordinator = given.user("Cara Coordinator", "cara@links.example", police, Role.COORDINATOR);
        WaymarkUser officer = given.user("Olu Officer", "olu@links.example", police, Role.OFFICER);
        OperationId operation = given.operation().namedUniquely("Week of action")
                .around(LocalDate.now(clock.withZone(LONDON))).withPartners(charity).plannedBy(coordinator);
        LocalDateTime now = LocalDateTime.now(clock.withZone(LONDON));
        given.navigatorOnCall(operation, charity, now.minusHours(1), now.plusMinutes(30), "nia@links.example",
                coordinator);
        given.navigatorOnCall(operation, charity, now.plusMinutes(30), now.plusHours(9), "next@links.example",
                coordinator);
        UUID check = given.check(operation, Fixtures.person("Elena Petrova", Under18.NO), officer);

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        int asked = mvc.perform(post("/checks/" + check + "/support").with(user(officer)).with(csrf())
                .param("agencyId", charity.id().value().toString()).param("kind", "NAVIGATOR")
                .with(request -> {
                    request.setScheme("https");
                    request.setServerName("waymark.stansted.example");
                    request.setServerPort(8443);
                    return request;
                })).andReturn().getResponse().getStatus();
        assertThat(asked).isEqualTo(302);
        ModuleReactions.awaitAll(dataSource);

        assertThat(bodies(CallOuts.CALL_OUT)).singleElement().satisfies(body -> assertThat(body)
                .contains("Open the request in Waymark to acknowledge it:\nhttps://waymark.stansted.example:8443"
                        + "/requests#request-"));

        clock.advance(Duration.ofMinutes(11));
        // The scheduler escalates on a thread of its own, outside any request (this test's thread has a mock one).
        AtomicInteger escalated = new AtomicInteger();
        Thread scheduler = new Thread(() -> escalated.set(callOuts.escalate()));
        scheduler.start();
        scheduler.join();
        assertThat(escalated).hasValue(1);
        assertThat(bodies(CallOuts.ESCALATION)).isNotEmpty().allSatisfy(body -> assertThat(body)
                .contains("Sign in to Waymark and open the operation’s checks.").doesNotContain("http"));
    }

    private List<String> bodies(String purpose) {
        return outbox.findAll().stream().filter(mail -> mail.purpose().equals(purpose)).map(OutboundMail::body)
                .toList();
    }
}
