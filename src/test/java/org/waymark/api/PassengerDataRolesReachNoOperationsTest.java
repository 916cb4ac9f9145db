package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.Role;
import org.waymark.support.Fixtures;
import org.waymark.support.MappingWalks;

/**
 * A user with passenger data roles only is not an officer: a Passenger Information Unit analyst
 * ({@code PASSENGER_DATA}) and an airline's gateway ({@code CARRIER_GATEWAY}) are refused every
 * page and endpoint of the work with operations, and reach their own account only (and the analyst
 * screening, which works on passenger data). The gateway
 * gets API tokens as anyone does, and cannot sign in to the pages.
 */
class PassengerDataRolesReachNoOperationsTest extends MappingWalks {

    /** Open to everyone, signed in or not: not walked. */
    static final Set<String> PUBLIC = Set.of("GET /sign-in", "GET /login", "GET /sign-in/code", "POST /sign-in/code",
            "GET /sign-in/recovery-code", "POST /sign-in/recovery-code", "GET /sign-in/enrol", "POST /sign-in/enrol",
            "* /error", "GET /help", "GET /help/{language}", "GET /help/{language}/**", "GET /report", "POST /report",
            "GET /report/{language}", "GET /report/{language}/**", "POST /report/{language}",
            "POST /api/v1/public/reports", "POST /api/v1/tokens", "GET /signed-out", "GET /sign-in/with/{name}",
            "POST /sign-in/with/{name}/back-channel-logout");

    /** The start page and the caller's own account, which every user reaches. */
    static final Set<String> OWN = Set.of("GET /", "GET /account", "POST /account/tokens",
            "POST /account/tokens/{id}/revoke", "POST /account/password", "POST /account/phone",
            "POST /account/recovery-codes", "GET /account/recovery-codes", "POST /account/sessions/end-others",
            "POST /account/sessions/{sessionId}/end");

    static final String PIU = "piu@passenger-data.test";
    static final String GATEWAY = "gateway@passenger-data.test";

    @Autowired
    ApiTokens tokens;
    @Autowired
    AuditLog audit;

    final Map<String, String> bearer = new LinkedHashMap<>();

    @BeforeAll
    void people() {
        AgencySummary borderForce = given.agency("Border Force", AgencyType.BORDER_FORCE);
        AgencySummary airline = given.agency("Kestrel Air", AgencyType.OTHER);
        given.user("Priya PIU Analyst", PIU, borderForce, Role.PASSENGER_DATA);
        given.user("Kestrel Air gateway", GATEWAY, airline, Role.CARRIER_GATEWAY);
        for (String email : List.of(PIU, GATEWAY)) {
            bearer.put(email, "Bearer " + tokens.issue(given.principal(email), "walk", null).token());
        }
    }

    @Test
    void everyPageAndEndpointOfTheWorkWithOperationsRefusesThem() throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> walked = new TreeSet<>();
        for (RequestMappingInfo mapping : mappings().keySet()) {
            for (String key : keys(mapping)) {
                if (PUBLIC.contains(key) || passengerData(key)) {
                    continue;
                }
                walked.add(key);
                String method = key.substring(0, key.indexOf(' '));
                String url = key.substring(key.indexOf(' ') + 1).replaceAll("\\{language}", "en")
                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString()).replace("**", "x");
                for (String email : bearer.keySet()) {
                    if (email.equals(PIU) && screening(key)) {
                        continue;
                    }
                    MockHttpServletResponse response = mvc.perform(request(HttpMethod.valueOf(method), url, email))
                            .andReturn().getResponse();
                    int status = response.getStatus();
                    boolean own = OWN.contains(key);
                    if (own ? status == 403 || status >= 500 : status != 403) {
                        failures.add(key + " as " + email + ": " + status + " "
                                + response.getContentAsString(StandardCharsets.UTF_8).replaceAll("\\s+", " ")
                                        .substring(0, Math.min(200, response.getContentAsString().length())));
                    }
                }
            }
        }
        assertThat(walked).as("walked").hasSizeGreaterThan(100).containsAll(OWN);
        assertThat(failures).as("answered a passenger data role otherwise than expected").isEmpty();
    }

    /**
     * The passenger data pages and API are the role's own work, walked by PassengerDataPagesTest and
     * PassengerDataApiTest; so are screening's pages of an operation's linked bookings, walked by
     * ScreeningLinksPagesTest.
     */
    private static boolean passengerData(String key) {
        String path = key.substring(key.indexOf(' ') + 1);
        return path.startsWith("/passenger-data") || path.startsWith("/api/v1/passenger-data")
                || path.startsWith("/screening/operations/{operationId}/links");
    }

    /**
     * Screening's pages and API, the passenger data analyst's own work too (the screening tests walk
     * them); a gateway is refused them as it is the work with operations.
     */
    private static boolean screening(String key) {
        String path = key.substring(key.indexOf(' ') + 1);
        return path.startsWith("/screening") || path.startsWith("/api/v1/screening");
    }

    @Test
    void thePassengerDataAnalystStartsAtTheDaysFlightsWithPassengerDataAndSeesNoOperations() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/").with(user(given.principal(PIU)))).andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/passenger-data");

        MockHttpServletResponse start = mvc.perform(get("/passenger-data").with(user(given.principal(PIU))))
                .andReturn().getResponse();
        assertThat(start.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(start.getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select(".wm-header__nav a").eachText()).doesNotContain("Operations")
                .contains("Your account");
    }

    @Test
    void aCarrierGatewayGetsTokensButCannotSignInToThePages() throws Exception {
        var token = mvc.perform(post("/api/v1/tokens").with(httpBasic(GATEWAY, Fixtures.PASSWORD))).andReturn()
                .getResponse();
        assertThat(token.getStatus()).isEqualTo(201);
        assertThat(token.getContentAsString()).contains("wmk_");

        var signIn = mvc.perform(post("/sign-in").with(csrf()).param("email", GATEWAY)
                .param("password", Fixtures.PASSWORD)).andReturn();
        assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=gateway");
        Document page = Jsoup.parse(mvc.perform(get("/sign-in").param("error", "gateway")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select(".govuk-error-summary a[href=#email]").text()).isEqualTo(
                "This is a carrier gateway account: it sends passenger data through the API and cannot sign in here");
        List<AuditEntry> failed = audit.find(new AuditQuery("SIGN_IN_FAILED", null,
                given.principal(GATEWAY).id().toString(), null), 0, 10);
        assertThat(failed).as("the refusal in the audit log").isNotEmpty();

        // A wrong password is a wrong password, as for anyone: it says nothing of the account.
        var wrong = mvc.perform(post("/sign-in").with(csrf()).param("email", GATEWAY)
                .param("password", "not the password at all")).andReturn();
        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=failed");

        // The analyst signs in as anyone does.
        var analyst = mvc.perform(post("/sign-in").with(csrf()).param("email", PIU)
                .param("password", Fixtures.PASSWORD)).andReturn();
        assertThat(analyst.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    private MockHttpServletRequestBuilder request(HttpMethod method, String url, String email) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, url);
        if (url.startsWith("/api/")) {
            if (method != HttpMethod.GET) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
            return request.header("Authorization", bearer.get(email));
        }
        return request.with(user(given.principal(email))).with(csrf());
    }

    private static List<String> keys(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> keys = new ArrayList<>();
        for (String path : info.getPatternValues()) {
            if (methods.isEmpty()) {
                keys.add("* " + path);
            }
            methods.forEach(method -> keys.add(method.name() + " " + path));
        }
        return keys;
    }
}
