package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.waymark.support.ApiClient.basic;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.time.Duration;
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
import org.springframework.test.context.TestPropertySource;
import org.waymark.WaymarkApplication;
import org.waymark.identity.TwoFactor;
import org.waymark.identity.Users;
import org.waymark.shared.UserId;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiFixtures;
import org.waymark.support.ApiTests;
import org.waymark.support.Authenticator;
import org.waymark.support.TestClock;
import org.waymark.support.WebBrowser;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;

/**
 * Tokens with two-factor sign-in required, over real HTTP: the password is not enough, the code
 * of the authenticator app goes in the X-Waymark-OTP header, works once, can be replaced by a
 * recovery code, and five wrong ones lock the account. An administrator's password reset takes
 * the app away. Runs on H2 and on PostgreSQL.
 */
@TestPropertySource(properties = { "waymark.security.two-factor=required" })
@Import(TestClock.InUse.class)
class TwoFactorApiTest extends ApiTests {

    static final String OTP = "X-Waymark-OTP";

    @Autowired
    TwoFactor twoFactor;
    @Autowired
    Users users;
    @Autowired
    TestClock clock;
    @Autowired
    DataSource dataSource;

    String agency;

    /** With two-factor sign-in required, the administrator's token needs the code of their app too. */
    @BeforeAll
    @Override
    protected void signInTheAdministrator() {
        api = new ApiClient(port);
        String key = enrol(ADMIN);
        Response token = tokenWith(ADMIN, PASSWORD, Authenticator.code(key, clock.instant()));
        assertThat(token.status()).as(token.raw().body()).isEqualTo(201);
        admin = bearer(token.text("token"));
        given = new ApiFixtures(api, admin);
        agency = given.agency("Essex Police", "POLICE");
    }

    @Test
    void aTokenNeedsTheCodeOfTheAuthenticatorAppAsWellAsThePassword() {
        String email = newUser();
        String key = enrol(email);

        Response none = api.post("/api/v1/tokens", null, basic(email, PASSWORD));
        Response blank = tokenWith(email, PASSWORD, " ");
        Response wrong = tokenWith(email, PASSWORD, otherThan(Authenticator.code(key, clock.instant())));
        Response letters = tokenWith(email, PASSWORD, "abcdef");
        Response wrongPassword = tokenWith(email, "not the password at all", Authenticator.code(key, clock.instant()));

        for (Response refused : List.of(none, blank, wrong, letters, wrongPassword)) {
            assertUnauthorized(refused);
        }
        assertThat(none.text("detail")).contains("X-Waymark-OTP", "authenticator app");
        assertThat(wrong.text("detail")).contains("wrong or was used before");
        assertThat(none.header("WWW-Authenticate")).startsWith("Basic");

        Response right = tokenWith(email, PASSWORD, Authenticator.code(key, clock.instant()));
        assertThat(right.status()).as(right.raw().body()).isEqualTo(201);
        assertThat(api.get("/api/v1/operations", bearer(right.text("token"))).status()).isEqualTo(200);

        List<String> actions = actions(email);
        assertThat(actions).contains("SIGN_IN_PASSWORD_ACCEPTED", "TWO_FACTOR_FAILED", "SIGN_IN_FAILED", "SIGN_IN");
        assertThat(entries(email).findValuesAsString("detail")).contains("no code", "authenticator app",
                "second factor: authenticator app");
    }

    /** An airline's gateway is a machine with no phone: its password alone gets it a token, which sends passenger data only. */
    @Test
    void aCarrierGatewayGetsATokenWithItsPasswordAloneAndSendsPassengerDataOnly() {
        String airline = given.agency("Aurora Airways", "OTHER");
        String gatewayEmail = "gateway-" + java.util.UUID.randomUUID() + "@waymark.test";
        given.userWithEmail("Gateway", gatewayEmail, airline, "CARRIER_GATEWAY");
        String officerEmail = newUser();

        Response gatewayToken = api.post("/api/v1/tokens", null, basic(gatewayEmail, PASSWORD));
        assertThat(gatewayToken.status()).as(gatewayToken.raw().body()).isEqualTo(201);
        assertUnauthorized(api.post("/api/v1/tokens", null, basic(officerEmail, PASSWORD)));

        String gateway = bearer(gatewayToken.text("token"));
        Response sent = api.sendBytes("/api/v1/passenger-data/messages", "application/edifact",
                org.waymark.passengerdata.Messages.paxlst("7007", "2612071030", "2612071215"), gateway);
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        assertThat(api.get("/api/v1/operations", gateway).status()).isEqualTo(403);
    }

