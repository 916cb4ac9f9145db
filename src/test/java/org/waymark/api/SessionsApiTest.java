package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.basic;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.waymark.WaymarkApplication;
import org.waymark.identity.Users;
import org.waymark.shared.UserId;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;
import org.waymark.support.TestClock;
import org.waymark.support.WebBrowser;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;

/**
 * Web sessions and API tokens as administrators manage them and as users notice it, over real
 * HTTP against the whole application, with the sessions in the database. Runs on H2 and on
 * PostgreSQL.
 */
@Import(TestClock.InUse.class)
class SessionsApiTest extends ApiTests {

    @Autowired
    TestClock clock;
    @Autowired
    Users users;
    @Autowired
    DataSource dataSource;

    String adminId;
    String agency;

    @BeforeAll
    void agency() {
        agency = given.agency("Essex Police", "POLICE");
        adminId = userIdByEmail(ADMIN);
    }

    @Test
    void anAdministratorSeesAUsersSessionsAndEndingOneSignsThatBrowserOut() {
        String email = newUser("Olu Officer", "OFFICER");
        String id = userIdByEmail(email);
        Instant before = Instant.now().minusSeconds(1);
        WebBrowser phone = new WebBrowser(port, WebBrowser.CHROME_ON_ANDROID).signIn(email, PASSWORD);
        WebBrowser desktop = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS).signIn(email, PASSWORD);
        assertThat(phone.get("/operations").status()).isEqualTo(200);

        Response listed = api.get("/api/v1/users/" + id + "/sessions", admin);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(2);
        JsonNode onPhone = session(listed.json(), "Chrome");
        assertThat(onPhone.path("operatingSystem").asString()).isEqualTo("Android");
        assertThat(session(listed.json(), "Firefox").path("operatingSystem").asString()).isEqualTo("Windows");
        assertThat(Instant.parse(onPhone.path("signedInAt").asString())).isBetween(before, Instant.now());
        assertThat(Instant.parse(onPhone.path("lastActiveAt").asString())).isAfterOrEqualTo(
                Instant.parse(onPhone.path("signedInAt").asString()));
        assertThat(Duration.between(Instant.parse(onPhone.path("lastActiveAt").asString()),
                Instant.parse(onPhone.path("expiresAt").asString()))).isEqualTo(Duration.ofMinutes(30));
        assertThat(listed.raw().body()).as("the list never gives away the secret in the cookie")
                .doesNotContain(phone.sessionCookie(), desktop.sessionCookie());

        Response ended = api.send("DELETE", "/api/v1/users/" + id + "/sessions/" + onPhone.path("id").asString(),
                null, null, admin);

        assertThat(ended.status()).isEqualTo(204);
        assertThat(phone.get("/operations").signedOut()).as("the phone is signed out at once").isTrue();
        assertThat(desktop.get("/operations").status()).as("the other session goes on").isEqualTo(200);
        assertThat(api.get("/api/v1/users/" + id + "/sessions", admin).json()).hasSize(1);
        Response again = api.send("DELETE", "/api/v1/users/" + id + "/sessions/" + onPhone.path("id").asString(),
                null, null, admin);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");

