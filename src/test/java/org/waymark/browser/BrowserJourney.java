package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiFixtures;
import org.waymark.support.TestDatabases;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * What every browser journey needs: Waymark on a random port with a first administrator and a
 * fresh H2 database of the journey's own (the application is closed after the class), Debian's
 * Chromium driven by Playwright (the journeys are skipped, with the reason, where it is not
 * installed), phones, signing in, and the checks made on every page. A journey adds properties
 * with {@code @TestPropertySource}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waymark.admin.email=" + BrowserJourney.ADMIN_EMAIL,
        "waymark.admin.password=" + BrowserJourney.ADMIN_PASSWORD })
@DirtiesContext
abstract class BrowserJourney {

    static final String ADMIN_EMAIL = "admin@journeys.waymark.test";
    static final String ADMIN_PASSWORD = "correct horse battery staple 42";
    /** The password of the users a journey makes through {@link #given()}. */
    static final String PASSWORD = ApiFixtures.PASSWORD;

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            return;
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** Each journey is reported as skipped, with the reason, where there is no browser to run it in. */
    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Chromium is not installed at /usr/bin/chromium: browser journeys skipped");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    /** A phone's screen, which a test may add to, such as another browser identification. */
    static Browser.NewContextOptions phoneScreen() {
        return new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true).setHasTouch(true);
    }

    static BrowserContext phone() {
        return browser.newContext(phoneScreen());
    }

    Page open(BrowserContext context) {
        context.setDefaultTimeout(10_000);
        context.setDefaultNavigationTimeout(15_000);
        return context.newPage();
    }

    /** Signs in from the sign-in page and lands where the person's work begins, at {@code landing}. */
    void signIn(Page page, String email, String password, String landing) {
        page.navigate(url("/sign-in"));
        assertThat(heading(page)).hasText("Sign in to Waymark");
        checkAccessibility(page);
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url(landing));
        checkAccessibility(page);
    }

    static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    static void checkAccessibility(Page page) {
        Accessibility.assertNoSeriousViolations(page);
    }

    static void assertNoSidewaysScrolling(Page page) {
        Object overflow = page.evaluate(
                "() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })");
        assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "the page scrolls sideways at " + overflow + ": " + page.url());
    }

    /** Whether the whole of the element is on the first screen, without scrolling. */
    static void assertOnFirstScreen(Page page, Locator element) {
        var box = element.boundingBox();
        int height = page.viewportSize().height;
        assertTrue(box != null && box.y >= 0 && box.y + box.height <= height,
                "not on the first screen of " + height + " px: " + element + " at " + (box == null ? null : box.y));
    }

    /** Fixtures made through the API by the first administrator. */
    ApiFixtures given() {
        ApiClient api = new ApiClient(port);
        return new ApiFixtures(api, ApiClient.bearer(api.token(ADMIN_EMAIL, ADMIN_PASSWORD)));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
