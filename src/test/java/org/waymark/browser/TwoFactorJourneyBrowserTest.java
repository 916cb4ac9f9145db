package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.TwoFactor;
import org.waymark.identity.Users;
import org.waymark.support.Authenticator;
import org.waymark.support.TestClock;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Two-factor sign-in on a phone, with it required: the first administrator's password leads to
 * setting up an authenticator app and nowhere else; a wrong code is pointed out the GOV.UK way;
 * the recovery codes are shown once; the next sign-ins ask for the app's code, or take a
 * recovery code instead; and after an administrator resets an officer's password, the officer
 * sets up their app again. The codes are worked out from the key shown on the page, as an app
 * would. Every page is checked with axe and for sideways scrolling at 360 by 740 pixels.
 */
@TestPropertySource(properties = "waymark.security.two-factor=required")
@Import(TestClock.InUse.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoFactorJourneyBrowserTest extends BrowserJourney {

    private static final String OFFICER_NAME = "Olu Officer";
    private static final String OFFICER_EMAIL = "olu.officer@2fa.waymark.test";
    private static final String OFFICER_PASSWORD = "an officer's long passphrase";

    private static String adminKey;
    private static String recoveryCode;

    @Autowired
    TestClock clock;
    @Autowired
    Users users;
    @Autowired
    Agencies agencies;
    @Autowired
    TwoFactor twoFactor;

    @Test
    @Order(1)
    void theFirstAdministratorSetsUpAnAuthenticatorAppAtTheirFirstSignIn() {
        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            password(page, ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(page).hasURL(url("/sign-in/enrol"));
            assertThat(heading(page)).hasText("Set up two-factor sign-in");
            assertThat(page.getByRole(AriaRole.NAVIGATION)).hasCount(0);
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            // Nothing else opens until the app is set up.
            page.navigate(url("/admin/users"));
            assertThat(heading(page)).hasText("Sign in to Waymark");
            password(page, ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(heading(page)).hasText("Set up two-factor sign-in");

            assertThat(page.getByRole(AriaRole.IMG,
                    new Page.GetByRoleOptions().setName("QR code that adds Waymark to an authenticator app")))
                    .isVisible();
            String key = page.locator("#secret").textContent().strip();
            Locator code = page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true));
            assertThat(code).hasAttribute("autocomplete", "one-time-code");
            assertThat(code).hasAttribute("inputmode", "numeric");

            code.fill(otherThan(Authenticator.code(key, clock.instant())));
            button(page, "Set up two-factor sign-in").click();
            Locator summary = page.locator(".govuk-error-summary");
            assertThat(summary).isFocused();
            assertThat(summary).containsText("The code is not right");
            assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: Set up two-factor sign-in"));
            assertThat(page.locator("#secret")).hasText(key);
            checkAccessibility(page);

            code.fill(Authenticator.code(key, clock.instant()));
            button(page, "Set up two-factor sign-in").click();
            assertThat(heading(page)).hasText("Save your recovery codes");
            assertThat(page.locator(".govuk-notification-banner")).containsText("Two-factor sign-in is set up");
            Locator codes = page.locator("#recovery-codes li");
            assertThat(codes).hasCount(10);
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
            recoveryCode = codes.nth(4).textContent().strip();

            button(page, "I have saved my recovery codes").click();
            assertThat(heading(page)).hasText("Operations");
            adminKey = key;
        }
    }

    @Test
    @Order(2)
    void theAdministratorSignsInWithTheAppsCodeAndOnceWithARecoveryCode() {
        Assumptions.assumeTrue(adminKey != null, "the administrator did not set up an app");
        clock.advance(Duration.ofSeconds(30));
        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            password(page, ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(page).hasURL(url("/sign-in/code"));
            assertThat(heading(page)).hasText("Enter the code from your authenticator app");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            Locator code = page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true));
            assertThat(code).hasAttribute("autocomplete", "one-time-code");
            assertThat(code).hasAttribute("inputmode", "numeric");
            button(page, "Continue").click();
            assertThat(page.locator(".govuk-error-summary")).isFocused();
            assertThat(page.locator(".govuk-error-summary"))
                    .containsText("Enter the 6-digit code from your authenticator app");
            checkAccessibility(page);
            page.locator(".govuk-error-summary").getByRole(AriaRole.LINK).click();
            assertThat(code).isFocused();

            code.fill(Authenticator.code(adminKey, clock.instant()));
            button(page, "Continue").click();
            assertThat(heading(page)).hasText("Operations");
            signOut(page);

            password(page, ADMIN_EMAIL, ADMIN_PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I cannot use my authenticator app"))
                    .click();
            assertThat(heading(page)).hasText("Enter a recovery code");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
            page.getByLabel("Recovery code").fill(recoveryCode);
            button(page, "Continue").click();
            assertThat(heading(page)).hasText("Operations");

            page.navigate(url("/account"));
            assertThat(page.locator("#recovery-codes-left")).hasText("9 of 10");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
            signOut(page);
        }
    }

    @Test
    @Order(3)
    void afterAnAdministratorResetsTheirPasswordAnOfficerSetsUpTheirAppAgain() {
        Assumptions.assumeTrue(adminKey != null, "the administrator did not set up an app");
        var agency = agencies.create("Essex Police", AgencyType.POLICE, null, null);
        users.create(OFFICER_NAME, OFFICER_EMAIL, agency.id(), EnumSet.of(Role.OFFICER), OFFICER_PASSWORD, null);
        var officer = users.all().stream().filter(user -> user.email().equals(OFFICER_EMAIL)).findFirst()
                .orElseThrow();
        TwoFactor.NewSecret oldApp = twoFactor.newSecret(OFFICER_EMAIL);
        twoFactor.enrol(officer.id(), oldApp, Authenticator.code(oldApp.secret(), clock.instant()));
        clock.advance(Duration.ofSeconds(60));

        String newPassword;
        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            password(page, ADMIN_EMAIL, ADMIN_PASSWORD);
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
                    .fill(Authenticator.code(adminKey, clock.instant()));
            button(page, "Continue").click();
            assertThat(heading(page)).hasText("Operations");

            page.navigate(url("/admin/users/" + officer.id().value() + "/edit"));
            assertThat(page.locator("#two-factor-state")).containsText("Authenticator app set up on");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
            button(page, "Reset password").click();
            assertThat(heading(page)).hasText("Users");
            assertThat(page.locator(".govuk-panel__title")).hasText("Password reset for " + OFFICER_NAME);
            newPassword = page.locator(".govuk-panel__body strong").textContent().strip();
            checkAccessibility(page);
            signOut(page);
        }

        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            password(page, OFFICER_EMAIL, newPassword);
            assertThat(heading(page)).hasText("Set up two-factor sign-in");
            String key = page.locator("#secret").textContent().strip();
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
                    .fill(Authenticator.code(oldApp.secret(), clock.instant()));
            button(page, "Set up two-factor sign-in").click();
            assertThat(page.locator(".govuk-error-summary")).containsText("The code is not right");

            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
                    .fill(Authenticator.code(key, clock.instant()));
            button(page, "Set up two-factor sign-in").click();
            assertThat(heading(page)).hasText("Save your recovery codes");
            button(page, "I have saved my recovery codes").click();
            // An officer's work begins at their shift; none of their operations is under way.
            assertThat(heading(page)).hasText("Your shift");
        }
    }

    /** The first step: email and password on the sign-in page. */
    private void password(Page page, String email, String password) {
        page.navigate(url("/sign-in"));
        assertThat(heading(page)).hasText("Sign in to Waymark");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        button(page, "Sign in").click();
    }

    private static void signOut(Page page) {
        button(page, "Sign out").click();
        assertThat(heading(page)).hasText("Sign in to Waymark");
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}
