package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.EnumSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.Users;
import org.waymark.support.WebBrowser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Sessions in real browsers: an officer signed in on a laptop and a phone signs out everywhere
 * else from the phone, and the laptop is signed out; an administrator, also on a phone, then
 * ends the phone's session from the officer's page, and the phone is signed out. The account,
 * users and user pages fit a phone 360 pixels wide and are checked with axe for serious and
 * critical WCAG 2.2 AA violations.
 */
class SessionsJourneyBrowserTest extends BrowserJourney {

    private static final String OFFICER = "Olu Officer";
    private static final String OFFICER_EMAIL = "olu.officer@sessions.waymark.test";
    private static final String OFFICER_PASSWORD = "a long officer passphrase";

    @Autowired
    Users users;
    @Autowired
    Agencies agencies;

    @Test
    void anOfficerSignsOutEverywhereElseAndAnAdministratorEndsTheirLastSession() {
        var police = agencies.create("Essex Police", AgencyType.POLICE, null, null);
        users.create(OFFICER, OFFICER_EMAIL, police.id(), EnumSet.of(Role.OFFICER), OFFICER_PASSWORD, null);

        try (BrowserContext laptopContext = browser.newContext(new Browser.NewContextOptions()
                        .setUserAgent(WebBrowser.FIREFOX_ON_WINDOWS));
                BrowserContext phoneContext = browser.newContext(phoneScreen().setUserAgent(WebBrowser.CHROME_ON_ANDROID));
                BrowserContext adminContext = phone()) {
            Page laptop = open(laptopContext);
            signIn(laptop, OFFICER_EMAIL, OFFICER_PASSWORD, "/shift");
            Page mobile = open(phoneContext);
            signIn(mobile, OFFICER_EMAIL, OFFICER_PASSWORD, "/shift");

            // On the phone, the officer sees both sessions and signs the laptop out.
            mobile.navigate(url("/account"));
            assertThat(heading(mobile)).hasText("Your account");
            Locator sessions = mobile.locator("#session-list .govuk-summary-card");
            assertThat(sessions).hasCount(2);
            assertThat(sessions.filter(new Locator.FilterOptions().setHasText("This session")))
                    .containsText("Chrome on Android");
            assertThat(sessions.filter(new Locator.FilterOptions().setHasText("Firefox on Windows"))
                    .getByRole(AriaRole.BUTTON)).containsText("Sign out");
            assertNoSidewaysScrolling(mobile);
            checkAccessibility(mobile);

            mobile.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out everywhere else")).click();

            assertThat(mobile.locator(".govuk-notification-banner--success"))
                    .containsText("You have been signed out of 1 other session");
            assertThat(sessions).hasCount(1);
            checkAccessibility(mobile);
            laptop.reload();
            assertThat(heading(laptop)).hasText("Sign in to Waymark");
            assertThat(laptop.getByText(Pattern.compile("You were signed out"))).isVisible();

            // The administrator, on a phone too, finds the officer and ends the phone's session.
            Page admin = open(adminContext);
            signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD, "/operations");
            admin.navigate(url("/admin/users"));
            assertThat(heading(admin)).hasText("Users");
            assertNoSidewaysScrolling(admin);
            checkAccessibility(admin);
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change " + OFFICER)).click();
            assertThat(heading(admin)).hasText("Change a user");
            Locator officerSessions = admin.locator("#session-list .govuk-summary-card");
            assertThat(officerSessions).hasCount(1);
            assertThat(officerSessions).containsText("Chrome on Android");
            assertNoSidewaysScrolling(admin);
            checkAccessibility(admin);

            officerSessions.getByRole(AriaRole.BUTTON).click();

            assertThat(admin.locator(".govuk-notification-banner--success")).containsText("The session has been ended");
            assertThat(admin.getByText(OFFICER + " is not signed in anywhere.")).isVisible();
            checkAccessibility(admin);
            mobile.reload();
            assertThat(heading(mobile)).hasText("Sign in to Waymark");

            // The filter for unused accounts: nobody is unused yet.
            admin.navigate(url("/admin/users"));
            admin.getByLabel("Only accounts unused for 90 days").check();
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filter")).click();
            assertThat(admin.locator("#filter-result")).hasText("No account has gone unused for 90 days.");
            assertNoSidewaysScrolling(admin);
            checkAccessibility(admin);
        }
    }
}