    @Test
    void aCodeWorksOnceAndARecoveryCodeWorksOnceInItsPlace() {
        String email = newUser();
        String key = enrol(email);
        List<String> recoveryCodes = renewRecoveryCodes(email);
        String code = Authenticator.code(key, clock.instant());

        assertThat(tokenWith(email, PASSWORD, code).status()).isEqualTo(201);
        assertUnauthorized(tokenWith(email, PASSWORD, code));

        assertThat(tokenWith(email, PASSWORD, recoveryCodes.get(0)).status()).isEqualTo(201);
        assertUnauthorized(tokenWith(email, PASSWORD, recoveryCodes.get(0)));
        assertThat(twoFactor.status(id(email)).orElseThrow().recoveryCodesLeft()).isEqualTo(9);

        clock.advance(Duration.ofSeconds(30));
        assertThat(tokenWith(email, PASSWORD, Authenticator.code(key, clock.instant())).status())
                .as("the next step's code").isEqualTo(201);
        assertThat(entries(email).findValuesAsString("detail")).contains("second factor: recovery code");
    }

    @Test
    void aCodeFromAMinuteAgoOrAMinuteAheadIsRefused() {
        String email = newUser();
        String key = enrol(email);

        assertUnauthorized(tokenWith(email, PASSWORD, Authenticator.code(key, clock.instant().minusSeconds(120))));
        assertUnauthorized(tokenWith(email, PASSWORD, Authenticator.code(key, clock.instant().plusSeconds(120))));
        // Half a minute behind, but after the step whose code set up the app.
        clock.advance(Duration.ofSeconds(60));
        assertThat(tokenWith(email, PASSWORD, Authenticator.code(key, clock.instant().minusSeconds(30))).status())
                .as("a phone a little behind").isEqualTo(201);
    }

    @Test
    void someoneWithoutAnAppGetsNoTokenUntilTheySetOneUp() {
        String email = newUser();

        Response response = tokenWith(email, PASSWORD, "123456");

        assertUnauthorized(response);
        assertThat(response.text("detail")).contains("not set up an authenticator app");
    }

    @Test
    void fiveWrongCodesInARowLockTheAccount() {
        String email = newUser();
        String key = enrol(email);
        String earlier = bearer(tokenWith(email, PASSWORD, Authenticator.code(key, clock.instant())).text("token"));
        clock.advance(Duration.ofSeconds(30));
        String wrongCode = otherThan(Authenticator.code(key, clock.instant()));

        for (int i = 1; i <= 4; i++) {
            assertThat(tokenWith(email, PASSWORD, wrongCode).text("detail")).contains("wrong");
        }
        Response fifth = tokenWith(email, PASSWORD, wrongCode);
        Response rightAfter = tokenWith(email, PASSWORD, Authenticator.code(key, clock.instant()));

        assertUnauthorized(fifth);
        assertThat(fifth.text("detail")).contains("locked for 15 minutes");
        assertUnauthorized(rightAfter);
        assertThat(actions(email)).contains("ACCOUNT_LOCKED");
        assertThat(api.get("/api/v1/operations", earlier).status()).as("a lock-out stops new sign-ins only")
                .isEqualTo(200);

        clock.advance(Duration.ofMinutes(16));
        assertThat(tokenWith(email, PASSWORD, Authenticator.code(key, clock.instant())).status())
                .as("the lock ends after 15 minutes").isEqualTo(201);
    }

    @Test
    void anAdministratorsPasswordResetTakesTheAppAwaySoTheUserSetsItUpAgain() {
        String email = newUser();
        String key = enrol(email);
        String id = id(email).toString();

        Response reset = api.post("/api/v1/users/" + id + "/password-reset", null, admin);

        assertThat(reset.status()).as(reset.raw().body()).isEqualTo(200);
        String newPassword = reset.text("generatedPassword");
        assertThat(newPassword).hasSize(20);
        assertThat(twoFactor.enrolled(id(email))).isFalse();
        assertUnauthorized(tokenWith(email, PASSWORD, Authenticator.code(key, clock.instant())));
        Response oldApp = tokenWith(email, newPassword, Authenticator.code(key, clock.instant()));
        assertUnauthorized(oldApp);
        assertThat(oldApp.text("detail")).contains("not set up an authenticator app");

        String newKey = enrol(email);
        assertThat(tokenWith(email, newPassword, Authenticator.code(newKey, clock.instant())).status())
                .isEqualTo(201);
        JsonNode audit = api.get("/api/v1/audit?recordType=USER&recordId=" + id, admin).json();
        assertThat(audit.findValuesAsString("action")).contains("PASSWORD_RESET", "TWO_FACTOR_REMOVED",
                "TWO_FACTOR_ENROLLED");
        Response own = api.post("/api/v1/users/" + userIdOf(ADMIN) + "/password-reset", null, admin);
        assertThat(own.status()).isEqualTo(400);
    }

