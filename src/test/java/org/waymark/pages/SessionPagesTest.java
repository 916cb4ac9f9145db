package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.Role;
import org.waymark.support.TestClock;
import org.waymark.support.WebBrowser;

/**
 * Sessions, tokens and unused accounts on the pages: administrators manage other people's,
 * everyone their own. Sessions are signed in over HTTP, as a browser would, into the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.InUse.class)
class SessionPagesTest extends PageTests {

    static final String ADMIN = "admin@sessions.test";
    static final String COORDINATOR = "coordinator@sessions.test";

    @Autowired
    ApiTokens tokens;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcIndexedSessionRepository sessions;
    @LocalServerPort
    int port;

    AgencySummary police;

    @BeforeAll
    void data() {
        police = given.agency("Essex Police", AgencyType.POLICE);
        given.user("Dana Admin", ADMIN, police, Role.ADMIN);
        given.user("Chris Coordinator", COORDINATOR, police, Role.COORDINATOR);
    }

    /**
     * Two requests of one session at once both adding the same attribute (the message a redirect
     * carries to the next page, after a double tap on a poor signal): both are kept, the later
     * one's value wins, and neither fails.
     */
    @Test
    void twoRequestsOfASessionAddingTheSameAttributeBothSave() {
        assertThat(bothAddTheSameAttribute(sessions)).isEqualTo("second");
    }

    /** The value a session holds after two copies of it each added one under the same name and were saved. */
    private static <S extends Session> Object bothAddTheSameAttribute(SessionRepository<S> repository) {
        String flash = "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS";
        S session = repository.createSession();
        repository.save(session);
        S first = repository.findById(session.getId());
        S second = repository.findById(session.getId());
        first.setAttribute(flash, "first");
        second.setAttribute(flash, "second");
        repository.save(first);
        repository.save(second);
        return repository.findById(session.getId()).getAttribute(flash);
    }

    @Test
    void anAdministratorSeesAUsersSessionsAndTokensAndEndsThem() throws Exception {
        String email = newUser("Olu Officer", Role.OFFICER);
        String edit = "/admin/users/" + principal(email).id() + "/edit";
        WebBrowser phone = new WebBrowser(port, WebBrowser.CHROME_ON_ANDROID);
        phone.signIn(email, PASSWORD);
        tokens.issue(principal(email), "Force intelligence system", 30);

        Document page = page(as(ADMIN, get(edit)));

        assertThat(page.select("h2#sessions").text()).isEqualTo("Signed-in sessions");
        Element session = page.selectFirst("#session-list .govuk-summary-card");
        assertThat(session.text()).contains("Chrome on Android").doesNotContain("This session");
        assertThat(session.select("button").text()).startsWith("End session");
        assertThat(session.select("h3").text()).isEqualTo("Chrome on Android");
        assertThat(session.select("dt").eachText()).containsExactly("Signed in", "Last active");
        Element token = page.selectFirst("#token-list tbody tr");
        assertThat(token.text()).contains("Force intelligence system", "Never");
        assertThat(token.select("button").text()).isEqualTo("Revoke Force intelligence system");
        assertThat(page.html()).doesNotContain(phone.sessionCookie());

        MvcResult ended = mvc.perform(as(ADMIN, post(session.selectFirst("form").attr("action")).with(csrf())))
                .andReturn();
        assertThat(ended.getResponse().getRedirectedUrl()).isEqualTo(edit + "#sessions");
        Document after = page(as(ADMIN, get(edit)).flashAttrs(ended.getFlashMap()));
        assertThat(after.select(".govuk-notification-banner--success").text()).contains("The session has been ended");
        assertThat(after.select("#session-list")).isEmpty();
        assertThat(after.select("main").text()).contains("Olu Officer is not signed in anywhere.");
        assertThat(phone.get("/operations").signedOut()).as("the phone is signed out at its next request").isTrue();

        MvcResult revoked = mvc.perform(as(ADMIN, post(edit.replace("/edit", "/tokens/revoke")).with(csrf())))
                .andReturn();
        Document revokedPage = page(as(ADMIN, get(edit)).flashAttrs(revoked.getFlashMap()));
        assertThat(revokedPage.select(".govuk-notification-banner--success").text())
                .contains("1 token has been revoked");
        assertThat(revokedPage.select("#token-list tbody tr").text()).contains("Revoked");
        assertThat(revokedPage.select("#token-list button")).isEmpty();

        Document endedTwice = page(as(ADMIN, get(edit)).flashAttrs(mvc.perform(as(ADMIN,
                post(session.selectFirst("form").attr("action")).with(csrf()))).andReturn().getFlashMap()));
        assertThat(endedTwice.select(".govuk-error-summary").text()).contains("That session had already ended");
    }

    @Test
    void onlyAdministratorsManageOtherPeoplesSessionsAndTokens() throws Exception {
        WebBrowser adminBrowser = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS);
        adminBrowser.signIn(ADMIN, PASSWORD);
        String adminPages = "/admin/users/" + principal(ADMIN).id();
        String adminSession = page(as(ADMIN, get(adminPages + "/edit"))).select("#session-list form").attr("action");
        String reference = adminSession.replaceAll(".*/sessions/([0-9a-f]+)/end", "$1");

        assertThat(status(as(COORDINATOR, get(adminPages + "/edit")))).isEqualTo(403);
        assertThat(status(as(COORDINATOR, post(adminPages + "/sessions/end").with(csrf())))).isEqualTo(403);
        assertThat(status(as(COORDINATOR, post(adminSession).with(csrf())))).isEqualTo(403);
        assertThat(status(as(COORDINATOR, post(adminPages + "/tokens/revoke").with(csrf())))).isEqualTo(403);
        // On their own account page, a session of somebody else is not theirs to end.
        MvcResult notTheirs = mvc.perform(as(COORDINATOR, post("/account/sessions/" + reference + "/end")
                .with(csrf()))).andReturn();
        assertThat(page(as(COORDINATOR, get("/account")).flashAttrs(notTheirs.getFlashMap()))
                .select(".govuk-error-summary").text()).contains("That session had already ended");
        assertThat(adminBrowser.get("/admin/users").status()).isEqualTo(200);
    }

    @Test
    void theAccountPageListsYourSessionsAndSignsYouOutEverywhereElse() {
        String email = newUser("Sam Sessions", Role.OFFICER);
        WebBrowser desktop = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS);
        WebBrowser phone = new WebBrowser(port, WebBrowser.CHROME_ON_ANDROID);
        desktop.signIn(email, PASSWORD);
        phone.signIn(email, PASSWORD);

        Document account = desktop.get("/account").page();

        assertThat(account.select("h2#sessions").text()).isEqualTo("Where you are signed in");
        assertThat(account.select("#session-list .govuk-summary-card")).hasSize(2);
        Element here = account.select("#session-list .govuk-summary-card").stream()
                .filter(row -> row.text().contains("This session")).findFirst().orElseThrow();
        assertThat(here.text()).contains("Firefox on Windows");
        assertThat(here.select("button")).isEmpty();
        assertThat(account.select("#session-list .govuk-summary-card").text()).contains("Chrome on Android");
        assertThat(account.select("#session-list button").text()).startsWith("Sign out");
        assertThat(account.select("form[action=/account/sessions/end-others] button").text())
                .isEqualTo("Sign out everywhere else");

        WebBrowser.Response signedOut = desktop.submit("/account", "/account/sessions/end-others");

        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).endsWith("/account#sessions");
        Document after = desktop.get("/account").page();
        assertThat(after.select(".govuk-notification-banner--success").text())
                .contains("You have been signed out of 1 other session");
        assertThat(after.select("#session-list .govuk-summary-card")).hasSize(1);
        assertThat(after.select("form[action=/account/sessions/end-others]")).isEmpty();
        assertThat(phone.get("/operations").signedOut()).isTrue();
        assertThat(desktop.get("/operations").status()).isEqualTo(200);
        var entries = audit.find(new AuditQuery("SESSION_ENDED", "USER", principal(email).id().toString(), null), 0,
                10);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).userId()).isEqualTo(principal(email).id().value());
    }

    @Test
    void anAccountNobodyUsedForNinetyDaysIsTaggedUnusedAndCanBeFilteredFor() throws Exception {
        String idle = newUser("Ida Idle", Role.ANALYST);
        assertThat(row(page(as(ADMIN, get("/admin/users"))), idle).text()).doesNotContain("Unused");
        try {
            clock.advance(Duration.ofDays(90).plusMinutes(1));
            String active = newUser("Ali Active", Role.ANALYST);
            new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS).signIn(active, PASSWORD);

            Document list = page(as(ADMIN, get("/admin/users")));
            Document filtered = page(as(ADMIN, get("/admin/users").param("unused", "true")));

            assertThat(row(list, idle).select(".govuk-tag").eachText()).containsExactly("Active", "Unused");
            assertThat(row(list, idle).text()).contains("Never");
            assertThat(row(list, active).text()).doesNotContain("Unused", "Never");
            assertThat(list.select("label[for=unused]").text()).isEqualTo("Only accounts unused for 90 days");
            assertThat(list.select("input#unused").hasAttr("checked")).isFalse();
            assertThat(filtered.select("input#unused").hasAttr("checked")).isTrue();
            assertThat(filtered.select("tbody tr").text()).contains(idle).doesNotContain(active);
            assertThat(filtered.select("tbody tr").eachText()).allMatch(text -> text.contains("Unused"));
            assertThat(filtered.select("#filter-result").text()).isEqualTo(filtered.select("tbody tr").size()
                    + " accounts have gone unused for 90 days.");
            assertThat(status(as(ADMIN, get("/admin/users").param("unused", "perhaps")))).isEqualTo(200);
        } finally {
            clock.advance(Duration.ofDays(-90).minusMinutes(1));
        }
    }

    private String newUser(String name, Role role) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@sessions.test";
        given.user(name, email, police, role);
        return email;
    }

    private static Element row(Document page, String email) {
        return page.select("tbody tr").stream().filter(row -> row.text().contains(email)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + email));
    }
}
