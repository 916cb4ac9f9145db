package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.annotation.Import;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.waymark.shared.Actor;
import org.waymark.shared.AgencyId;
import org.waymark.shared.UserId;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiFixtures;
import org.waymark.support.ApiTests;
import org.waymark.support.Authenticator;
import org.waymark.support.OnBothDatabases;
import org.waymark.support.TestClock;

import identityprovider.IdentityProviderServer;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on against a real OpenID provider (Spring Authorization Server, started here):
 * people of Essex Police sign in with the force's account through Waymark's sign-in page, as a
 * browser would, and the force's system calls the API with its own client-credentials token.
 */
@OnBothDatabases
@TestPropertySource(properties = "waymark.security.two-factor=required")
@Import(TestClock.InUse.class)
class SingleSignOnTest extends ApiTests {

    private static final IdentityProviderServer provider = IdentityProviderServer.start();
    private static final String CLIENT_SECRET = "waymark-client-secret-for-the-tests";

    @Autowired
    ProviderMappings mappings;
    @Autowired
    TwoFactor twoFactor;
    @Autowired
    Users users;
    @Autowired
    TestClock clock;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessionRepository;

    private String essex;
    private Actor administrator;

    @DynamicPropertySource
    static void essexPolice(DynamicPropertyRegistry properties) {
        properties.add("waymark.oidc.essex.issuer", provider::issuer);
        properties.add("waymark.oidc.essex.client-id", () -> "waymark");
        properties.add("waymark.oidc.essex.client-secret", () -> CLIENT_SECRET);
        properties.add("waymark.oidc.essex.label", () -> "Essex Police");
        properties.add("waymark.oidc.essex.audience", provider::accessTokenAudience);
    }

    /** Two-factor sign-in is required here: the administrator's token needs the code of their app. */
    @BeforeAll
    @Override
    protected void signInTheAdministrator() {
        api = new ApiClient(port);
        admin = passwordToken(ADMIN, PASSWORD);
        given = new ApiFixtures(api, admin);
    }

    /** A bearer token made with the password and the code of an authenticator app set up for it. */
    private String passwordToken(String email, String password) {
        UserId id = users.all().stream().filter(user -> user.email().equals(email)).findFirst().orElseThrow().id();
        TwoFactor.NewSecret secret = twoFactor.newSecret(email);
        assertThat(twoFactor.enrol(id, secret, Authenticator.code(secret.secret(), clock.instant())).done()).isTrue();
        clock.advance(Duration.ofSeconds(30));
        ApiClient.Response token = api.sendWith("POST", "/api/v1/tokens", "application/json", "",
                ApiClient.basic(email, password), Map.of(TwoFactor.HEADER, Authenticator.code(secret.secret(),
                        clock.instant())));
        assertThat(token.status()).as(token.raw().body()).isEqualTo(201);
        return ApiClient.bearer(token.text("token"));
    }

    @BeforeAll
    void registerWaymarkWithTheProvider() {
        provider.registerWebClient("waymark", CLIENT_SECRET, waymark("/login/oauth2/code/essex"),
                waymark("/signed-out"));
        provider.registerMachineClient("essex-niche", "niche-secret", Set.of("waymark.officer", "waymark.audit"));
        essex = given.agencyNamed("Essex Police", "POLICE");
        JsonNode me = user(ADMIN);
        administrator = new Actor(new UserId(java.util.UUID.fromString(me.path("id").asString())),
                new AgencyId(java.util.UUID.fromString(me.path("agencyId").asString())));
        map(false, false);
    }

    @AfterAll
    void stopTheProvider() {
        provider.close();
    }

    private void map(boolean needsApproval, boolean required) {
        Map<Role, Set<String>> people = new EnumMap<>(Role.class);
        people.put(Role.OFFICER, Set.of("waymark-officers"));
        people.put(Role.COORDINATOR, Set.of("waymark-coordinators"));
        people.put(Role.ANALYST, Set.of("waymark-analysts"));
        mappings.save("essex", new ProviderMappings.Change(new AgencyId(java.util.UUID.fromString(essex)), "groups",
                needsApproval, required, people, Map.of(Role.OFFICER, Set.of("waymark.officer"))), administrator);
    }