        JsonNode audit = api.get("/api/v1/audit?recordType=USER&recordId=" + id + "&action=SESSION_ENDED", admin)
                .json();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("userId").asString()).isEqualTo(adminId);
        assertThat(audit.get(0).path("detail").asString()).contains(onPhone.path("id").asString());
    }

    @Test
    void anAdministratorEndsAllSessionsAndRevokesEveryTokenOfAUser() {
        String email = newUser("Nia Navigator", "PARTNER");
        String id = userIdByEmail(email);
        WebBrowser phone = new WebBrowser(port, WebBrowser.CHROME_ON_ANDROID).signIn(email, PASSWORD);
        WebBrowser desktop = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS).signIn(email, PASSWORD);
        String first = api.token(email, PASSWORD);
        String second = api.token(email, PASSWORD);

        Response ended = api.send("DELETE", "/api/v1/users/" + id + "/sessions", null, null, admin);
        JsonNode tokens = api.get("/api/v1/users/" + id + "/tokens", admin).json();
        Response revokedOne = api.post("/api/v1/users/" + id + "/tokens/" + tokens.get(0).path("id").asString()
                + "/revoke", null, admin);
        Response revokedAll = api.post("/api/v1/users/" + id + "/tokens/revoke", null, admin);

        assertThat(ended.json().path("ended").asInt()).isEqualTo(2);
        assertThat(phone.get("/operations").signedOut()).isTrue();
        assertThat(desktop.get("/operations").signedOut()).isTrue();
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0).path("usable").asBoolean()).isTrue();
        assertThat(tokens.get(0).has("token")).isFalse();
        assertThat(revokedOne.status()).isEqualTo(200);
        assertThat(revokedOne.json().path("usable").asBoolean()).isFalse();
        assertThat(revokedAll.json().path("ended").asInt()).as("the one left").isEqualTo(1);
        assertThat(api.get("/api/v1/operations", bearer(first)).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/operations", bearer(second)).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/" + id + "/tokens", admin).json().findValuesAsString("revokedAt"))
                .hasSize(2).doesNotContainNull();
        assertThat(actions(api.get("/api/v1/audit?recordType=API_TOKEN&userId=" + adminId, admin).json()))
                .contains("TOKEN_REVOKED");
    }

    @Test
    void deactivatingAUserRefusesTheirSessionAndTokenAtTheirVeryNextRequest() {
        String email = newUser("Dee Activated", "COORDINATOR");
        String id = userIdByEmail(email);
        WebBrowser browser = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS).signIn(email, PASSWORD);
        String token = bearer(api.token(email, PASSWORD));
        assertThat(browser.get("/operations").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/operations", token).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/users/" + id + "/deactivate", null, admin).status()).isEqualTo(200);

        WebBrowser.Response page = browser.get("/operations");
        assertThat(page.signedOut()).as("redirected to sign in, not " + page.status()).isTrue();
        Response call = api.get("/api/v1/operations", token);
        assertThat(call.status()).isEqualTo(401);
        assertThat(call.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/users/" + id + "/sessions", admin).json()).isEmpty();
        assertThat(api.get("/api/v1/users/" + id + "/tokens", admin).json().findValuesAsString("revokedAt"))
                .hasSize(1).doesNotContainNull();
        assertThat(actions(api.get("/api/v1/audit?userId=" + adminId, admin).json()))
                .contains("USER_DEACTIVATED", "SESSION_ENDED", "TOKEN_REVOKED");

        // Reactivated, the user signs in again; what they had is gone for good.
        users.reactivate(new UserId(UUID.fromString(id)), null);
        assertThat(api.get("/api/v1/operations", token).status()).isEqualTo(401);
        WebBrowser again = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS).signIn(email, PASSWORD);
        assertThat(again.get("/operations").status()).isEqualTo(200);
    }

    @Test
    void aLockOutStopsNewSignInsButNotTheSessionsAndTokensAlreadyGiven() {
        String email = newUser("Lou Locked", "OFFICER");
        WebBrowser browser = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS).signIn(email, PASSWORD);
        String token = bearer(api.token(email, PASSWORD));

        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/tokens", null, basic(email, "not the password " + i)).status())
                    .isEqualTo(401);
        }

        Response newToken = api.post("/api/v1/tokens", null, basic(email, PASSWORD));
        assertThat(newToken.status()).as("no new token, even with the right password").isEqualTo(401);
        assertThat(newToken.contentType()).startsWith("application/problem+json");
        assertThat(newToken.text("detail")).contains("locked for 15 minutes");
        WebBrowser elsewhere = new WebBrowser(port, WebBrowser.CHROME_ON_ANDROID);
        WebBrowser.Response form = elsewhere.get("/sign-in");
        WebBrowser.Response refused = elsewhere.post("/sign-in", Map.of("email", email, "password", PASSWORD,
                "_csrf", form.page().select("form[action=/sign-in] input[name=_csrf]").val()));
        assertThat(refused.location()).as("no new session either").contains("error=locked");

        assertThat(api.get("/api/v1/operations", token).status()).as("the token already given").isEqualTo(200);
        assertThat(browser.get("/operations").status()).as("the session already signed in").isEqualTo(200);
        String csrf = browser.get("/account").page().select("form[action=/account/tokens] input[name=_csrf]").val();
        WebBrowser.Response made = browser.post("/account/tokens", Map.of("label", "Made while locked", "days", "30",
                "_csrf", csrf));
        assertThat(made.location()).as("a token made on the account page, no password asked").endsWith("/account#tokens");
    }

    @Test
    void accountsWithoutASignInOrTokenUseForNinetyDaysAreFlaggedAsUnused() {
        String idle = userIdByEmail(newUser("Ida Idle", "ANALYST"));
        String busyEmail = newUser("Bo Busy", "ANALYST");
        String busy = userIdByEmail(busyEmail);
        Response issued = api.post("/api/v1/tokens", json(Map.of("days", 365)), basic(busyEmail, PASSWORD));
        String busyToken = bearer(issued.text("token"));
        JsonNode fresh = api.get("/api/v1/users/" + busy, admin).json();
        assertThat(fresh.path("unused").asBoolean()).isFalse();
        assertThat(Instant.parse(fresh.path("lastSignIn").asString())).isCloseTo(Instant.now(),
                org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
        assertThat(api.get("/api/v1/users/" + idle, admin).json().path("lastSignIn").isNull())
                .as("never signed in: null, not left out").isTrue();
        try {
            clock.advance(Duration.ofDays(89));
            assertThat(api.get("/api/v1/operations", busyToken).status()).isEqualTo(200);
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            String laterAdmin = bearer(api.token(ADMIN, PASSWORD));

            JsonNode idleNow = api.get("/api/v1/users/" + idle, laterAdmin).json();
            JsonNode busyNow = api.get("/api/v1/users/" + busy, laterAdmin).json();
            List<String> flagged = api.get("/api/v1/users?unused=true", laterAdmin).json().findValuesAsString("id");
            List<String> notFlagged = api.get("/api/v1/users?unused=false", laterAdmin).json()
                    .findValuesAsString("id");

            assertThat(idleNow.path("unused").asBoolean()).as("90 days after it was made").isTrue();
            assertThat(busyNow.path("unused").asBoolean()).as("its token was used a day ago").isFalse();
            assertThat(Instant.parse(busyNow.path("lastSignIn").asString())).isAfter(
                    Instant.parse(fresh.path("lastSignIn").asString()).plus(Duration.ofDays(88)));
            assertThat(flagged).contains(idle).doesNotContain(busy, adminId);
            assertThat(notFlagged).contains(busy, adminId).doesNotContain(idle);
            assertThat(api.get("/api/v1/users?unused=perhaps", laterAdmin).status()).isEqualTo(400);

            // Flagged only: the account still works, and signing in clears the flag.
            String idleEmail = idleNow.path("email").asString();
            api.token(idleEmail, PASSWORD);
            assertThat(api.get("/api/v1/users/" + idle, laterAdmin).json().path("unused").asBoolean()).isFalse();
        } finally {
            clock.advance(Duration.ofDays(-90).minusMinutes(1));
        }
    }

    @Test
    void aSessionWorksOnEveryInstanceAndEndsOnAllOfThem() {
        String email = newUser("Ivy Instance", "OFFICER");
        String id = userIdByEmail(email);
        WebBrowser browser = new WebBrowser(port, WebBrowser.CHROME_ON_ANDROID).signIn(email, PASSWORD);

        HikariDataSource database = (HikariDataSource) dataSource;
        try (var second = new SpringApplicationBuilder(WaymarkApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword())) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            ApiClient secondApi = new ApiClient(secondPort);

            browser.useInstance(secondPort);
            WebBrowser.Response elsewhere = browser.get("/operations");
            assertThat(elsewhere.status()).as("the session signed in elsewhere, not sent to " + elsewhere.location())
                    .isEqualTo(200);
            JsonNode listed = secondApi.get("/api/v1/users/" + id + "/sessions", admin).json();
            assertThat(listed).hasSize(1);
            assertThat(secondApi.send("DELETE", "/api/v1/users/" + id + "/sessions/" + listed.get(0).path("id")
                    .asString(), null, null, admin).status()).isEqualTo(204);

            browser.useInstance(port);
            assertThat(browser.get("/operations").signedOut()).as("ended on the other instance").isTrue();
        }
    }

    @Test
    void sessionsOfUnknownUsersAndMalformedIdsAreClearFourHundreds() {
        String unknown = UUID.randomUUID().toString();
        String id = userIdByEmail(newUser("Pat Problem", "OFFICER"));

        assertThat(api.get("/api/v1/users/" + unknown + "/sessions", admin).status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/users/" + unknown + "/sessions", null, null, admin).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/users/" + unknown + "/tokens", admin).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/users/" + id + "/tokens/" + UUID.randomUUID() + "/revoke", null, admin)
                .status()).isEqualTo(404);
        for (Response response : List.of(
                api.send("DELETE", "/api/v1/users/" + id + "/sessions/NOT-A-SESSION", null, null, admin),
                api.send("DELETE", "/api/v1/users/" + id + "/sessions/" + "a".repeat(65), null, null, admin),
                api.get("/api/v1/users/not-a-uuid/sessions", admin),
                api.post("/api/v1/users/" + id + "/tokens/not-a-uuid/revoke", null, admin))) {
            assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void onlyAdministratorsSeeAndEndOtherPeoplesSessions() {
        String email = newUser("Cat Coordinator", "COORDINATOR");
        String id = userIdByEmail(email);
        String coordinator = bearer(api.token(email, PASSWORD));

        for (Response response : List.of(api.get("/api/v1/users/" + adminId + "/sessions", coordinator),
                api.send("DELETE", "/api/v1/users/" + adminId + "/sessions", null, null, coordinator),
                api.get("/api/v1/users/" + id + "/tokens", coordinator),
                api.post("/api/v1/users/" + adminId + "/tokens/revoke", null, coordinator))) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void theOpenApiDescriptionListsTheSessionAndTokenEndpoints() {
        JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/users/{id}/sessions",
                "/api/v1/users/{id}/sessions/{sessionId}", "/api/v1/users/{id}/tokens",
                "/api/v1/users/{id}/tokens/{tokenId}/revoke", "/api/v1/users/{id}/tokens/revoke");
    }

    private String newUser(String name, String role) {
        return given.userWithEmail(name, name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID()
                + "@waymark.test", agency, role);
    }

    private String userIdByEmail(String email) {
        return given.userId(email);
    }

    private static JsonNode session(JsonNode sessions, String browser) {
        for (JsonNode session : sessions) {
            if (browser.equals(session.path("browser").asString())) {
                return session;
            }
        }
        throw new AssertionError("no session in " + browser + ": " + sessions);
    }

    private static List<String> actions(JsonNode entries) {
        return new ArrayList<>(entries.findValuesAsString("action"));
    }
}