    @Test
    void tokensAndSessionsFromBeforeTwoFactorWasRequiredStopUntilTheSecondFactorIsGiven() {
        String email = newUser();
        String id = userIdOf(email);
        WebBrowser browser = new WebBrowser(port, WebBrowser.FIREFOX_ON_WINDOWS);
        String oldToken;
        // The same deployment the day before, with two-factor sign-in off: a second Waymark on this database.
        HikariDataSource database = (HikariDataSource) dataSource;
        try (var before = new SpringApplicationBuilder(WaymarkApplication.class).run("--server.port=0",
                "--waymark.security.two-factor=off", "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword())) {
            int beforePort = ((WebServerApplicationContext) before).getWebServer().getPort();
            ApiClient beforeApi = new ApiClient(beforePort);
            oldToken = bearer(beforeApi.token(email, PASSWORD));
            browser.useInstance(beforePort);
            browser.signIn(email, PASSWORD);
            assertThat(browser.get("/operations").status()).as("signed in with the password alone").isEqualTo(200);
            assertThat(beforeApi.get("/api/v1/operations", oldToken).status()).isEqualTo(200);
        }

        // Restarted with two-factor sign-in required: this instance.
        Response refused = api.get("/api/v1/operations", oldToken);
        assertUnauthorized(refused);
        assertThat(refused.text("detail")).contains("without a second factor", "X-Waymark-OTP");
        JsonNode listed = api.get("/api/v1/users/" + id + "/tokens", admin).json().get(0);
        assertThat(listed.path("usable").asBoolean()).as("listed as it is answered").isFalse();
        assertThat(listed.path("needsSecondFactor").asBoolean()).isTrue();
        browser.useInstance(port);
        assertThat(api.get("/api/v1/users/" + id + "/sessions", admin).json()).hasSize(1);
        WebBrowser.Response page = browser.get("/operations");
        assertThat(page.signedOut()).as("sent to sign in, not " + page.status() + " " + page.location()).isTrue();
        assertThat(browser.get(page.location().replaceFirst("^https?://[^/]+", "")).page()
                .select(".govuk-notification-banner").text()).contains("authenticator app");
        assertThat(browser.get("/operations").signedOut()).as("for good").isTrue();
        assertThat(api.get("/api/v1/users/" + id + "/sessions", admin).json()).as("the old session is gone")
                .isEmpty();

        // With the second factor, a new token and a new session work.
        String key = enrol(email);
        Response fresh = tokenWith(email, PASSWORD, Authenticator.code(key, clock.instant()));
        assertThat(fresh.status()).as(fresh.raw().body()).isEqualTo(201);
        assertThat(api.get("/api/v1/operations", bearer(fresh.text("token"))).status()).isEqualTo(200);
        assertUnauthorized(api.get("/api/v1/operations", oldToken));
        assertThat(api.get("/api/v1/users/" + id + "/tokens", admin).json())
                .extracting(token -> token.path("usable").asBoolean(), token -> token.path("needsSecondFactor").asBoolean())
                .containsExactly(tuple(true, false), tuple(false, true));
        clock.advance(Duration.ofSeconds(30));
        WebBrowser again = new WebBrowser(port, WebBrowser.CHROME_ON_ANDROID);
        again.signIn(email, PASSWORD);
        WebBrowser.Response codePage = again.get("/sign-in/code");
        WebBrowser.Response signedIn = again.post("/sign-in/code", Map.of("code",
                Authenticator.code(key, clock.instant()), "_csrf",
                codePage.page().select("form[action=/sign-in/code] input[name=_csrf]").val()));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(again.get("/operations").status()).as("signed in with the code").isEqualTo(200);
    }

    // --- helpers --------------------------------------------------------------------------------

    private Response tokenWith(String email, String password, String code) {
        return api.sendWith("POST", "/api/v1/tokens", "application/json", "", basic(email, password),
                Map.of(OTP, code));
    }

    private String newUser() {
        return given.userWithEmail("Test Officer", "user-" + UUID.randomUUID() + "@2fa.waymark.test", agency,
                "OFFICER");
    }

    /** Sets up an app as the enrolment page does, with the code it shows; the key the app holds. */
    private String enrol(String email) {
        TwoFactor.NewSecret secret = twoFactor.newSecret(email);
        assertThat(twoFactor.enrol(id(email), secret, Authenticator.code(secret.secret(), clock.instant())).done())
                .isTrue();
        // The code that set it up is spent: the next one comes a step later.
        clock.advance(Duration.ofSeconds(30));
        return secret.secret();
    }

    private List<String> renewRecoveryCodes(String email) {
        return twoFactor.renewRecoveryCodes(id(email));
    }

    private UserId id(String email) {
        return users.all().stream().filter(user -> user.email().equals(email)).findFirst().orElseThrow().id();
    }

    private String userIdOf(String email) {
        return id(email).toString();
    }

    private JsonNode entries(String email) {
        return api.get("/api/v1/audit?recordType=USER&recordId=" + id(email), admin).json();
    }

    private List<String> actions(String email) {
        return entries(email).findValuesAsString("action");
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
        assertThat(response.raw().body()).doesNotContain("Exception", "at org.");
    }
}