    @Test
    void aPersonsFirstSignInMakesTheirAccountInTheForceWithTheMappedRolesAndTheirRolesFollowTheProvider() throws Exception {
        provider.person("olivia", "olivia-password", "olivia.officer@essex.police.test", "Olivia Officer",
                Set.of("waymark-officers", "waymark-coordinators", "canteen"), true);

        Browser browser = new Browser();
        Document sign = browser.page("/sign-in");
        assertThat(sign.select("a#provider-essex").text()).isEqualTo("Sign in with Essex Police");
        Document home = browser.signInWithEssex("olivia", "olivia-password");
        assertThat(home.title()).doesNotContain("Sign in");
        assertThat(browser.page("/account").text()).contains("Olivia Officer", "olivia.officer@essex.police.test");

        JsonNode user = user("olivia.officer@essex.police.test");
        assertThat(user.path("agencyId").asString()).isEqualTo(essex);
        assertThat(user.path("roles").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("OFFICER", "COORDINATOR");
        assertThat(user.path("provider").asString()).isEqualTo("essex");
        assertThat(audit(user).findValuesAsString("detail")).anyMatch(
                detail -> detail != null && detail.startsWith("with essex (amr pwd mfa"));

        provider.person("olivia", "olivia-password", "olivia.officer@essex.police.test", "Olivia Officer",
                Set.of("waymark-analysts"), true);
        new Browser().signInWithEssex("olivia", "olivia-password");
        assertThat(user("olivia.officer@essex.police.test").path("roles").values()).extracting(JsonNode::asString)
                .containsExactly("ANALYST");
    }

    @Test
    void withoutAnotherFactorAtTheProviderWaymarkAsksForItsOwnCode() throws Exception {
        provider.person("paul", "paul-password", "paul.pc@essex.police.test", "Paul Constable",
                Set.of("waymark-officers"), false);
        Browser browser = new Browser();
        HttpResponse<String> landed = browser.throughEssex("paul", "paul-password");
        assertThat(landed.uri().getPath()).isEqualTo("/sign-in/enrol");
        assertThat(browser.get("/").uri().getPath()).isEqualTo("/sign-in");
    }

    @Test
    void aPersonDisabledAtTheProviderOrDeactivatedInWaymarkCannotSignIn() throws Exception {
        provider.person("dora", "dora-password", "dora@essex.police.test", "Dora Disabled", Set.of("waymark-officers"),
                true);
        new Browser().signInWithEssex("dora", "dora-password");
        provider.disable("dora");
        HttpResponse<String> refused = new Browser().throughEssex("dora", "dora-password");
        assertThat(refused.uri().toString()).startsWith(provider.issuer()).endsWith("/login?error");

        provider.person("dan", "dan-password", "dan@essex.police.test", "Dan Deactivated", Set.of("waymark-officers"),
                true);
        new Browser().signInWithEssex("dan", "dan-password");
        String id = user("dan@essex.police.test").path("id").asString();
        assertThat(api.post("/api/v1/users/" + id + "/deactivate", "", admin).status()).isEqualTo(200);
        HttpResponse<String> deactivated = new Browser().throughEssex("dan", "dan-password");
        assertThat(deactivated.uri().getPath()).isEqualTo("/sign-in");
        assertThat(Jsoup.parse(deactivated.body()).select(".govuk-error-summary").text())
                .contains("Your account has been deactivated");
    }

    @Test
    void theForcesSystemCallsTheApiWithItsOwnTokenWhoseScopesGiveItsRoles() {
        var right = provider.clientCredentials("essex-niche", "niche-secret", "waymark.officer");
        ApiClient.Response operations = api.get("/api/v1/operations", "Bearer " + right.accessToken());
        assertThat(operations.status()).as(operations.raw().body()).isEqualTo(200);
        assertThat(api.get("/api/v1/users", "Bearer " + right.accessToken()).status()).isEqualTo(403);

        var unmapped = provider.clientCredentials("essex-niche", "niche-secret", "waymark.audit");
        ApiClient.Response refused = api.get("/api/v1/operations", "Bearer " + unmapped.accessToken());
        assertProblem(refused, 403, null);
        assertThat(refused.header("WWW-Authenticate")).contains("insufficient_scope");

        String forged = right.accessToken().substring(0, right.accessToken().lastIndexOf('.') + 1) + "c2lnbmVk";
        assertProblem(api.get("/api/v1/operations", "Bearer " + forged), 401, null);

        JsonNode calls = api.get("/api/v1/audit?action=API_CALL", admin).json();
        assertThat(calls.findValuesAsString("detail")).contains("GET /api/v1/operations 200", "GET /api/v1/users 403");
        assertThat(calls.findValuesAsString("recordId")).contains("essex-niche");
    }

    @Test
    void signingOutEndsWaymarksSessionAndTheProvidersAndTheProviderCanEndWaymarksSessions() throws Exception {
        provider.person("sam", "sam-password", "sam@essex.police.test", "Sam Signout", Set.of("waymark-officers"), true);
        Browser browser = new Browser();
        browser.signInWithEssex("sam", "sam-password");
        HttpResponse<String> out = browser.signOut();
        assertThat(out.uri().getPath()).isEqualTo("/sign-in");
        assertThat(out.body()).contains("You have signed out.");
        assertThat(browser.visited).anyMatch(uri -> uri.startsWith(provider.issuer() + "/connect/logout"));
        // Signed out at the provider as well: it asks for the password again.
        assertThat(browser.throughEssexWithoutPassword().uri().toString()).isEqualTo(provider.issuer() + "/login");

        Browser other = new Browser();
        other.signInWithEssex("sam", "sam-password");
        assertThat(other.get("/").uri().getPath()).isNotEqualTo("/sign-in");
        HttpResponse<String> logout = other.postForm(waymark("/sign-in/with/essex/back-channel-logout"),
                "logout_token=" + enc(provider.logoutToken("waymark", "sam", null)));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        assertThat(other.get("/").uri().getPath()).isEqualTo("/sign-in");

        HttpResponse<String> forged = other.postForm(waymark("/sign-in/with/essex/back-channel-logout"),
                "logout_token=" + enc(provider.logoutToken("someone-else", "sam", null)));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("invalid_request");
    }

    @Test
    void theProvidersBackChannelLogoutOfOneOfItsSessionsEndsThatSessionOnly() throws Exception {
        provider.person("tess", "tess-password", "tess@essex.police.test", "Tess Twophones", Set.of("waymark-officers"),
                true);
        Browser phone = new Browser();
        phone.signInWithEssex("tess", "tess-password");
        Browser laptop = new Browser();
        laptop.signInWithEssex("tess", "tess-password");
        String tess = user("tess@essex.police.test").path("id").asString();
        List<String> sids = sessionRepository.findByPrincipalName(tess).values().stream()
                .map(session -> session.<SignInSteps.ProviderSession>getAttribute(SignInSteps.PROVIDER).sid())
                .distinct().toList();
        assertThat(sids).hasSize(2).doesNotContainNull();

        // Whichever browser holds the first provider session is signed out; the other stays.
        HttpResponse<String> logout = phone.postForm(waymark("/sign-in/with/essex/back-channel-logout"),
                "logout_token=" + enc(provider.logoutToken("waymark", null, sids.get(0))));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        List<String> pages = List.of(phone.get("/account").uri().getPath(), laptop.get("/account").uri().getPath());
        assertThat(pages).containsExactlyInAnyOrder("/sign-in", "/account");
        assertThat(api.get("/api/v1/audit?action=SIGNED_OUT_BY_PROVIDER", admin).json().findValuesAsString("detail"))
                .contains("essex session: 1 ended");
    }

    @Test
    void whereTheProviderSaysSoAFirstSignInWaitsForAnAdministratorsApproval() throws Exception {
        map(true, false);
        try {
            provider.person("nina", "nina-password", "nina.new@essex.police.test", "Nina New",
                    Set.of("waymark-officers"), true);
            HttpResponse<String> waiting = new Browser().throughEssex("nina", "nina-password");
            assertThat(waiting.uri().getPath()).isEqualTo("/sign-in");
            assertThat(Jsoup.parse(waiting.body()).select(".govuk-error-summary").text())
                    .contains("Your account waits for an administrator to approve it");
            JsonNode nina = user("nina.new@essex.police.test");
            assertThat(nina.path("awaitingApproval").asBoolean()).isTrue();
            assertThat(nina.path("active").asBoolean()).isFalse();

            users.reactivate(new UserId(java.util.UUID.fromString(nina.path("id").asString())), administrator);
            new Browser().signInWithEssex("nina", "nina-password");
            assertThat(audit(nina).findValuesAsString("action")).contains("USER_CREATED", "USER_APPROVED", "SIGN_IN");
        } finally {
            map(false, false);
        }
    }

    @Test
    void whenTheAgencyRequiresItsProviderPasswordsNoLongerSignItsPeopleIn() throws Exception {
        String email = "local.officer@essex.police.test";
        given.userWithEmail("Local Officer", email, essex, "OFFICER");
        String madeWithThePassword = passwordToken(email, ApiFixtures.PASSWORD);
        map(false, true);
        try {
            assertProblem(api.get("/api/v1/operations", madeWithThePassword), 401, null);
            ApiClient.Response token = api.post("/api/v1/tokens", "", ApiClient.basic(email, ApiFixtures.PASSWORD));
            assertProblem(token, 401, null);
            assertThat(token.json().path("detail").asString()).contains("identity provider");

            Browser browser = new Browser();
            Document signIn = browser.page("/sign-in");
            HttpResponse<String> refused = browser.postForm(waymark("/sign-in"), "email=" + enc(email) + "&password="
                    + enc(ApiFixtures.PASSWORD) + "&_csrf=" + enc(signIn.selectFirst("input[name=_csrf]").attr("value")));
            assertThat(Jsoup.parse(refused.body()).select(".govuk-error-summary").text())
                    .contains("Sign in with Essex Police: your agency’s people no longer sign in with a password");
            // A partner's people, whose agency has no provider, sign in as before: password, then the app.
            String charity = given.agency("Justice and Care", "CHARITY");
            given.userWithEmail("Nora Navigator", "nora@charity.test", charity, "PARTNER");
            Browser partner = new Browser();
            String csrf = partner.page("/sign-in").selectFirst("input[name=_csrf]").attr("value");
            assertThat(partner.postForm(waymark("/sign-in"), "email=nora%40charity.test&password="
                    + enc(ApiFixtures.PASSWORD) + "&_csrf=" + enc(csrf)).uri().getPath()).isEqualTo("/sign-in/enrol");
        } finally {
            map(false, false);
        }
    }

    /**
     * A wrong password for an account of an agency that requires its provider is answered as for an
     * address that has no account: the addresses of the agency's people cannot be listed.
     */
    @Test
    void aWrongPasswordForAnAccountOfAnAgencyThatRequiresItsProviderSaysNoMoreThanForAnUnknownAddress() {
        String email = "listed.officer@essex.police.test";
        given.userWithEmail("Listed Officer", email, essex, "OFFICER");
        map(false, true);
        try {
            ApiClient.Response unknown = api.post("/api/v1/tokens", "",
                    ApiClient.basic("nobody@essex.police.test", "not-the-password-1"));
            ApiClient.Response wrong = api.post("/api/v1/tokens", "", ApiClient.basic(email, "not-the-password-1"));
            assertThat(wrong.status()).isEqualTo(unknown.status());
            assertThat(wrong.json().path("detail").asString()).isEqualTo(unknown.json().path("detail").asString());
        } finally {
            map(false, false);
        }
    }

    /**
     * An account linked to the provider by its email loses its Waymark password: a person the
     * provider has disabled (a leaver) cannot sign in with it, nor make API tokens with it.
     */
    @Test
    void anAccountLinkedToTheProviderNoLongerSignsInWithItsOldPassword() throws Exception {
        given.userWithEmail("Lars Linked", "lars@essex.police.test", essex, "OFFICER");
        provider.person("lars", "lars-password", "lars@essex.police.test", "Lars Linked", Set.of("waymark-officers"),
                true);
        new Browser().signInWithEssex("lars", "lars-password");
        assertThat(user("lars@essex.police.test").path("provider").asString()).isEqualTo("essex");
        provider.disable("lars");

        Browser browser = new Browser();
        String csrf = browser.page("/sign-in").selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> answer = browser.postForm(waymark("/sign-in"), "email=" + enc("lars@essex.police.test")
                + "&password=" + enc(ApiFixtures.PASSWORD) + "&_csrf=" + enc(csrf));
        assertThat(answer.uri().getPath()).isEqualTo("/sign-in");
        assertThat(Jsoup.parse(answer.body()).select(".govuk-error-summary").text())
                .contains("Enter a correct email address and password");
        assertProblem(api.post("/api/v1/tokens", "", ApiClient.basic("lars@essex.police.test", ApiFixtures.PASSWORD)),
                401, null);
    }

    @Test
    void anAccountIdentifierThatWouldBeCutOrCleanedIsRefusedRatherThanTakenForAnothers() throws Exception {
        String subject = "q".repeat(300);
        provider.person(subject, "long-password", "long.subject@essex.police.test", "Long Subject",
                Set.of("waymark-officers"), true);
        HttpResponse<String> refused = new Browser().throughEssex(subject, "long-password");
        assertThat(Jsoup.parse(refused.body()).select(".govuk-error-summary").text())
                .contains("Essex Police sent an account identifier Waymark cannot take");
        assertThat(api.get("/api/v1/users", admin).json().findValuesAsString("email"))
                .doesNotContain("long.subject@essex.police.test");

        // Nor a person's subject named as a system's account is.
        provider.person("client:essex-niche", "posing-password", "poser@essex.police.test", "Poser",
                Set.of("waymark-officers"), true);
        assertThat(Jsoup.parse(new Browser().throughEssex("client:essex-niche", "posing-password").body())
                .select(".govuk-error-summary").text()).contains("sent an account identifier Waymark cannot take");
    }

    @Test
    void theWayToAProviderThatIsNotConfiguredIsNotFoundRatherThanAnError() throws Exception {
        assertThat(new Browser().get("/oauth2/authorization/kent").statusCode()).isEqualTo(404);
        assertThat(new Browser().get("/sign-in/with/kent").statusCode()).isEqualTo(404);
    }

    /** The email field's own error message of a password refused for its agency's provider names the provider. */
    @Test
    void theEmailFieldsErrorNamesTheRequiredProviderRatherThanAPlaceholder() throws Exception {
        Document page = new Browser().page("/sign-in?error=providerRequired&with=essex");
        assertThat(page.select("#email-error").text()).contains("Essex Police").doesNotContain("{0}");
    }

    @Test
    void aPersonWhoseGroupsGiveNoRoleIsToldSoAndGetsNoAccount() throws Exception {
        provider.person("gary", "gary-password", "gary@essex.police.test", "Gary Groupless", Set.of("canteen"), true);
        HttpResponse<String> refused = new Browser().throughEssex("gary", "gary-password");
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".govuk-error-summary").text())
                .contains("Your groups in Essex Police give you no role in Waymark");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#provider-essex");
        assertThat(api.get("/api/v1/users", admin).json().findValuesAsString("email"))
                .doesNotContain("gary@essex.police.test");
    }

    @Test
    void aWaymarkAccountOfTheForceWithTheSameEmailIsLinkedButAnotherAgencysIsNot() throws Exception {
        given.userWithEmail("Lena Local", "lena@essex.police.test", essex, "OFFICER");
        String linked = user("lena@essex.police.test").path("id").asString();
        provider.person("lena", "lena-password", "lena@essex.police.test", "Lena Local", Set.of("waymark-officers"),
                true);
        new Browser().signInWithEssex("lena", "lena-password");
        JsonNode lena = user("lena@essex.police.test");
        assertThat(lena.path("id").asString()).isEqualTo(linked);
        assertThat(lena.path("provider").asString()).isEqualTo("essex");
        assertThat(audit(lena).findValuesAsString("action")).contains("ACCOUNT_LINKED_TO_PROVIDER", "SIGN_IN");

        String kent = given.agency("Kent Police", "POLICE");
        given.userWithEmail("Kim Kent", "kim@kent.police.test", kent, "OFFICER");
        provider.person("kim", "kim-password", "kim@kent.police.test", "Kim Kent", Set.of("waymark-officers"), true);
        HttpResponse<String> refused = new Browser().throughEssex("kim", "kim-password");
        assertThat(Jsoup.parse(refused.body()).select(".govuk-error-summary").text())
                .contains("Another account in Waymark has your email address");
        assertThat(user("kim@kent.police.test").path("provider").isMissingNode()).isTrue();
    }

    @Test
    void aSystemsFirstCallsAtOnceMakeOneAccountForIt() {
        provider.registerMachineClient("essex-burst", "burst-secret", Set.of("waymark.officer"));
        String token = "Bearer " + provider.clientCredentials("essex-burst", "burst-secret", "waymark.officer")
                .accessToken();
        List<ApiClient.Response> answers = java.util.stream.IntStream.range(0, 8).parallel()
                .mapToObj(i -> api.get("/api/v1/operations", token)).toList();
        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(200);
        assertThat(api.get("/api/v1/users", admin).json().findValuesAsString("name"))
                .filteredOn(name -> name.startsWith("essex-burst")).containsExactly("essex-burst (system of Essex Police)");
    }

    private JsonNode user(String email) {
        for (JsonNode user : api.get("/api/v1/users", admin).json()) {
            if (user.path("email").asString().equals(email)) {
                return user;
            }
        }
        throw new AssertionError("no account " + email);
    }

    private JsonNode audit(JsonNode user) {
        return api.get("/api/v1/audit?recordType=USER&recordId=" + user.path("id").asString(), admin).json();
    }

    private String waymark(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser: cookies for Waymark and the provider, redirects followed one by one and remembered. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final List<String> visited = new ArrayList<>();

        Document page(String path) throws IOException, InterruptedException {
            return Jsoup.parse(get(path).body(), waymark(path));
        }

        HttpResponse<String> get(String pathOrUri) throws IOException, InterruptedException {
            String uri = pathOrUri.startsWith("http") ? pathOrUri : waymark(pathOrUri);
            return follow(send(HttpRequest.newBuilder(URI.create(uri)).GET().build()));
        }

        HttpResponse<String> postForm(String uri, String form) throws IOException, InterruptedException {
            return follow(send(HttpRequest.newBuilder(URI.create(uri))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build()));
        }

        /** Through Essex Police's sign-in, as far as the page the browser ends on. */
        HttpResponse<String> throughEssex(String username, String password) throws IOException, InterruptedException {
            HttpResponse<String> login = get("/sign-in/with/essex");
            assertThat(login.uri().toString()).isEqualTo(provider.issuer() + "/login");
            String csrf = Jsoup.parse(login.body()).selectFirst("input[name=_csrf]").attr("value");
            return postForm(provider.issuer() + "/login",
                    "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf));
        }

        HttpResponse<String> throughEssexWithoutPassword() throws IOException, InterruptedException {
            return get("/sign-in/with/essex");
        }

        Document signInWithEssex(String username, String password) throws IOException, InterruptedException {
            HttpResponse<String> landed = throughEssex(username, password);
            assertThat(landed.uri().toString()).as(landed.body()).startsWith(waymark("/"));
            assertThat(landed.uri().getPath()).as(landed.body()).doesNotStartWith("/sign-in");
            return Jsoup.parse(landed.body());
        }

        HttpResponse<String> signOut() throws IOException, InterruptedException {
            Document home = page("/");
            String csrf = home.selectFirst("form[action=/sign-out] input[name=_csrf]").attr("value");
            return postForm(waymark("/sign-out"), "_csrf=" + enc(csrf));
        }

        private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            visited.add(request.uri().toString());
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
            for (int hops = 0; hops < 20 && response.statusCode() / 100 == 3; hops++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = send(HttpRequest.newBuilder(next).GET().build());
            }
            return response;
        }
    }
}
