package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.SignInSteps;
import org.waymark.identity.TwoFactor;
import org.waymark.shared.UserId;
import org.waymark.support.Authenticator;
import org.waymark.support.TestClock;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * Signing in with two-factor sign-in required, page by page: the password alone signs nobody in,
 * the code page asks for the app's code the GOV.UK way, setting up the app comes first for those
 * who have none, wrong codes lock the account, and an administrator's password reset makes the
 * user set up their app again. Codes are worked out from the key, as an app would, on a clock
 * the test moves on.
 */
@SpringBootTest(properties = "waymark.security.two-factor=required")
@Import(TestClock.InUse.class)
class TwoFactorPagesTest extends PageTests {

    @Autowired
    TwoFactor twoFactor;
    @Autowired
    TestClock clock;

    AgencySummary police;

    @BeforeAll
    void data() {
        police = given.agency("Essex Police", AgencyType.POLICE);
        given.user("Dana Admin", "admin@2fa.test", police, Role.ADMIN);
    }

    @Test
    void aPasswordAloneSignsNobodyInAndTheCodePageAsksForTheAppsCode() throws Exception {
        String email = newUser();
        String key = enrol(email);
        MockHttpSession session = password(email, "/sign-in/code");

        assertThat(mvc.perform(get("/operations").session(session)).andReturn().getResponse().getRedirectedUrl())
                .as("nothing else opens before the code").endsWith("/sign-in");
        assertThat(mvc.perform(get("/account").session(session)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/sign-in");

        Document page = page(get("/sign-in/code").session(session));
        assertThat(page.title()).isEqualTo("Enter the code from your authenticator app – Waymark");
        Element input = page.selectFirst("input#code");
        assertThat(input.attr("autocomplete")).isEqualTo("one-time-code");
        assertThat(input.attr("inputmode")).isEqualTo("numeric");
        assertThat(input.attr("type")).isEqualTo("text");
        assertThat(page.select("label[for=code]").text()).isEqualTo("Code");
        assertThat(page.select("header nav")).as("no menu before the sign-in is complete").isEmpty();
        assertThat(page.select("a[href=/sign-in/recovery-code]").text()).isEqualTo("I cannot use my authenticator app");

        Document empty = page(post("/sign-in/code").session(session).with(csrf()).param("code", ""));
        assertThat(empty.title()).startsWith("Error: Enter the code");
        assertThat(empty.select(".govuk-error-summary a[href=#code]").text())
                .isEqualTo("Enter the 6-digit code from your authenticator app");
        Document letters = page(post("/sign-in/code").session(session).with(csrf()).param("code", "12a456"));
        assertThat(letters.select(".govuk-error-summary a").text()).isEqualTo("The code must be 6 digits, like 123456");
        assertThat(letters.select("#code-error").text()).contains("The code must be 6 digits");

        String wrongCode = otherThan(Authenticator.code(key, clock.instant()));
        Document wrong = page(post("/sign-in/code").session(session).with(csrf()).param("code", wrongCode));
        assertThat(wrong.select(".govuk-error-summary a").text())
                .isEqualTo("The code is not right, or it was already used. Enter the code your app shows now");
        assertThat(wrong.select("input#code").val()).as("a wrong code is not shown again").isEmpty();

        MockHttpServletResponse right = mvc.perform(post("/sign-in/code").session(session).with(csrf())
                .param("code", spaced(Authenticator.code(key, clock.instant())))).andReturn().getResponse();
        assertThat(right.getRedirectedUrl()).as("on to the page last asked for").endsWith("/account?continue");
        assertThat(status(get("/operations").session(session))).isEqualTo(200);
        assertThat(status(get("/sign-in/code").session(session))).as("nothing left to do there").isEqualTo(302);

        assertThat(actions(email)).containsSubsequence("SIGN_IN_PASSWORD_ACCEPTED", "TWO_FACTOR_FAILED",
                "SIGN_IN");
        AuditEntry signIn = entries(email).stream().filter(e -> e.action().equals("SIGN_IN")).findFirst().orElseThrow();
        assertThat(signIn.detail()).isEqualTo("second factor: authenticator app");
    }

    @Test
    void aCodeIsAcceptedOnceAndARecoveryCodeWorksInItsPlaceOnce() throws Exception {
        String email = newUser();
        NewUser user = enrolWithCodes(email);
        String code = Authenticator.code(user.key(), clock.instant());
        assertThat(signInWith(email, "/sign-in/code", code).getRedirectedUrl()).isEqualTo("/");

        MockHttpSession again = password(email, "/sign-in/code");
        Document replayed = page(post("/sign-in/code").session(again).with(csrf()).param("code", code));
        assertThat(replayed.select(".govuk-error-summary a").text()).startsWith("The code is not right");

        Document recoveryPage = page(get("/sign-in/recovery-code").session(again));
        assertThat(recoveryPage.select("h1").text()).isEqualTo("Enter a recovery code");
        assertThat(recoveryPage.selectFirst("input#code").hasAttr("inputmode")).as("letters too").isFalse();
        Document malformed = page(post("/sign-in/recovery-code").session(again).with(csrf()).param("code", "1234"));
        assertThat(malformed.select(".govuk-error-summary a").text()).startsWith("A recovery code has 16 letters");
        String recoveryCode = user.recoveryCodes().get(3);
        MockHttpServletResponse used = mvc.perform(post("/sign-in/recovery-code").session(again).with(csrf())
                .param("code", recoveryCode.toUpperCase())).andReturn().getResponse();
        assertThat(used.getRedirectedUrl()).isEqualTo("/");

        MockHttpSession third = password(email, "/sign-in/code");
        Document usedTwice = page(post("/sign-in/recovery-code").session(third).with(csrf()).param("code",
                recoveryCode));
        assertThat(usedTwice.select(".govuk-error-summary a").text())
                .isEqualTo("The recovery code is not right, or it was already used");

        clock.advance(Duration.ofSeconds(30));
        assertThat(mvc.perform(post("/sign-in/code").session(third).with(csrf())
                .param("code", Authenticator.code(user.key(), clock.instant()))).andReturn().getResponse()
                .getRedirectedUrl()).as("the next step's code").isEqualTo("/");
        Document account = page(get("/account").session(third));
        assertThat(account.select("#recovery-codes-left").text()).isEqualTo("9 of 10");
    }

    @Test
    void someoneWithoutAnAppSetsItUpFirstAndCanDoNothingElseUntilThen() throws Exception {
        String email = newUser();
        MockHttpSession session = password(email, "/sign-in/enrol");
        assertThat(mvc.perform(get("/operations").session(session)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/sign-in");
        assertThat(mvc.perform(get("/sign-in/code").session(session)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/sign-in/enrol");

        Document page = page(get("/sign-in/enrol").session(session));
        assertThat(page.select("h1").text()).isEqualTo("Set up two-factor sign-in");
        String shownKey = page.select("#secret").text();
        assertThat(shownKey).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        Element qr = page.selectFirst("img#qr-code");
        assertThat(qr.attr("alt")).isEqualTo("QR code that adds Waymark to an authenticator app");
        String scanned = scan(qr.attr("src"));
        assertThat(scanned).startsWith("otpauth://totp/Waymark%3A" + email.replace("@", "%40") + "?")
                .contains("issuer=Waymark", "algorithm=SHA1", "digits=6", "period=30");
        assertThat(Authenticator.keyOf(scanned)).isEqualTo(shownKey.replace(" ", ""));
        assertThat(page(get("/sign-in/enrol").session(session)).select("#secret").text())
                .as("the same key until it is set up").isEqualTo(shownKey);
        assertThat(page.selectFirst("input#code").attr("autocomplete")).isEqualTo("one-time-code");

        String wrongCode = otherThan(Authenticator.code(shownKey, clock.instant()));
        Document wrong = page(post("/sign-in/enrol").session(session).with(csrf()).param("code", wrongCode));
        assertThat(wrong.title()).startsWith("Error: Set up two-factor sign-in");
        assertThat(wrong.select(".govuk-error-summary a[href=#code]").text()).startsWith("The code is not right");
        assertThat(wrong.select("#secret").text()).isEqualTo(shownKey);
        assertThat(twoFactor.enrolled(userId(email))).isFalse();

        MvcResult enrolled = mvc.perform(post("/sign-in/enrol").session(session).with(csrf())
                .param("code", Authenticator.code(shownKey, clock.instant()))).andReturn();
        assertThat(enrolled.getResponse().getRedirectedUrl()).isEqualTo("/account/recovery-codes");
        assertThat(enrolled.getFlashMap().get("recoveryCodes")).asList().hasSize(10);
        Document codes = page(get("/account/recovery-codes").session(session));
        assertThat(codes.select("h1").text()).isEqualTo("Save your recovery codes");
        assertThat(codes.select(".govuk-notification-banner").text()).contains("Two-factor sign-in is set up");
        assertThat(codes.select("#recovery-codes li")).hasSize(10);
        assertThat(codes.select("#recovery-codes li").eachText())
                .allMatch(code -> code.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
        assertThat(codes.select("a.govuk-button").attr("href")).isEqualTo("/");
        assertThat(mvc.perform(get("/account/recovery-codes").session(session)).andReturn().getResponse()
                .getRedirectedUrl()).as("shown only once").isEqualTo("/account");
        assertThat(status(get("/operations").session(session))).isEqualTo(200);
        assertThat(twoFactor.enrolled(userId(email))).isTrue();
        assertThat(actions(email)).containsSubsequence("SIGN_IN_PASSWORD_ACCEPTED", "TWO_FACTOR_ENROLMENT_FAILED",
                "TWO_FACTOR_ENROLLED", "SIGN_IN");
    }

    @Test
    void newRecoveryCodesFromTheAccountPageReplaceTheOldOnes() throws Exception {
        String email = newUser();
        NewUser user = enrolWithCodes(email);
        Document account = page(as(email, get("/account")));
        assertThat(account.select("#two-factor").text()).isEqualTo("Two-factor sign-in");
        assertThat(account.select("#recovery-codes-left").text()).isEqualTo("10 of 10");

        MvcResult renewed = mvc.perform(as(email, post("/account/recovery-codes").with(csrf()))).andReturn();
        assertThat(renewed.getResponse().getRedirectedUrl()).isEqualTo("/account/recovery-codes");
        Document codes = page(as(email, get("/account/recovery-codes")).flashAttrs(renewed.getFlashMap()));
        assertThat(codes.select("h1").text()).isEqualTo("Save your recovery codes");
        assertThat(codes.select(".govuk-notification-banner")).isEmpty();
        assertThat(codes.select("#recovery-codes li")).hasSize(10);
        assertThat(codes.select("#recovery-codes li").eachText()).doesNotContainAnyElementsOf(user.recoveryCodes());
        assertThat(codes.select("a.govuk-button").attr("href")).isEqualTo("/account");

        MockHttpSession session = password(email, "/sign-in/code");
        assertThat(page(post("/sign-in/recovery-code").session(session).with(csrf())
                .param("code", user.recoveryCodes().get(0))).select(".govuk-error-summary a").text())
                .as("an old code").isEqualTo("The recovery code is not right, or it was already used");
        assertThat(mvc.perform(post("/sign-in/recovery-code").session(session).with(csrf())
                .param("code", codes.select("#recovery-codes li").get(0).text())).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/");
        assertThat(actions(email)).contains("RECOVERY_CODES_RENEWED");
    }

    @Test
    void fiveWrongCodesInARowLockTheAccount() throws Exception {
        String email = newUser();
        String key = enrol(email);
        MockHttpSession session = password(email, "/sign-in/code");
        String wrongCode = otherThan(Authenticator.code(key, clock.instant()));
        for (int i = 1; i <= 4; i++) {
            page(post("/sign-in/code").session(session).with(csrf()).param("code", wrongCode));
        }
        MockHttpServletResponse fifth = mvc.perform(post("/sign-in/code").session(session).with(csrf())
                .param("code", wrongCode)).andReturn().getResponse();

        assertThat(fifth.getRedirectedUrl()).isEqualTo("/sign-in?error=locked");
        Document signIn = page(get("/sign-in?error=locked"));
        assertThat(signIn.select(".govuk-error-summary").text()).contains("locked for 15 minutes");
        MockHttpServletResponse again = mvc.perform(post("/sign-in").with(csrf()).param("email", email)
                .param("password", PASSWORD)).andReturn().getResponse();
        assertThat(again.getRedirectedUrl()).as("the password alone no longer gets as far as the code")
                .isEqualTo("/sign-in?error=locked");
        assertThat(actions(email)).contains("ACCOUNT_LOCKED").filteredOn("TWO_FACTOR_FAILED"::equals).hasSize(5);
    }

    @Test
    void theCodeMustFollowThePasswordWithinTenMinutes() throws Exception {
        String email = newUser();
        enrol(email);
        MockHttpSession session = password(email, "/sign-in/code");

        clock.advance(Duration.ofMinutes(11));

        assertThat(mvc.perform(get("/sign-in/code").session(session)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/sign-in?expired");
        Document signIn = page(get("/sign-in?expired"));
        assertThat(signIn.select(".govuk-notification-banner").text())
                .contains("Sign in again: the code from your authenticator app must follow your password");
    }

    @Test
    void anAdministratorsPasswordResetMakesTheUserSetUpTheirAppAgain() throws Exception {
        String email = newUser();
        enrol(email);
        UserId id = userId(email);

        Document edit = page(as("admin@2fa.test", get("/admin/users/" + id.value() + "/edit")));
        assertThat(edit.select("#two-factor-state").text()).startsWith("Authenticator app set up on");
        assertThat(edit.select("form[action$=/password-reset] button").text()).isEqualTo("Reset password");

        MvcResult reset = mvc.perform(as("admin@2fa.test", post("/admin/users/" + id.value() + "/password-reset")
                .with(csrf()))).andReturn();
        assertThat(reset.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
        Document list = page(as("admin@2fa.test", get("/admin/users")).flashAttrs(reset.getFlashMap()));
        assertThat(list.select(".govuk-panel__title").text()).isEqualTo("Password reset for Test User");
        String newPassword = list.select(".govuk-panel__body strong").text();
        assertThat(newPassword).hasSize(20);
        assertThat(twoFactor.enrolled(id)).isFalse();

        assertThat(mvc.perform(post("/sign-in").with(csrf()).param("email", email).param("password", PASSWORD))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=failed");
        MockHttpSession session = new MockHttpSession();
        assertThat(mvc.perform(post("/sign-in").session(session).with(csrf()).param("email", email)
                .param("password", newPassword)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/sign-in/enrol");
        assertThat(page(as("admin@2fa.test", get("/admin/users/" + id.value() + "/edit"))).select("#two-factor-state")
                .text()).isEqualTo("No authenticator app set up.");
        assertThat(actions(email)).contains("PASSWORD_RESET", "TWO_FACTOR_REMOVED");
    }

    @Test
    void aSessionSignedInWithAPasswordAloneIsSentToSignInAgainAndToldWhy() throws Exception {
        String email = newUser();

        MockHttpServletResponse response = mvc.perform(super.as(email, get("/operations"))).andReturn()
                .getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/sign-in?twoFactorRequired");
        assertThat(page(get(response.getRedirectedUrl())).select(".govuk-notification-banner").text())
                .contains("Waymark now asks for a code from an authenticator app as well as your password");
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Signed in as the user with their second factor given, as the code step leaves a session. */
    @Override
    <B extends AbstractMockHttpServletRequestBuilder<B>> B as(String email, B request) {
        return super.as(email, request).sessionAttr(SignInSteps.SECOND_FACTOR, true);
    }

    record NewUser(String key, List<String> recoveryCodes) {
    }

    private String newUser() {
        String email = "user-" + UUID.randomUUID() + "@2fa.test";
        given.user("Test User", email, police, Role.OFFICER);
        return email;
    }

    /** Sets up an app for the user as the enrolment page would; the key the app holds. */
    private String enrol(String email) {
        return enrolWithCodes(email).key();
    }

    private NewUser enrolWithCodes(String email) {
        TwoFactor.NewSecret secret = twoFactor.newSecret(email);
        var enrolment = twoFactor.enrol(userId(email), secret,
                Authenticator.code(secret.secret(), clock.instant()));
        assertThat(enrolment.done()).isTrue();
        // The code used to set it up is spent: later sign-ins need a later step's code.
        clock.advance(Duration.ofSeconds(30));
        return new NewUser(secret.secret(), enrolment.recoveryCodes());
    }

    /** The password step, which must send the user on to {@code next}; the session it leaves. */
    private MockHttpSession password(String email, String next) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse response = mvc.perform(post("/sign-in").session(session).with(csrf())
                .param("email", email).param("password", PASSWORD)).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo(next);
        return session;
    }

    private MockHttpServletResponse signInWith(String email, String next, String code) throws Exception {
        MockHttpSession session = password(email, next);
        return mvc.perform(post("/sign-in/code").session(session).with(csrf()).param("code", code)).andReturn()
                .getResponse();
    }

    private UserId userId(String email) {
        return principal(email).id();
    }

    /** The audit entries about the user's account, whoever acted. */
    private List<AuditEntry> entries(String email) {
        return audit.find(new AuditQuery(null, "USER", userId(email).toString(), null), 0, 100);
    }

    /** The user's audit entries, oldest first. */
    private List<String> actions(String email) {
        List<String> actions = new java.util.ArrayList<>(entries(email).stream().map(AuditEntry::action).toList());
        java.util.Collections.reverse(actions);
        return actions;
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    private static String spaced(String code) {
        return code.substring(0, 3) + " " + code.substring(3);
    }

    private static String scan(String dataUri) throws Exception {
        assertThat(dataUri).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        // The image is the QR code alone, as a phone's camera is pointed at it: read as such. Searched
        // for as in a photograph, about one random key in twenty is not found by ZXing's detector.
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png))))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
