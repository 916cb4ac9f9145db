package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.mock.web.MockHttpServletResponse;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.operation.CoverKind;
import org.waymark.operation.Rota;
import org.waymark.shared.OperationId;

/** The pages as people see them: content, GOV.UK error summaries, refusals and headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesTest extends PageTests {

    @LocalServerPort
    int port;

    AgencySummary police;
    AgencySummary charity;
    @Autowired
    Rota rota;
    UUID operationId;

    @BeforeAll
    void data() {
        police = given.agency("Essex Police", AgencyType.POLICE);
        charity = given.agency("Justice & Care", AgencyType.CHARITY);
        given.user("Chris Coordinator", "coordinator@pages.test", police, Role.COORDINATOR);
        given.user("Nia Navigator", "partner@pages.test", charity, Role.PARTNER);
        given.user("Dana Admin", "admin@pages.test", police, Role.ADMIN);
        var coordinator = principal("coordinator@pages.test");
        operationId = given.operation().named("Week of action: Stansted Airport").from("BG", "MD").withPartners(charity)
                .plannedBy(coordinator).value();
    }

    @Test
    void govukFrontendsStylesScriptAndAssetsAreServedToEveryoneForAWeek() throws Exception {
        for (String path : List.of("/govuk/govuk-frontend.min.css", "/govuk/govuk-frontend.min.js",
                "/assets/images/favicon.ico", "/assets/manifest.json")) {
            MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();

            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getContentAsByteArray()).as(path).isNotEmpty();
            assertThat(response.getHeader("Cache-Control")).as(path).contains("max-age=604800");
        }
        assertThat(mvc.perform(get("/govuk/no-such-file.css")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/operations")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/sign-in");
    }

    @Test
    void aFailedSignInSaysWhatToDoAndKeepsTheEmail() throws Exception {
        var failed = mvc.perform(post("/sign-in").with(csrf()).param("email", "coordinator@pages.test")
                .param("password", "wrong password here")).andReturn();
        assertThat(failed.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=failed");

        Document page = page(get("/sign-in?error=failed").session(
                (org.springframework.mock.web.MockHttpSession) failed.getRequest().getSession()));

        assertThat(page.title()).startsWith("Error: Sign in");
        assertThat(page.select(".govuk-error-summary a[href=#email]").text())
                .isEqualTo("Enter a correct email address and password");
        assertThat(page.select("input#email").val()).isEqualTo("coordinator@pages.test");
    }

    @Test
    void theOperationsListShowsWhatTheUserMaySee() throws Exception {
        Document page = page(as("coordinator@pages.test", get("/operations")));

        assertThat(page.select("h1").text()).isEqualTo("Operations");
        assertThat(page.select("table a").eachText()).contains("Week of action: Stansted Airport");
        assertThat(page.select("tbody tr:contains(Week of action: Stansted Airport)").text())
                .contains("London Stansted (STN)");
        assertThat(page.select("a.govuk-button").text()).isEqualTo("Plan an operation");
        assertThat(page.select(".govuk-phase-banner")).as("not in demo mode").isEmpty();
    }

    @Test
    void theOperationPageShowsThePlanToItsCoordinator() throws Exception {
        Document page = page(as("coordinator@pages.test", get("/operations/" + operationId)));

        assertThat(page.select("h1").text()).isEqualTo("Week of action: Stansted Airport");
        assertThat(page.select(".govuk-summary-list").text()).contains("London Stansted (STN)", "16 September 2026",
                "19 September 2026", "Essex Police", "Justice & Care", "Bulgaria (BG)", "Moldova (MD)",
                "Sexual exploitation", "Planned");
        assertThat(page.select("button").eachText()).contains("Mark as active", "Close the operation");
    }

    @Test
    void theOperationPageSaysWhereNobodyIsOnCall() throws Exception {
        var coordinator = principal("coordinator@pages.test");
        OperationId id = given.operation().named("Week of cover")
                .between(LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 17)).withPartners(charity)
                .plannedBy(coordinator);
        rota.add(id, new Rota.NewSlot(charity.id(), null, CoverKind.NAVIGATOR, LocalDateTime.of(2026, 9, 15, 20, 0),
                LocalDateTime.of(2026, 9, 17, 2, 0), "07700 900123", null), coordinator);
        rota.add(id, new Rota.NewSlot(charity.id(), null, CoverKind.NAVIGATOR, LocalDateTime.of(2026, 9, 17, 6, 0),
                LocalDateTime.of(2026, 9, 18, 0, 0), null, null), coordinator);
        rota.add(id, new Rota.NewSlot(charity.id(), null, CoverKind.SARC, LocalDateTime.of(2026, 9, 16, 0, 0),
                LocalDateTime.of(2026, 9, 17, 22, 0), null, null), coordinator);

        Document page = page(as("coordinator@pages.test", get("/operations/" + id.value())));

        assertThat(page.select("#cover-gaps li").eachText()).containsExactly(
                "No navigator 02:00 to 06:00 on 17 September",
                "No SARC worker 22:00 to 00:00 on 17 September",
                "No interpreter from 00:00 on 16 September to 00:00 on 18 September");
        assertThat(page.select("#rota li").first().text()).contains("Navigator", "Justice & Care", "15 September 20:00",
                "17 September 02:00", "07700 900123");
        assertThat(page.select("#rota a[href=tel:07700 900123]")).hasSize(1);
    }

    @Test
    void theLeadCoordinatorAddsCoverOnTheRotaPageAndMistakesAreNamed() throws Exception {
        String rotaPage = "/operations/" + operationId + "/rota";
        Document empty = page(as("coordinator@pages.test", get(rotaPage)));
        assertThat(empty.select("h1").text()).isEqualTo("Partner cover");
        assertThat(empty.select("#cover-gaps li").eachText()).contains(
                "No navigator from 00:00 on 16 September to 00:00 on 20 September");

        Document mistakes = page(as("coordinator@pages.test", post(rotaPage).with(csrf())
                .param("fromDate.day", "31").param("fromDate.month", "2").param("fromDate.year", "2026")
                .param("fromTime", "late").param("toTime", "06:00")));
        assertThat(mistakes.title()).startsWith("Error: Partner cover");
        assertThat(mistakes.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#agencyId", "#kind",
                "#fromDate-day", "#fromTime", "#toDate-day");

        var added = mvc.perform(as("coordinator@pages.test", post(rotaPage).with(csrf())
                .param("agencyId", charity.id().value().toString()).param("kind", "NAVIGATOR")
                .param("fromDate.day", "16").param("fromDate.month", "9").param("fromDate.year", "2026")
                .param("fromTime", "22:00").param("toDate.day", "17").param("toDate.month", "9")
                .param("toDate.year", "2026").param("toTime", "06:00").param("phone", "07700 900123"))).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo(rotaPage);
        Document page = page(as("coordinator@pages.test", get(rotaPage)).flashAttrs(added.getFlashMap()));
        assertThat(page.select(".govuk-notification-banner").text()).contains("Cover added");
        assertThat(page.select("#rota li").text()).contains("Navigator", "Justice & Care", "16 September 22:00",
                "17 September 06:00");
        assertThat(page.select("#cover-gaps li").eachText()).contains("No navigator 00:00 to 22:00 on 16 September",
                "No navigator from 06:00 on 17 September to 00:00 on 20 September");

        Document partners = page(as("partner@pages.test", get(rotaPage)));
        assertThat(partners.select("#rota li").text()).contains("Justice & Care");
        assertThat(partners.select("form")).noneMatch(form -> form.attr("action").endsWith("/rota"));
    }

    @Test
    void withoutAMailServerTheAdministratorIsToldThatEmailIsOff() throws Exception {
        Document page = page(as("admin@pages.test", get("/admin/notifications")));

        assertThat(page.select("h1").text()).isEqualTo("Notifications");
        assertThat(page.select("#mail-off").text()).contains("Email is off", "spring.mail.host");
        assertThat(page.select("header a[href=/admin/notifications]")).hasSize(1);
        assertThat(status(as("coordinator@pages.test", get("/admin/notifications")))).isEqualTo(403);
    }

    @Test
    void partnersSeeTheOutlineOnly() throws Exception {
        Document page = page(as("partner@pages.test", get("/operations/" + operationId)));

        assertThat(page.select(".govuk-summary-list").text()).contains("STN", "Planned")
                .doesNotContain("Bulgaria", "Sexual exploitation");
        assertThat(page.select("main a.govuk-button, main form button")).isEmpty();
        assertThat(page.select("nav").text()).doesNotContain("Users", "Audit log");
    }

    @Test
    void aFormWithMistakesShowsAGovukErrorSummaryAndKeepsWhatWasTyped() throws Exception {
        Document page = page(as("coordinator@pages.test", post("/operations").with(csrf())
                .param("name", "Week of action: Gatwick").param("port", "lgw")
                .param("startDate.day", "19").param("startDate.month", "9").param("startDate.year", "2026")
                .param("endDate.day", "16").param("endDate.month", "9").param("endDate.year", "2026")
                .param("focusExploitationTypes", "LABOUR").param("focusCountries", "BG", "ZZ")
                .param("anotherCountry", "XX")));

        assertThat(page.title()).startsWith("Error: Plan an operation");
        assertThat(page.select(".govuk-error-summary__title").text()).isEqualTo("There is a problem");
        assertThat(page.select(".govuk-error-summary a").eachText()).as("codes no list offers are refused")
                .containsExactly("Choose countries from the list", "Choose a country from the list");
        assertThat(page.select(".govuk-error-summary a").eachAttr("href"))
                .containsExactly("#focusCountries", "#anotherCountry");
        assertThat(page.select("#focusCountries-error").text()).contains("Choose countries from the list");
        assertThat(page.select("input#name").val()).isEqualTo("Week of action: Gatwick");
        assertThat(page.select("input[name=focusCountries][checked]").eachAttr("value")).as("the real one kept")
                .containsExactly("BG");
        assertThat(page.select("label[for=focusCountries]").text()).isEqualTo("Bulgaria");
        assertThat(page.select("input#focusExploitationTypes-LABOUR").hasAttr("checked")).isTrue();

        Document backwards = page(as("coordinator@pages.test", post("/operations").with(csrf())
                .param("name", "Week of action: Gatwick").param("port", "LGW")
                .param("startDate.day", "19").param("startDate.month", "9").param("startDate.year", "2026")
                .param("endDate.day", "16").param("endDate.month", "9").param("endDate.year", "2026")));
        assertThat(backwards.select(".govuk-error-summary a").eachText())
                .containsExactly("The end date must be the same as or after the start date");
        assertThat(backwards.select("#endDate-error").text()).contains("after the start date");

        Document tooLong = page(as("coordinator@pages.test", post("/operations").with(csrf())
                .param("name", "W".repeat(121)).param("port", "LGW")
                .param("startDate.day", "16").param("startDate.month", "9").param("startDate.year", "2026")
                .param("endDate.day", "19").param("endDate.month", "9").param("endDate.year", "2026")));
        assertThat(tooLong.select(".govuk-error-summary a").eachText()).as("the operation's own limit, on its field")
                .containsExactly("The name must be 120 characters or fewer");
        assertThat(tooLong.select(".govuk-error-summary a").attr("href")).isEqualTo("#name");
    }

    @Test
    void impossibleDatesAndMissingFieldsAreNamed() throws Exception {
        Document page = page(as("coordinator@pages.test", post("/operations").with(csrf())
                .param("name", "").param("port", "").param("startDate.day", "30").param("startDate.month", "2")
                .param("startDate.year", "2026")));

        assertThat(page.select(".govuk-error-summary a").eachText()).as("in the order of the fields").containsExactly(
                "Enter the operation’s name", "Enter the port’s airport code",
                "The start date must be a real date, like 16 9 2026", "Enter the end date");
    }

    @Test
    void aValidFormCreatesTheOperationAndShowsIt() throws Exception {
        var result = mvc.perform(as("coordinator@pages.test", post("/operations").with(csrf())
                .param("name", "Week of action: Luton").param("port", "ltn")
                .param("startDate.day", "1").param("startDate.month", "10").param("startDate.year", "2026")
                .param("endDate.day", "4").param("endDate.month", "10").param("endDate.year", "2026")
                .param("focusCountries", "RO").param("anotherCountry", "AL")
                .param("agencyIds", charity.id().toString()))).andReturn();

        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/operations/");
        Document page = page(as("coordinator@pages.test", get(location)));
        assertThat(page.select("h1").text()).isEqualTo("Week of action: Luton");
        assertThat(page.select(".govuk-summary-list").text()).contains("LTN", "Romania (RO)", "Albania (AL)",
                "Justice & Care");
    }

    @Test
    void focusCountriesAreChosenByNameAndShownBackByName() throws Exception {
        Document form = page(as("coordinator@pages.test", get("/operations/" + operationId + "/edit")));

        assertThat(form.select("input[type=text][name=focusCountries]")).as("no code to type").isEmpty();
        assertThat(form.select("input[name=focusCountries]").eachAttr("value")).containsExactly("BG", "MD");
        assertThat(form.select("input[name=focusCountries]").hasAttr("checked")).isTrue();
        assertThat(form.select("#focusCountries-MD + label").text()).isEqualTo("Moldova");
        assertThat(form.select("label[for=anotherCountry]").text()).isEqualTo("Add a country");
        assertThat(form.select("#anotherCountry option[value=AL]").text()).isEqualTo("Albania");
        assertThat(form.select("#anotherCountry option[value=BG]")).as("chosen already").isEmpty();

        // One more, and the form again for the next; then one taken out by unticking it.
        var another = mvc.perform(as("coordinator@pages.test", post("/operations/" + operationId).with(csrf())
                .params(fields(form)).param("focusCountries", "BG", "MD").param("anotherCountry", "AL")
                .param("next", "another"))).andReturn();
        assertThat(another.getResponse().getRedirectedUrl()).isEqualTo("/operations/" + operationId + "/edit");
        Document again = page(as("coordinator@pages.test", get("/operations/" + operationId + "/edit"))
                .flashAttrs(another.getFlashMap()));
        assertThat(again.select(".govuk-notification-banner").text()).contains("The operation is saved");
        assertThat(again.select("input[name=focusCountries][checked] + label").eachText())
                .containsExactly("Albania", "Bulgaria", "Moldova");

        var fewer = mvc.perform(as("coordinator@pages.test", post("/operations/" + operationId).with(csrf())
                .params(fields(again)).param("focusCountries", "BG", "MD"))).andReturn();
        assertThat(fewer.getResponse().getRedirectedUrl()).isEqualTo("/operations/" + operationId);
        assertThat(page(as("coordinator@pages.test", get("/operations/" + operationId + "/edit")))
                .select("input[name=focusCountries] + label").eachText()).containsExactly("Bulgaria", "Moldova");
    }

    @Test
    void theCoordinatorChoosesToAddFlightsFromPassengerData() throws Exception {
        String edit = "/operations/" + operationId + "/edit";
        Document form = page(as("coordinator@pages.test", get(edit)));
        assertThat(form.select("input[type=checkbox][name=addFlightsFromPassengerData] + label").text())
                .isEqualTo("Add flights from passenger data");
        assertThat(form.select("input[name=addFlightsFromPassengerData]").hasAttr("checked")).as("off at first")
                .isFalse();

        var ticked = mvc.perform(as("coordinator@pages.test", post("/operations/" + operationId).with(csrf())
                .params(fields(form)).param("focusCountries", "BG", "MD").param("addFlightsFromPassengerData", "true")))
                .andReturn();
        assertThat(ticked.getResponse().getRedirectedUrl()).isEqualTo("/operations/" + operationId);
        Document again = page(as("coordinator@pages.test", get(edit)));
        assertThat(again.select("input[name=addFlightsFromPassengerData]").hasAttr("checked")).isTrue();
        assertThat(page(as("coordinator@pages.test", get("/operations/" + operationId)))
                .select(".govuk-summary-list__row").eachText()).contains("Passenger data Counts the passengers on "
                        + "board the operation’s flights, and adds the flights it has not listed");

        // Unticked, the browser sends nothing for it: it is off again.
        var fields = fields(again);
        fields.remove("addFlightsFromPassengerData");
        mvc.perform(as("coordinator@pages.test", post("/operations/" + operationId).with(csrf()).params(fields)
                .param("focusCountries", "BG", "MD"))).andReturn();
        assertThat(page(as("coordinator@pages.test", get(edit))).select("input[name=addFlightsFromPassengerData]")
                .hasAttr("checked")).isFalse();
    }

    /** The form's text and date boxes and its ticked agencies and types, as the browser would send them. */
    private static org.springframework.util.MultiValueMap<String, String> fields(Document form) {
        var fields = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.select("input[type=text]").forEach(input -> fields.add(input.attr("name"), input.val()));
        form.select("input[type=checkbox][checked]").stream().filter(box -> !box.attr("name").equals("focusCountries"))
                .forEach(box -> fields.add(box.attr("name"), box.val()));
        return fields;
    }

    @Test
    void aWrongCurrentPasswordIsNamedAndNeverEchoed() throws Exception {
        given.user("Wendy Wrong", "wrong@pages.test", police, Role.OFFICER);

        Document page = page(as("wrong@pages.test", post("/account/password").with(csrf())
                .param("currentPassword", "a guessed password").param("newPassword", "a brand new password")));

        assertThat(page.title()).startsWith("Error: Your account");
        assertThat(page.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter your current password correctly");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#currentPassword");
        assertThat(page.html()).doesNotContain("a guessed password", "a brand new password");
    }

    @Test
    void aUserGivesTheNumberTheyAreCalledOnAndANumberThatIsNoneIsNamed() throws Exception {
        given.user("Pat Phone", "phone@pages.test", police, Role.OFFICER);

        Document wrong = page(as("phone@pages.test", post("/account/phone").with(csrf())
                .param("phone", "my desk")));
        assertThat(wrong.title()).startsWith("Error: Your account");
        assertThat(wrong.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter a phone number of digits, like 07700 900123 or +44 7700 900123");
        assertThat(wrong.select(".govuk-error-summary a").attr("href")).isEqualTo("#phone");
        assertThat(wrong.select("input#phone").val()).isEqualTo("my desk");

        MvcResult saved = mvc.perform(as("phone@pages.test", post("/account/phone").with(csrf())
                .param("phone", " 07700 900123 "))).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/account#phone");
        Document account = page(as("phone@pages.test", get("/account")).flashAttrs(saved.getFlashMap()));
        assertThat(account.select(".govuk-notification-banner").text()).contains("Your phone number has been saved");
        assertThat(account.select("input#phone").val()).isEqualTo("07700 900123");
        assertThat(account.select("input#phone").attr("type")).isEqualTo("tel");
    }

    @Test
    void administrationIsForAdministratorsOnly() throws Exception {
        assertThat(status(as("coordinator@pages.test", get("/admin/users")))).isEqualTo(403);
        assertThat(status(as("partner@pages.test", get("/admin/audit")))).isEqualTo(403);

        Document audit = page(as("admin@pages.test", get("/admin/audit").param("recordType", "operation").param("action", "operation created")));
        assertThat(audit.select("h1").text()).isEqualTo("Audit log");
        assertThat(audit.select(".govuk-summary-card").text()).contains("Created an operation", "Chris Coordinator")
                .doesNotContain("OPERATION_CREATED");
    }

    @Test
    void theAdminAddsAUserWithAGeneratedPasswordShownOnce() throws Exception {
        var result = mvc.perform(as("admin@pages.test", post("/admin/users").with(csrf())
                .param("name", "Olu Officer").param("email", "olu@pages.test")
                .param("agencyId", police.id().toString()).param("roles", "OFFICER"))).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");

        Document list = page(as("admin@pages.test", get("/admin/users")).flashAttrs(result.getFlashMap()));
        assertThat(list.select(".govuk-panel__title").text()).isEqualTo("User Olu Officer saved");
        assertThat(list.select(".govuk-panel__body strong").text()).hasSize(20);
        assertThat(page(as("admin@pages.test", get("/admin/users"))).select(".govuk-panel")).isEmpty();
        // On a phone each user is a card, named, with the link to change them on its own.
        assertThat(cardsNamingTheirColumns(list)).containsExactly(List.of("Full name", "Agency", "Signs in with",
                "Roles", "State", "Last sign-in", ""));

        Document duplicate = page(as("admin@pages.test", post("/admin/users").with(csrf())
                .param("name", "Olu Again").param("email", "OLU@pages.test")
                .param("agencyId", police.id().toString()).param("roles", "OFFICER")));
        assertThat(duplicate.select(".govuk-error-summary a").eachText())
                .containsExactly("A user with this email address already exists");
    }

    @Test
    void badIdsAndMissingCsrfTokensAreRefusedPlainly() throws Exception {
        assertThat(status(as("coordinator@pages.test", get("/operations/not-a-uuid")))).isEqualTo(400);
        assertThat(status(as("coordinator@pages.test", get("/operations/" + UUID.randomUUID())))).isEqualTo(404);
        assertThat(status(as("coordinator@pages.test", post("/operations").with(csrf().useInvalidToken())
                .param("name", "Forged")))).isEqualTo(403);
        // Without any token, as after the session timed out, the form goes back to sign-in.
        var noToken = mvc.perform(as("coordinator@pages.test", post("/operations").param("name", "No CSRF")))
                .andReturn().getResponse();
        assertThat(noToken.getRedirectedUrl()).isEqualTo("/sign-in?timedOut");
        assertThat(page(as("coordinator@pages.test", get("/operations"))).text()).doesNotContain("Forged",
                "No CSRF");
        assertThat(status(as("admin@pages.test", get("/admin/users/123/edit")))).isEqualTo(400);
    }

    @Test
    void pagesAndTheSessionCookieCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());

        var headers = response.headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Set-Cookie").orElseThrow()).contains("WAYMARK_SESSION=", "HttpOnly",
                "SameSite=Lax");
        assertThat(Jsoup.parse(response.body()).select("script:not([src])")).as("no inline scripts").isEmpty();
    }

}
