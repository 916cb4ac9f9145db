package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waymark.awareness.HelpTexts;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The passengers' help in each language on the smallest phone (320 pixels wide): readable
 * without sideways scrolling, free of serious or critical axe violations, and the language
 * chooser leads from one to the next.
 */
class HelpPagesBrowserTest extends BrowserJourney {

    @Test
    void aPassengerReadsTheHelpInEachLanguageOnASmallPhone() {
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640)
                .setIsMobile(true).setHasTouch(true))) {
            Page passenger = open(phone);
            passenger.navigate(url("/help"));
            for (String language : HelpTexts.LANGUAGES) {
                passenger.locator(".languages a[lang=" + language + "]").click();
                assertThat(passenger.locator("html")).hasAttribute("lang", language);
                assertThat(passenger.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                        .isVisible();
                assertNoSidewaysScrolling(passenger);
                checkAccessibility(passenger);
            }
            assertTrue(phone.cookies().isEmpty(), "the help set a cookie: " + phone.cookies());
        }
    }
}
