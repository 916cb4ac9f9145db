package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waymark.awareness.HelpTexts;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

/**
 * The passengers' help in each language on the smallest phone (320 pixels wide): readable
 * without sideways scrolling, free of serious or critical axe violations, and the language
 * chooser leads from one to the next. On a phone set to Arabic the help opens in Arabic, right to
 * left, leads to the report form in Arabic, and "Exit this page" leaves at once.
 */
class HelpPagesBrowserTest extends BrowserJourney {

    @Test
    void aPassengerWhosePhoneIsInArabicReadsTheHelpAndCanLeaveAtOnce() {
        try (BrowserContext phone = browser.newContext(phoneScreen().setLocale("ar-EG"))) {
            phone.route("https://www.bbc.co.uk/**", route -> route.fulfill(new Route.FulfillOptions()
                    .setContentType("text/html").setBody("<!DOCTYPE html><title>Weather</title><h1>Weather</h1>")));
            Page passenger = open(phone);
            passenger.navigate(url("/help"));
            assertThat(passenger).hasURL(url("/help/ar"));
            assertThat(passenger.locator("html")).hasAttribute("dir", "rtl");
            assertThat(heading(passenger)).containsText("مساعدة للمسافرين");
            // GOV.UK Frontend's script took the button on: it adds the Shift key's indicator.
            assertThat(passenger.locator(".govuk-exit-this-page__indicator")).hasCount(1);
            assertOnFirstScreen(passenger, passenger.locator(".govuk-exit-this-page__button"));
            assertNoSidewaysScrolling(passenger);
            checkAccessibility(passenger);

            passenger.locator("#report-link").click();
            assertThat(passenger).hasURL(url("/report/ar"));
            assertThat(passenger.locator("html")).hasAttribute("dir", "rtl");
            assertThat(heading(passenger)).hasText("الإبلاغ عن معلومات تتعلق بالاتجار بالبشر");
            assertNoSidewaysScrolling(passenger);
            checkAccessibility(passenger);

            passenger.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("طوارئ اخرج من هذه الصفحة"))
                    .click();
            assertThat(passenger).hasURL("https://www.bbc.co.uk/weather");
            assertTrue(phone.cookies().isEmpty(), "the help set a cookie: " + phone.cookies());
        }
    }

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
