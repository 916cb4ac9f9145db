package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.safeguarding.CheckDisposal;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.OperationId;

/**
 * The retention page, for administrators only: the periods and what is due, holds placed with
 * their mistakes named and lifted, a run asked for now; and a disposed check saying when it was
 * disposed of. (It shares its application context with the other MockMvc page tests.)
 */
class RetentionPagesTest extends PageTests {

    private static final String ADMIN = "admin@retention.test";
    private static final String OFFICER = "officer@retention.test";
    private static final String COORDINATOR = "coordinator@retention.test";

    @Autowired
    CheckDisposal disposal;

    OperationId operation;

    @BeforeAll
    void data() {
        var police = given.agency("Cumbria Constabulary", AgencyType.POLICE);
        given.user("Dee Admin", ADMIN, police, Role.ADMIN);
        given.user("Oli Officer", OFFICER, police, Role.OFFICER);
        given.user("Cas Coordinator", COORDINATOR, police, Role.COORDINATOR);
        operation = given.operation().named("Week of action: Luton Airport").at("LTN")
                .plannedBy(principal(COORDINATOR));
    }

    @Test
    void onlyAdministratorsSeeThePage() throws Exception {
        assertThat(status(as(COORDINATOR, get("/admin/retention")))).isEqualTo(403);
        assertThat(status(as(OFFICER, get("/admin/retention")))).isEqualTo(403);
        assertThat(status(as(OFFICER, post("/admin/retention/run").with(csrf())))).isEqualTo(403);
        assertThat(page(as(OFFICER, get("/operations"))).select("header a[href=/admin/retention]")).isEmpty();

        Document page = page(as(ADMIN, get("/admin/retention")));

        assertThat(page.select("h1").text()).isEqualTo("Retention and disposal");
        assertThat(page.select("header a[href=/admin/retention]")).hasSize(1);
        assertThat(page.select("#periods tbody tr th").eachText()).containsExactly(
                "Enhanced check without referral", "Referral package and its check", "Report from the public",
                "Engagement tallies (the counts are kept)", "Audit log entries",
                "Passenger data (API and PNR; the counts per flight are kept)");
        assertThat(page.select("#class-PASSENGER_DATA td").first().text()).isEqualTo(
                "30 days after the flight; masked 48 hours after it");
        assertThat(page.select("#passenger-data-clock").text()).contains("every hour",
                "masked 48 hours after its flight and deleted 30 days after it");
        assertThat(page.select("#class-CHECK_WITHOUT_REFERRAL td").first().text()).startsWith("90 days");
        assertThat(page.select("#class-REFERRAL_PACKAGE td").first().text()).startsWith("6 years");
        assertThat(page.select("#class-PUBLIC_REPORT td").first().text()).contains("1 year",
                "6 years if linked to an operation");
        assertThat(page.select("#class-ENGAGEMENT td").get(1).text()).isEqualTo("Not masked");
        assertThat(page.select("main").text()).contains("then deletes them 30 days later");
    }

    @Test
    void aHoldIsPlacedWithItsMistakesNamedThenLifted() throws Exception {
        UUID check = given.check(operation, Person.unknown(Under18.NO), principal(OFFICER));

        Document mistakes = page(as(ADMIN, post("/admin/retention/holds").with(csrf()).param("recordId",
                UUID.randomUUID().toString()).param("reason", "")));
        assertThat(mistakes.title()).startsWith("Error: Retention and disposal");
        assertThat(mistakes.select(".govuk-error-summary a").eachText())
                .containsExactly("Select the kind of record", "Enter the reason for the hold");
        assertThat(mistakes.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#recordType", "#reason");
        Document unknown = page(as(ADMIN, post("/admin/retention/holds").with(csrf()).param("recordType",
                "ENHANCED_CHECK").param("recordId", UUID.randomUUID().toString()).param("reason", "A complaint")));
        assertThat(unknown.select("#recordId-error").text())
                .contains("There is no such record of that kind, or it has been deleted");
        assertThat(unknown.select("#reason").text()).isEqualTo("A complaint");

        MvcResult placed = mvc.perform(as(ADMIN, post("/admin/retention/holds").with(csrf())
                .param("recordType", "ENHANCED_CHECK").param("recordId", check.toString())
                .param("reason", "Subject access request 118"))).andReturn();
        assertThat(placed.getResponse().getRedirectedUrl()).isEqualTo("/admin/retention");
        Document held = page(as(ADMIN, get("/admin/retention")).flashAttrs(placed.getFlashMap()));
        assertThat(held.select(".govuk-notification-banner--success").text()).contains("Hold placed.");
        assertThat(held.select("#holds").text()).contains(check.toString(), "Subject access request 118", "Dee Admin");

        String lift = held.select("#holds form").stream().filter(form -> form.text().contains(check.toString()))
                .findFirst().orElseThrow().attr("action");
        MvcResult lifted = mvc.perform(as(ADMIN, post(lift).with(csrf()))).andReturn();
        assertThat(lifted.getResponse().getRedirectedUrl()).isEqualTo("/admin/retention");
        assertThat(page(as(ADMIN, get("/admin/retention"))).select("#holds").text()).doesNotContain(check.toString());
        assertThat(mvc.perform(as(ADMIN, post(lift).with(csrf()))).andReturn().getResponse().getRedirectedUrl())
                .as("sent twice").isEqualTo("/admin/retention");
        assertThat(status(as(ADMIN, post("/admin/retention/holds/" + UUID.randomUUID() + "/lift").with(csrf()))))
                .isEqualTo(404);
    }

    @Test
    void aRunCanBeAskedForNow() throws Exception {
        MvcResult ran = mvc.perform(as(ADMIN, post("/admin/retention/run").with(csrf()))).andReturn();

        assertThat(ran.getResponse().getRedirectedUrl()).isEqualTo("/admin/retention");
        assertThat(page(as(ADMIN, get("/admin/retention")).flashAttrs(ran.getFlashMap()))
                .select(".govuk-notification-banner--success").text()).contains("Run finished. Records masked:");
    }

    @Test
    void aDisposedCheckSaysWhenAndNoLongerOffersChanges() throws Exception {
        UUID check = given.check(operation, Person.unknown(Under18.NO), principal(OFFICER));
        disposal.mask(check, Instant.parse("2027-03-01T02:30:00Z"));

        Document page = page(as(OFFICER, get("/checks/" + check)));

        assertThat(page.select("#disposed").text()).contains("Disposed of on 1 March 2027");
        assertThat(page.select("a[href=/checks/" + check + "/person]")).isEmpty();
    }
}
