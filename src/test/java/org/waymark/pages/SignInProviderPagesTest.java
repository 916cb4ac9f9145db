package org.waymark.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.ProviderMappingView;
import org.waymark.identity.ProviderMappings;
import org.waymark.identity.Role;

/**
 * The administrators' pages that map the configured identity providers, and the users' pages
 * that say which provider signs each person in and let an administrator approve an account that
 * waits. The provider here never answers: mapping it does not ask it anything.
 */
@TestPropertySource(properties = { "waymark.oidc.essex.issuer=http://127.0.0.1:9/essex",
        "waymark.oidc.essex.client-id=waymark", "waymark.oidc.essex.client-secret=s",
        "waymark.oidc.essex.label=Essex Police" })
class SignInProviderPagesTest extends PageTests {

    private static final String ADMIN = "admin@providers.test";
    private static final String OFFICER = "officer@providers.test";
    private static final String WAITING = "waiting@providers.test";
    private static final String FORM = "/admin/sign-in-providers/essex";

    @Autowired
    ProviderMappings mappings;
    @Autowired
    JdbcClient jdbc;

    AgencySummary headquarters;
    AgencySummary essex;

    @BeforeAll
    void people() {
        headquarters = given.agency("Providers Headquarters", AgencyType.OTHER);
        essex = given.agency("Essex Police of the providers", AgencyType.POLICE);
        given.user("Ada Admin", ADMIN, headquarters, Role.ADMIN);
        given.user("Oscar Officer", OFFICER, essex, Role.OFFICER);
        given.user("Wanda Waiting", WAITING, essex, Role.OFFICER);
        jdbc.sql("UPDATE user_account SET provider = 'essex', provider_subject = 'wanda', awaiting_approval = TRUE,"
                + " active = FALSE WHERE email = ?").param(WAITING).update();
    }

    @Test
    void onlyAdministratorsSeeThePages() throws Exception {
        assertThat(status(as(OFFICER, get("/admin/sign-in-providers")))).isEqualTo(403);
        assertThat(status(as(OFFICER, get(FORM)))).isEqualTo(403);
        assertThat(status(as(OFFICER, post(FORM).with(csrf()).param("agencyId", essex.id().toString()))))
                .isEqualTo(403);
        assertThat(page(as(OFFICER, get("/account"))).select("header a[href=/admin/sign-in-providers]")).isEmpty();
        assertThat(status(as(ADMIN, get("/admin/sign-in-providers/kent")))).isEqualTo(404);
    }

    @Test
    void anAdministratorMapsTheProviderOnItsPage() throws Exception {
        Document list = page(as(ADMIN, get("/admin/sign-in-providers")));
        assertThat(list.select("header a[href=/admin/sign-in-providers]")).hasSize(1);
        assertThat(list.select("#provider-essex").text()).contains("Essex Police", "essex");
        assertThat(list.select("#provider-essex a").attr("href")).isEqualTo(FORM);

        Document form = page(as(ADMIN, get(FORM)));
        assertThat(form.select("h1").text()).isEqualTo("Map Essex Police");
        assertThat(form.select("#groupsClaim").val()).isEqualTo("groups");
        assertThat(form.select("#groupsClaim-hint").text()).contains("realm_access.roles");
        assertThat(form.select("textarea").eachAttr("name")).contains("people[OFFICER]", "people[ADMIN]",
                "clients[OFFICER]").doesNotContain("clients[ADMIN]", "clients[PASSENGER_DATA]");
        assertThat(form.select("label[for='people[OFFICER]']").text()).isEqualTo("Groups that give this role: Officer");
        assertThat(form.select("label[for='clients[OFFICER]']").text())
                .isEqualTo("Scopes of its systems that give this role: Officer");

        MvcResult saved = mvc.perform(as(ADMIN, post(FORM).with(csrf()).param("agencyId", essex.id().toString())
                .param("groupsClaim", "roles").param("people[OFFICER]", "g-officers\r\n\r\n  g-two  \r\n")
                .param("people[COORDINATOR]", "").param("clients[ANALYST]", "waymark.analyst")
                .param("needsApproval", "true"))).andReturn();

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/sign-in-providers");
        Document after = page(as(ADMIN, get("/admin/sign-in-providers")).flashAttrs(saved.getFlashMap()));
        assertThat(after.select(".govuk-notification-banner--success").text()).contains("Essex Police saved");
        assertThat(after.select("#provider-essex").text()).contains("Essex Police of the providers")
                .doesNotContain("Not mapped yet");
        ProviderMappingView mapping = mappings.find("essex");
        assertThat(mapping.agencyId()).isEqualTo(essex.id());
        assertThat(mapping.groupsClaim()).isEqualTo("roles");
        assertThat(mapping.needsApproval()).isTrue();
        assertThat(mapping.required()).isFalse();
        assertThat(mapping.people()).containsOnlyKeys(Role.OFFICER);
        assertThat(mapping.people().get(Role.OFFICER)).containsExactly("g-officers", "g-two");
        assertThat(mapping.clients().get(Role.ANALYST)).isEqualTo(Set.of("waymark.analyst"));
        assertThat(audit.find(new AuditQuery("SIGN_IN_PROVIDER_MAPPED", "SIGN_IN_PROVIDER", "essex", null), 0, 5))
                .isNotEmpty();

        Document again = page(as(ADMIN, get(FORM)));
        assertThat(again.select("#agencyId option[selected]").text()).isEqualTo("Essex Police of the providers");
        assertThat(again.select("#groupsClaim").val()).isEqualTo("roles");
        assertThat(again.select("textarea[name='people[OFFICER]']").val()).isEqualTo("g-officers\ng-two");
        assertThat(again.select("textarea[name='clients[ANALYST]']").val()).isEqualTo("waymark.analyst");
        assertThat(again.select("#needsApproval").hasAttr("checked")).isTrue();
        assertThat(again.select("#required").hasAttr("checked")).isFalse();
    }

