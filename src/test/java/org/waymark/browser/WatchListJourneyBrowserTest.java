package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.Users;
import org.waymark.support.Fixtures;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * An analyst of a Passenger Information Unit keeps a watch list of missing adults on a phone: creates
 * the list, adds an entry written in Cyrillic, uploads a CSV file refused for a row with no owner and
 * then one taken whole, gives the first entry a later review date and removes another. Every page is
 * checked with axe and for sideways scrolling.
 */
class WatchListJourneyBrowserTest extends BrowserJourney {

    static final String ANALYST = "analyst@watch-lists.journeys.waymark.test";
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Autowired
    Agencies agencies;
    @Autowired
    Users users;

    private static void button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private static void date(Page page, String field, LocalDate date) {
        page.locator("#" + field + "-day").fill(String.valueOf(date.getDayOfMonth()));
        page.locator("#" + field + "-month").fill(String.valueOf(date.getMonthValue()));
        page.locator("#" + field + "-year").fill(String.valueOf(date.getYear()));
    }

    private static void checked(Page page) {
        assertNoSidewaysScrolling(page);
        checkAccessibility(page);
    }

    private static FilePayload csv(String text) {
        return new FilePayload("entries.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aListOfMissingAdultsIsKeptOnAPhone() {
        AgencySummary borderForce = agencies.create("Border Force PIU (watch lists)", AgencyType.BORDER_FORCE, null,
                null);
        users.create("Pia Analyst", ANALYST, borderForce.id(), EnumSet.of(Role.PASSENGER_DATA), PASSWORD,
                Fixtures.PASSENGER_DATA_REASON, null);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        LocalDate inAMonth = today.plusMonths(1);
        String review = today.plusMonths(6).toString();

        try (BrowserContext phone = phone()) {
            Page page = open(phone);
            signIn(page, ANALYST, PASSWORD, "/passenger-data");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Watch lists").setExact(true)).click();
            assertThat(heading(page)).hasText("Watch lists");
            checked(page);

            page.getByLabel("Missing adults", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Missing adults, Essex");
            page.getByLabel("Where the entries come from").fill("Essex Police MPU");
            button(page, "Create the list");
            assertThat(heading(page)).hasText("Missing adults, Essex");
            assertThat(page.locator("#no-entries")).hasText("No entries yet.");
            checked(page);

            page.getByLabel("Family name").fill("Иванова");
            page.getByLabel("Given names").fill("Мария");
            assertThat(page.getByLabel("Where the entries come from")).hasValue("Essex Police MPU");
            page.getByLabel("Owner", new Page.GetByLabelOptions().setExact(true)).fill("DC Shah");
            date(page, "reviewDate", inAMonth);
            button(page, "Add the entry");
            assertThat(page.locator(".govuk-notification-banner")).containsText("The entry was added");
            assertThat(page.locator("#entries .wm-entry")).hasCount(1);
            assertThat(page.locator("#entries .wm-entry").first()).containsText("Иванова, Мария");
            assertThat(page.locator("#entries .wm-entry").first()).containsText(SHOWN.format(inAMonth));
            checked(page);

            page.locator("#file").setInputFiles(csv("family_name,given_names,birth_date,owner,review_date\n"
                    + "NOWAK,Anna,2008-03-04,DC Shah," + review + "\n"
                    + "KOWALSKA,Ewa,,," + review + "\n"));
            button(page, "Upload and add");
            assertThat(page.locator("#import-problems")).containsText("The file was refused: nothing was added");
            assertThat(page.locator("#import-problems a")).hasText("Row 2, column owner: Enter who owns the entry");
            assertThat(page.locator("#file-error")).containsText("The file was refused");
            assertThat(page.locator("#entries .wm-entry")).hasCount(1);
            checked(page);
            page.locator("#import-problems a").click();
            assertThat(page.locator("#file")).isFocused();

            page.locator("#file").setInputFiles(csv("family_name,given_names,birth_date,owner,review_date\n"
                    + "NOWAK,Anna,2008-03-04,DC Shah," + review + "\n"
                    + "KOWALSKA,Ewa,,DC Shah," + review + "\n"));
            button(page, "Upload and add");
            assertThat(page.locator(".govuk-notification-banner")).containsText("2 entries added");
            assertThat(page.locator("#entries .wm-family-name")).hasText(new String[] { "KOWALSKA", "NOWAK",
                    "Иванова" });
            checked(page);

            LocalDate later = today.plusMonths(3);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Иванова, Мария")).click();
            assertThat(heading(page)).hasText("Change an entry");
            assertThat(page.getByLabel("Family name")).hasValue("Иванова");
            assertThat(page.locator("#reviewDate-day")).hasValue(String.valueOf(inAMonth.getDayOfMonth()));
            assertThat(page.locator("#reviewDate-year")).hasValue(String.valueOf(inAMonth.getYear()));
            checked(page);
            date(page, "reviewDate", later);
            button(page, "Save changes");
            assertThat(heading(page)).hasText("Missing adults, Essex");
            assertThat(page.locator(".govuk-notification-banner")).containsText("Entry changed");
            assertThat(page.locator("#entries .wm-entry", new Page.LocatorOptions().setHasText("Иванова")))
                    .containsText(SHOWN.format(later));
            checked(page);

            button(page, "Remove NOWAK");
            assertThat(page.locator(".govuk-notification-banner")).containsText("The entry was removed");
            assertThat(page.locator("#entries .wm-family-name")).hasText(new String[] { "KOWALSKA", "Иванова" });
            checked(page);
        }
    }
}
