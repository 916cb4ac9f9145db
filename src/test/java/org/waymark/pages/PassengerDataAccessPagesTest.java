package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.Users;

/**
 * The administrator's user form gives passenger data access only with the reason for it, which
 * the audit log shows; a carrier gateway's account is refused any other role.
 */
class PassengerDataAccessPagesTest extends PageTests {

    static final String ADMIN = "admin@passenger-data-pages.test";
    static final String REASON = "PIU analyst, Essex Police, authorised by DCI Patel";

    AgencySummary borderForce;
    @Autowired
    Users users;

    @BeforeAll
    void data() {
        borderForce = given.agency("Border Force", AgencyType.BORDER_FORCE);
        given.user("Dana Admin", ADMIN, borderForce, Role.ADMIN);
    }

    @Test
    void theFormAsksWhyPassengerDataIsGiven() throws Exception {
        Document form = page(as(ADMIN, get("/admin/users/new")));

        assertThat(form.select("label[for=passengerDataReason]").text()).isEqualTo("Why does this user need passenger data?");
        assertThat(form.select("#passengerDataReason-hint").text()).startsWith("Only if you give them Passenger data");
        assertThat(form.select("input#passengerDataReason").attr("aria-describedby").strip()).isEqualTo("passengerDataReason-hint");
        assertThat(form.select("input[name=roles][value=PASSENGER_DATA] + label").text()).isEqualTo("Passenger data");
        assertThat(form.select("input[name=roles][value=CARRIER_GATEWAY] + label").text()).isEqualTo("Carrier gateway");
    }

    @Test
    void withoutAReasonTheErrorSummaryLinksToTheReasonAndNothingIsSaved() throws Exception {
        Document page = page(as(ADMIN, post("/admin/users").with(csrf()).param("name", "Priya Analyst")
                .param("email", "priya@passenger-data-pages.test").param("agencyId", borderForce.id().toString())
                .param("roles", "PASSENGER_DATA").param("passengerDataReason", "  ")));

        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".govuk-error-summary a").eachText())
                .containsExactly("Enter why this user needs passenger data, and who authorised it");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#passengerDataReason");
        assertThat(page.select("#passengerDataReason-error").text())
                .isEqualTo("Error: Enter why this user needs passenger data, and who authorised it");
        assertThat(page.select("input#passengerDataReason").attr("aria-describedby"))
                .isEqualTo("passengerDataReason-hint passengerDataReason-error");
        assertThat(page.select("input[name=roles][value=PASSENGER_DATA]").hasAttr("checked")).isTrue();
        assertThat(page.select("input#name").val()).isEqualTo("Priya Analyst");
        assertThat(users.all()).noneMatch(user -> user.email().equals("priya@passenger-data-pages.test"));
    }

    @Test
    void withAReasonTheUserIsSavedAndTheAuditLogSaysWhy() throws Exception {
        var saved = mvc.perform(as(ADMIN, post("/admin/users").with(csrf()).param("name", "Pia Analyst")
                .param("email", "pia@passenger-data-pages.test").param("agencyId", borderForce.id().toString())
                .param("roles", "PASSENGER_DATA").param("passengerDataReason", REASON))).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
        var pia = users.all().stream().filter(user -> user.email().equals("pia@passenger-data-pages.test"))
                .findFirst().orElseThrow();
        assertThat(pia.roles()).containsExactly(Role.PASSENGER_DATA);

        Document log = page(as(ADMIN, get("/admin/audit").param("recordId", pia.id().toString())));
        assertThat(log.select(".govuk-summary-card").text()).contains("Gave a user passenger data access", REASON,
                "Dana Admin").doesNotContain("PASSENGER_DATA_ACCESS_GIVEN");

        // Changing the user later asks for no reason: they hold the access already.
        Document edit = page(as(ADMIN, get("/admin/users/" + pia.id() + "/edit")));
        assertThat(edit.select("input#passengerDataReason")).isEmpty();
        var removed = mvc.perform(as(ADMIN, post("/admin/users/" + pia.id()).with(csrf()).param("name", "Pia Analyst")
                .param("email", "pia@passenger-data-pages.test").param("agencyId", borderForce.id().toString())
                .param("roles", "ANALYST"))).andReturn();
        assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
        assertThat(audit.find(new AuditQuery("PASSENGER_DATA_ACCESS_REMOVED", "USER", pia.id().toString(), null), 0,
                10)).hasSize(1);
    }

    @Test
    void addingPassengerDataToAUserAsksForTheReasonToo() throws Exception {
        var olu = given.user("Olu Officer", "olu@passenger-data-pages.test", borderForce, Role.OFFICER);
        Document edit = page(as(ADMIN, get("/admin/users/" + olu.id() + "/edit")));
        assertThat(edit.select("input#passengerDataReason")).hasSize(1);

        Document refused = page(as(ADMIN, post("/admin/users/" + olu.id()).with(csrf()).param("name", "Olu Officer")
                .param("email", "olu@passenger-data-pages.test").param("agencyId", borderForce.id().toString())
                .param("roles", "OFFICER", "PASSENGER_DATA")));
        assertThat(refused.select(".govuk-error-summary a[href=#passengerDataReason]").text())
                .isEqualTo("Enter why this user needs passenger data, and who authorised it");

        var saved = mvc.perform(as(ADMIN, post("/admin/users/" + olu.id()).with(csrf()).param("name", "Olu Officer")
                .param("email", "olu@passenger-data-pages.test").param("agencyId", borderForce.id().toString())
                .param("roles", "OFFICER", "PASSENGER_DATA").param("passengerDataReason", REASON))).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
        var entries = audit.find(new AuditQuery("PASSENGER_DATA_ACCESS_GIVEN", "USER", olu.id().toString(), null), 0, 10);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).detail()).isEqualTo(REASON);
    }

    @Test
    void aCarrierGatewayHoldsNoOtherRole() throws Exception {
        Document page = page(as(ADMIN, post("/admin/users").with(csrf()).param("name", "Kestrel Air gateway")
                .param("email", "gateway@passenger-data-pages.test").param("agencyId", borderForce.id().toString())
                .param("roles", "CARRIER_GATEWAY", "OFFICER")));

        assertThat(page.select(".govuk-error-summary a[href=#roles]").text()).isEqualTo(
                "A carrier gateway account cannot hold another role. Choose Carrier gateway on its own, or other roles without it");
        assertThat(page.select("#roles-error").text()).startsWith("Error: A carrier gateway account");
        assertThat(users.all()).noneMatch(user -> user.email().equals("gateway@passenger-data-pages.test"));
    }
}