    @Test
    void mistakesComeBackAsAnErrorSummaryWithTheTextKept() throws Exception {
        Document noAgency = page(as(ADMIN, post(FORM).with(csrf()).param("groupsClaim", "groups")));
        assertThat(noAgency.title()).startsWith("Error: ");
        assertThat(noAgency.select(".govuk-error-summary a").eachText())
                .containsExactly("Choose the agency this provider signs people in to");
        assertThat(noAgency.select(".govuk-error-summary a").attr("href")).isEqualTo("#agencyId");

        Document tab = page(as(ADMIN, post(FORM).with(csrf()).param("agencyId", essex.id().toString())
                .param("groupsClaim", "groups").param("people[OFFICER]", "g\tone")));
        assertThat(tab.select(".govuk-error-summary a").eachText())
                .containsExactly("Remove the special characters, such as tabs or line breaks");
        assertThat(tab.select("#people-error").text()).contains("Remove the special characters");
        assertThat(tab.select("textarea[name='people[OFFICER]']").val()).isEqualTo("g\tone");

        Document nul = page(as(ADMIN, post(FORM).with(csrf()).param("agencyId", essex.id().toString())
                .param("groupsClaim", "groups").param("people[OFFICER]", "g-\u0000kept")));
        assertThat(nul.select(".govuk-error-summary a")).hasSize(1);
        assertThat(nul.select(".govuk-error-summary a").attr("href")).isEqualTo("#people[OFFICER]");
        assertThat(nul.select("textarea[name='people[OFFICER]']").val()).isEqualTo("g-kept");

        Document tooLong = page(as(ADMIN, post(FORM).with(csrf()).param("agencyId", essex.id().toString())
                .param("groupsClaim", "groups").param("clients[OFFICER]", "s".repeat(201))));
        assertThat(tooLong.select("#clients-error").text())
                .contains("Each group or scope must be 200 characters or fewer");
        assertThat(tooLong.select("textarea[name='clients[OFFICER]']").val()).isEqualTo("s".repeat(201));

        Document ownAgency = page(as(ADMIN, post(FORM).with(csrf()).param("agencyId", headquarters.id().toString())
                .param("groupsClaim", "groups").param("required", "true")));
        assertThat(ownAgency.select("#required-error").text())
                .contains("sign in with this provider yourself before you require it");
        assertThat(ownAgency.select("#required").hasAttr("checked")).isTrue();
        assertThat(mappings.find("essex").required()).isFalse();
    }

    @Test
    void theUsersPagesSayWhoSignsInWithTheProviderAndApproveThoseWaiting() throws Exception {
        Document users = page(as(ADMIN, get("/admin/users")));
        String waiting = users.select("tbody tr").stream().filter(row -> row.text().contains(WAITING)).findFirst()
                .orElseThrow().text();
        assertThat(waiting).contains("Essex Police", "Waiting for approval").doesNotContain("Inactive");
        String officer = users.select("tbody tr").stream().filter(row -> row.text().contains(OFFICER)).findFirst()
                .orElseThrow().text();
        assertThat(officer).contains("Email address and password").doesNotContain("Waiting for approval");

        String id = jdbc.sql("SELECT id FROM user_account WHERE email = ?").param(WAITING).query(String.class)
                .single();
        Document edit = page(as(ADMIN, get("/admin/users/" + id + "/edit")));
        assertThat(edit.select("#signs-in-with").text()).contains("Essex Police", "Waiting for approval");
        assertThat(edit.select("form[action$=/reactivate] button").text()).isEqualTo("Approve");
        assertThat(edit.select("form[action$=/password-reset]")).isEmpty();
        assertThat(edit.select("#no-password").text()).contains("Essex Police");
        Document officerPage = page(as(ADMIN, get("/admin/users/" + principal(OFFICER).id() + "/edit")));
        assertThat(officerPage.select("form[action$=/password-reset]")).hasSize(1);

        MvcResult approved = mvc.perform(as(ADMIN, post("/admin/users/" + id + "/reactivate").with(csrf())))
                .andReturn();
        assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
        assertThat(audit.find(new AuditQuery("USER_APPROVED", "USER", id, null), 0, 5)).hasSize(1);
        Document after = page(as(ADMIN, get("/admin/users/" + id + "/edit")));
        assertThat(after.select("#signs-in-with").text()).doesNotContain("Waiting for approval");
        assertThat(after.select("form[action$=/reactivate]")).isEmpty();
    }
}
