package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencyType;
import org.waymark.identity.ProviderMappings;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.shared.Actor;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import identityprovider.IdentityProviderServer;

/**
 * Single sign-on on a phone, against a real OpenID provider started here: the sign-in page offers
 * "Sign in with Essex Police" on its first screen, above the email form; an officer signs in at the
 * provider and lands on their shift, and their account shows who the provider said they are;
 * signing out goes through the provider's sign-out and back to Waymark's sign-in page, signed out
 * at both; a person the provider signed in with a password alone sets up Waymark's authenticator
 * app (two-factor sign-in is required here); and a person whose groups give no role comes back to
 * the sign-in page with a GOV.UK error summary that links to the provider's button. Every Waymark
 * page is checked with axe at 360 by 740 pixels (the provider's pages are not Waymark's and are not).
 * The sign-out is disabled for now: see {@link #signingOutGoesThroughTheProvidersSignOutAndEndsBoth()}.
 *
 * <p>Waymark is opened at 127.0.0.1, never localhost: the provider refuses redirect addresses at
 * localhost, and Waymark's redirect address follows the address the browser opened it at.
 */
@TestPropertySource(properties = "waymark.security.two-factor=required")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnJourneyTest extends BrowserJourney {

    private static final IdentityProviderServer provider = IdentityProviderServer.start();
    private static final String CLIENT_SECRET = "waymark-client-secret-for-the-journey";
    private static final String ESSEX_BUTTON = "Sign in with Essex Police";

    @Autowired
    ProviderMappings mappings;
    @Autowired
    Agencies agencies;
    @Autowired
    Users users;

    @DynamicPropertySource
    static void essexPolice(DynamicPropertyRegistry properties) {
        properties.add("waymark.oidc.essex.issuer", provider::issuer);
        properties.add("waymark.oidc.essex.client-id", () -> "waymark");
        properties.add("waymark.oidc.essex.client-secret", () -> CLIENT_SECRET);
        properties.add("waymark.oidc.essex.label", () -> "Essex Police");
        properties.add("waymark.oidc.essex.audience", provider::accessTokenAudience);
    }

    @BeforeAll
    void registerWaymarkWithTheProvider() {
        provider.registerWebClient("waymark", CLIENT_SECRET, url("/login/oauth2/code/essex"), url("/signed-out"));
        UserSummary admin = users.all().stream().filter(user -> user.email().equals(ADMIN_EMAIL)).findFirst()
                .orElseThrow();
        Actor administrator = new Actor(admin.id(), admin.agencyId());
        var essex = agencies.create("Essex Police", AgencyType.POLICE, null, administrator);
        Map<Role, Set<String>> people = new EnumMap<>(Role.class);
        people.put(Role.OFFICER, Set.of("waymark-officers"));
        people.put(Role.COORDINATOR, Set.of("waymark-coordinators"));
        mappings.save("essex", new ProviderMappings.Change(essex.id(), "groups", false, false, people,
                Map.of(Role.OFFICER, Set.of("waymark.officer"))), administrator);
    }

    @AfterAll
    void stopTheProvider() {
        provider.close();
    }

    /** Waymark at 127.0.0.1, where the provider sends the browser back to. */
    @Override
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    @Order(1)
    void theSignInPageOffersTheForcesSignInOnTheFirstScreenAboveTheEmailForm() {
        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            page.navigate(url("/sign-in"));
            assertThat(heading(page)).hasText("Sign in to Waymark");
            Locator essex = essexButton(page);
            assertThat(essex).isVisible();
            assertThat(essex).hasAttribute("href", "/sign-in/with/essex");
            assertOnFirstScreen(page, essex);
            Locator email = page.getByLabel("Email address");
            assertTrue(essex.boundingBox().y + essex.boundingBox().height <= email.boundingBox().y,
                    "the Essex Police button is not above the email form");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "sso-sign-in-360x740.png")));
        }
    }

    @Test
    @Order(2)
    void anOfficerSignsInAtTheProviderLandsOnTheirShiftAndTheirAccountIsWhoTheProviderSaid() {
        provider.person("olivia", "olivia-password", "olivia.officer@essex.police.test", "Olivia Officer",
                Set.of("waymark-officers", "canteen"), true);
        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            page.navigate(url("/sign-in"));
            checkAccessibility(page);
            essexButton(page).click();
            atTheProvidersLogin(page);
            signInAtTheProvider(page, "olivia", "olivia-password");

            assertThat(page).hasURL(url("/shift"));
            assertThat(heading(page)).hasText("Your shift");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            page.navigate(url("/account"));
            assertThat(page.locator("main")).containsText("Olivia Officer");
            assertThat(page.locator("main")).containsText("olivia.officer@essex.police.test");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
        }
    }

    /**
     * Disabled for a defect of Waymark: its Content-Security-Policy has {@code form-action 'self'}, and
     * Chromium applies it to the redirects after a form is sent, so the redirect of the Sign out form to
     * the provider's sign-out ({@code /connect/logout}) is blocked ("Sending form data to '/sign-out'
     * violates the following Content Security Policy directive: form-action 'self'"). Waymark's
     * session has ended but the page stays as it was, and the provider's session is not ended: the
     * next tap on "Sign in with Essex Police" signs the same person in again without a password.
     * SingleSignOnTest, whose browser is an HTTP client that knows no CSP, does not see it.
     */
    @Test
    @Order(3)
    void signingOutGoesThroughTheProvidersSignOutAndEndsBoth() {
        provider.person("sam", "sam-password", "sam@essex.police.test", "Sam Signout", Set.of("waymark-officers"), true);
        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            page.navigate(url("/sign-in"));
            essexButton(page).click();
            atTheProvidersLogin(page);
            signInAtTheProvider(page, "sam", "sam-password");
            assertThat(page).hasURL(url("/shift"));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)).click();
            assertThat(page).hasURL(url("/sign-in?signedOut"));
            assertThat(heading(page)).hasText("Sign in to Waymark");
            assertThat(page.locator(".govuk-notification-banner")).containsText("You have signed out.");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            // Signed out at the provider too: it asks for the password again.
            essexButton(page).click();
            atTheProvidersLogin(page);
        }
    }

    @Test
    @Order(4)
    void aPersonTheProviderSignedInWithAPasswordAloneSetsUpWaymarksAuthenticatorApp() {
        provider.person("paul", "paul-password", "paul.pc@essex.police.test", "Paul Constable",
                Set.of("waymark-officers"), false);
        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            page.navigate(url("/sign-in"));
            essexButton(page).click();
            atTheProvidersLogin(page);
            signInAtTheProvider(page, "paul", "paul-password");

            assertThat(page).hasURL(url("/sign-in/enrol"));
            assertThat(heading(page)).hasText("Set up two-factor sign-in");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);
        }
    }

    @Test
    @Order(5)
    void aPersonWhoseGroupsGiveNoRoleComesBackToTheSignInPageWithAnErrorSummary() {
        provider.person("nadia", "nadia-password", "nadia@essex.police.test", "Nadia Nogroup", Set.of("canteen"),
                true);
        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            page.navigate(url("/sign-in"));
            essexButton(page).click();
            atTheProvidersLogin(page);
            signInAtTheProvider(page, "nadia", "nadia-password");

            assertThat(page).hasURL(url("/sign-in?provider=noRoles&with=essex"));
            assertThat(heading(page)).hasText("Sign in to Waymark");
            assertThat(page).hasTitle(Pattern.compile("^Error: "));
            Locator summary = page.locator(".govuk-error-summary");
            assertThat(summary).containsText("There is a problem");
            assertThat(summary).containsText("Your groups in Essex Police give you no role in Waymark");
            assertThat(summary.getByRole(AriaRole.LINK)).hasAttribute("href", "#provider-essex");
            assertNoSidewaysScrolling(page);
            checkAccessibility(page);

            summary.getByRole(AriaRole.LINK).click();
            assertThat(page).hasURL(Pattern.compile("#provider-essex$"));
            assertOnFirstScreen(page, essexButton(page));
        }
    }

    private void atTheProvidersLogin(Page page) {
        assertThat(page).hasURL(provider.issuer() + "/login");
    }

    /** The provider's own sign-in form (Spring Security's), which is not Waymark's and not checked with axe. */
    private void signInAtTheProvider(Page page, String username, String password) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("button[type=submit]").click();
    }

    private static Locator essexButton(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ESSEX_BUTTON).setExact(true));
    }
}
