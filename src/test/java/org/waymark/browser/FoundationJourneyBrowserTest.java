package org.waymark.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * The foundation journey in a real browser, as people do it: the first administrator adds a police
 * force and a coordinator in it; the coordinator plans an operation, gets a mistake pointed out,
 * corrects it, and finds the operation in the list; the operation page then works on a phone.
 * Every page is checked with axe for serious and critical WCAG 2.2 AA violations.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationJourneyBrowserTest extends BrowserJourney {

    private static final String AGENCY = "Hertfordshire Constabulary";
    private static final String COORDINATOR_NAME = "Casey Coordinator";
    private static final String COORDINATOR_EMAIL = "casey.coordinator@herts.waymark.test";
    private static final String COORDINATOR_PASSWORD = "a long coordinator passphrase";
    private static final String OPERATION = "Week of action: Stansted Airport";

    private static BrowserContext coordinatorContext;
    private static boolean coordinatorAdded;
    private static String operationUrl;

    @Test
    @Order(1)
    void administratorAddsAPoliceForceAndACoordinatorInIt() {
        try (BrowserContext context = browser.newContext()) {
            Page page = open(context);
            signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD, "/operations");

            // Agencies: add a police force, which is a First Responder as usual for its type.
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main menu"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Agencies").setExact(true))
                    .click();
            assertThat(page).hasURL(url("/admin/agencies"));
            assertThat(heading(page)).hasText("Agencies");
            checkAccessibility(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add an agency")).click();
            assertThat(heading(page)).hasText("Add an agency");
            checkAccessibility(page);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(AGENCY);
            page.getByLabel("Type", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel("Police force"));
            assertThat(page.getByLabel("As usual for its type")).isChecked();
            save(page);

            assertThat(heading(page)).hasText("Agencies");
            assertThat(successBanner(page)).containsText("Agency " + AGENCY + " saved");
            Locator agencyCells = row(page, AGENCY).getByRole(AriaRole.CELL);
            assertThat(agencyCells.nth(columnIndex(page, "Name"))).hasText(AGENCY);
            assertThat(agencyCells.nth(columnIndex(page, "Type"))).hasText("Police force");
            assertThat(agencyCells.nth(columnIndex(page, "First Responder"))).hasText("Yes");
            checkAccessibility(page);

            // Users: add a coordinator in the new agency, with a password the admin chooses.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users").setExact(true)).click();
            assertThat(page).hasURL(url("/admin/users"));
            assertThat(heading(page)).hasText("Users");
            checkAccessibility(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a user")).click();
            assertThat(heading(page)).hasText("Add a user");
            checkAccessibility(page);
            page.getByLabel("Full name").fill(COORDINATOR_NAME);
            page.getByLabel("Email address").fill(COORDINATOR_EMAIL);
            page.getByLabel("Agency", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel(AGENCY));
            Locator roles = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Roles"));
            for (String role : List.of("Administrator", "Coordinator", "Officer", "Partner", "Analyst")) {
                assertThat(roles.getByRole(AriaRole.CHECKBOX,
                        new Locator.GetByRoleOptions().setName(role).setExact(true))).not().isChecked();
            }
            roles.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Coordinator").setExact(true))
                    .check();
            page.getByLabel("Password (optional)").fill(COORDINATOR_PASSWORD);
            save(page);

            assertThat(heading(page)).hasText("Users");
            assertThat(successBanner(page)).containsText("User " + COORDINATOR_NAME + " saved");
            Locator userCells = row(page, COORDINATOR_EMAIL).getByRole(AriaRole.CELL);
            assertThat(userCells.nth(columnIndex(page, "Full name"))).containsText(COORDINATOR_NAME);
            assertThat(userCells.nth(columnIndex(page, "Agency"))).hasText(AGENCY);
            assertThat(userCells.nth(columnIndex(page, "Roles"))).hasText("Coordinator");
            assertThat(userCells.nth(columnIndex(page, "State"))).hasText("Active");
            checkAccessibility(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(heading(page)).hasText("Sign in to Waymark");
            assertThat(page.getByText("You have signed out.")).isVisible();
            checkAccessibility(page);
        }
        coordinatorAdded = true;
    }

    @Test
    @Order(2)
    void coordinatorPlansAnOperationAndCorrectsAMistake() {
        Assumptions.assumeTrue(coordinatorAdded, "the administrator's part of the journey did not finish");
        coordinatorContext = browser.newContext();
        Page page = open(coordinatorContext);
        signIn(page, COORDINATOR_EMAIL, COORDINATOR_PASSWORD, "/operations");
        assertThat(page.getByText("There are no operations you can see yet.")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan an operation")).click();
        assertThat(heading(page)).hasText("Plan an operation");
        assertThat(page).hasTitle(Pattern.compile("^Plan an operation"));
        checkAccessibility(page);

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(OPERATION);
        page.getByLabel("Port", new Page.GetByLabelOptions().setExact(true)).fill("STN");
        fillDate(page, "Start date", "19", "9", "2026");
        fillDate(page, "End date", "16", "9", "2026");
        page.getByLabel("Sexual exploitation").check();
        page.getByLabel("Labour exploitation").check();
        // Countries are chosen by name, one at a time.
        page.getByLabel("Add a country").selectOption(new SelectOption().setLabel("Bulgaria"));
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Agencies taking part"))
                .getByLabel("Waymark administration").check();
        save(page);

        // The mistake is pointed out the GOV.UK way, and what was typed is kept.
        assertThat(page).hasTitle(Pattern.compile("^Error: Plan an operation"));
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).isVisible();
        assertThat(summary.getByRole(AriaRole.HEADING)).hasText("There is a problem");
        assertThat(summary).isFocused();
        String message = "The end date must be the same as or after the start date";
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("End date")))
                .containsText("Error: " + message);
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue(OPERATION);
        assertThat(page.getByLabel("Sexual exploitation")).isChecked();
        assertThat(page.getByLabel("Add a country")).hasValue("BG");
        checkAccessibility(page);
        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(message)).click();
        Locator endDay = dateGroup(page, "End date").getByLabel("Day");
        assertThat(endDay).isFocused();

        endDay.fill("21");
        Locator addAnother = page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save and add another country"));
        addAnother.click();
        assertThat(successBanner(page)).containsText("The operation is saved");
        assertThat(page.getByLabel("Bulgaria")).isChecked();
        assertNoSidewaysScrolling(page);
        checkAccessibility(page);
        page.getByLabel("Add a country").selectOption(new SelectOption().setLabel("Moldova"));
        addAnother.click();
        assertThat(page.getByLabel("Moldova")).isChecked();
        page.getByLabel("Add a country").selectOption(new SelectOption().setLabel("Turkey"));
        save(page);

        assertThat(page).hasTitle(OPERATION + " – Waymark");
        assertThat(heading(page)).hasText(OPERATION);
        assertThat(successBanner(page)).containsText("Operation saved");
        assertThat(summaryValue(page, "Status")).hasText("Planned");
        assertThat(summaryValue(page, "Port")).hasText("London Stansted (STN)");
        assertThat(summaryValue(page, "Dates")).hasText("19 September 2026 to 21 September 2026");
        assertThat(summaryValue(page, "Lead agency")).hasText(AGENCY);
        assertThat(summaryValue(page, "Exploitation in focus").getByRole(AriaRole.LISTITEM))
                .hasText(new String[] { "Sexual exploitation", "Labour exploitation" });
        assertThat(summaryValue(page, "Countries in focus")).containsText("Bulgaria (BG)");
        assertThat(summaryValue(page, "Countries in focus").getByRole(AriaRole.LISTITEM)).hasCount(3);
        assertThat(summaryValue(page, "Agencies taking part").getByRole(AriaRole.LISTITEM))
                .hasText(new String[] { AGENCY, "Waymark administration" });
        checkAccessibility(page);
        operationUrl = page.url();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Operations").setExact(true)).click();
        assertThat(heading(page)).hasText("Operations");
        Locator operationCells = row(page, OPERATION).getByRole(AriaRole.CELL);
        assertThat(operationCells.nth(columnIndex(page, "Port"))).hasText("London Stansted (STN)");
        assertThat(operationCells.nth(columnIndex(page, "Dates"))).hasText("19 September 2026 to 21 September 2026");
        assertThat(operationCells.nth(columnIndex(page, "Status"))).hasText("Planned");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(OPERATION)))
                .hasAttribute("href", operationUrl.substring(url("").length()));
        checkAccessibility(page);
    }

    @Test
    @Order(3)
    void operationPageFitsAPhone() {
        Assumptions.assumeTrue(operationUrl != null, "the coordinator's part of the journey did not finish");
        try (BrowserContext phone = browser.newContext(phoneScreen()
                .setStorageState(coordinatorContext.storageState()))) {
            Page page = open(phone);
            page.navigate(operationUrl);
            assertThat(heading(page)).hasText(OPERATION);
            assertThat(heading(page)).isInViewport();
            assertThat(summaryValue(page, "Port")).isVisible();
            Object overflow = page.evaluate(
                    "() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })");
            assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                    "the operation page scrolls sideways at 360px wide: " + overflow);
            checkAccessibility(page);
        } finally {
            coordinatorContext.close();
        }
    }

            private static void save(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
    }

    private static void fillDate(Page page, String legend, String day, String month, String year) {
        Locator group = dateGroup(page, legend);
        group.getByLabel("Day").fill(day);
        group.getByLabel("Month").fill(month);
        group.getByLabel("Year").fill(year);
    }

    private static Locator dateGroup(Page page, String legend) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
    }

        private static Locator successBanner(Page page) {
        return page.locator(".govuk-notification-banner--success");
    }

    /** The table row that mentions {@code text}. */
    private static Locator row(Page page, String text) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(text));
    }

    /** Where the table's column headed {@code header} is, so that cells are read under their heading. */
    private static int columnIndex(Page page, String header) {
        List<String> headers = page.getByRole(AriaRole.COLUMNHEADER).allTextContents().stream()
                .map(String::strip).toList();
        int index = headers.indexOf(header);
        assertTrue(index >= 0, "no column headed \"" + header + "\" among " + headers);
        return index;
    }

    /** The value of the summary list row whose key is {@code key}. */
    private static Locator summaryValue(Page page, String key) {
        Locator term = page.getByRole(AriaRole.TERM)
                .and(page.getByText(key, new Page.GetByTextOptions().setExact(true)));
        return page.locator(".govuk-summary-list__row").filter(new Locator.FilterOptions().setHas(term))
                .getByRole(AriaRole.DEFINITION);
    }

        }
