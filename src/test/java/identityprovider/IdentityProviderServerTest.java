package identityprovider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/** The test OpenID provider, spoken to over plain HTTP as Waymark and a browser would. */
class IdentityProviderServerTest {

    private static final String REDIRECT_URI = "http://127.0.0.1:9/login/oauth2/code/force";
    private static final String POST_LOGOUT_URI = "http://127.0.0.1:9/signed-out";

    private static IdentityProviderServer provider;
    private static JwtDecoder decoder;

    @BeforeAll
    static void start() throws Exception {
        provider = IdentityProviderServer.start();
        provider.registerWebClient("waymark", "web-secret", REDIRECT_URI, POST_LOGOUT_URI);
        provider.registerMachineClient("border-system", "machine-secret", Set.of("waymark.read", "waymark.write"));
        provider.person("ada", "ada-password", "ada@force.example", "Ada Officer", Set.of("officers", "analysts"), true);
        provider.person("bob", "bob-password", "bob@force.example", "Bob Officer", Set.of(), false);
        provider.person("cat", "cat-password", "cat@force.example", "Cat Officer", Set.of("officers"), false);
        decoder = NimbusJwtDecoder.withJwkSetUri((String) discovery().get("jwks_uri")).build();
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void discoveryNamesTheIssuerTheKeysAndTheEndSessionEndpoint() throws Exception {
        Map<String, Object> discovery = discovery();

        assertThat(provider.issuer()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(discovery.get("issuer")).isEqualTo(provider.issuer());
        assertThat(discovery.get("jwks_uri")).isEqualTo(provider.issuer() + "/oauth2/jwks");
        assertThat(discovery.get("end_session_endpoint")).isEqualTo(provider.issuer() + "/connect/logout");
    }

    @Test
    void aMachineClientGetsAJwtForTheApiWithTheScopeItAskedFor() {
        IdentityProviderServer.TokenAnswer answer = provider.clientCredentials("border-system", "machine-secret", "waymark.read");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.error()).isNull();
        Jwt token = decoder.decode(answer.accessToken());
        assertThat(token.getHeaders()).containsEntry("alg", "RS256");
        assertThat(token.getIssuer().toString()).isEqualTo(provider.issuer());
        assertThat(token.getAudience()).containsExactly(provider.accessTokenAudience()).containsExactly("api://waymark");
        assertThat(token.getSubject()).isEqualTo("border-system");
        assertThat(token.getClaimAsString("azp")).isEqualTo("border-system");
        assertThat(token.getClaimAsString("client_id")).isEqualTo("border-system");
        assertThat(token.getClaimAsStringList("scope")).containsExactly("waymark.read");
        assertThat(token.getExpiresAt()).isAfter(token.getIssuedAt());
    }

    @Test
    void aScopeTheMachineClientDoesNotHaveIsRefused() {
        IdentityProviderServer.TokenAnswer answer = provider.clientCredentials("border-system", "machine-secret", "waymark.admin");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("invalid_scope");
        assertThat(answer.accessToken()).isNull();
    }

    @Test
    void aWrongSecretIsRefused() {
        IdentityProviderServer.TokenAnswer answer = provider.clientCredentials("border-system", "not-the-secret", "waymark.read");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("invalid_client");
    }

    @Test
    void aPersonWithMfaSignsInAndTheIdTokenCarriesTheirGroupsAmrSidAndEmail() throws Exception {
        Browser browser = new Browser();
        String code = browser.signIn("ada", "ada-password");
        Map<String, Object> tokens = redeem(code);

        Jwt idToken = decoder.decode((String) tokens.get("id_token"));
        assertThat(idToken.getIssuer().toString()).isEqualTo(provider.issuer());
        assertThat(idToken.getSubject()).isEqualTo("ada");
        assertThat(idToken.getAudience()).containsExactly("waymark");
        assertThat(idToken.getClaimAsString("nonce")).isEqualTo("nonce-1");
        assertThat(idToken.getClaimAsString("email")).isEqualTo("ada@force.example");
        assertThat(idToken.getClaimAsString("name")).isEqualTo("Ada Officer");
        assertThat(idToken.getClaimAsStringList("groups")).containsExactlyInAnyOrder("officers", "analysts");
        assertThat(idToken.getClaimAsStringList("amr")).containsExactly("pwd", "mfa");
        assertThat(idToken.getClaimAsString("sid")).isNotBlank();
        assertThat(tokens.get("access_token")).isNotNull();
        assertThat(tokens.get("refresh_token")).isNotNull();

        // The user info endpoint (which Spring's OIDC client calls for the profile and email scopes) answers for her
        HttpResponse<String> userInfo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/userinfo"))
                .header("Authorization", "Bearer " + tokens.get("access_token"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        assertThat(json(userInfo.body())).containsEntry("sub", "ada").containsEntry("email", "ada@force.example");

        // The refresh token gets new tokens
        HttpResponse<String> refreshed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("waymark:web-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + enc((String) tokens.get("refresh_token"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Map<String, Object> refreshedTokens = json(refreshed.body());
        assertThat(refreshedTokens.get("access_token")).isNotNull();
        // with a new ID token, which replaces the first one at the provider: it is the hint for signing out
        Jwt refreshedIdToken = decoder.decode((String) refreshedTokens.get("id_token"));
        assertThat(refreshedIdToken.getSubject()).isEqualTo("ada");
        assertThat(refreshedIdToken.getClaimAsString("sid")).isEqualTo(idToken.getClaimAsString("sid"));
        assertThat(refreshedIdToken.getClaimAsStringList("amr")).containsExactly("pwd", "mfa");

        // Signing out at the provider with the ID token as hint goes back to the client
        HttpResponse<String> logout = browser.get(provider.issuer() + "/connect/logout?id_token_hint="
                + enc(refreshedIdToken.getTokenValue()) + "&post_logout_redirect_uri=" + enc(POST_LOGOUT_URI) + "&state=bye");
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValue(POST_LOGOUT_URI + "?state=bye");

        // and the provider's session has ended: the next authorization asks for a sign-in
        HttpResponse<String> again = browser.get(authorizeUri());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").map(IdentityProviderServerTest::location).orElseThrow()).endsWith("/login");
    }

    @Test
    void aPersonWithoutMfaOrGroupsGetsPwdAndAnEmptyGroupsArray() throws Exception {
        Jwt idToken = decoder.decode((String) redeem(new Browser().signIn("bob", "bob-password")).get("id_token"));

        assertThat(idToken.getSubject()).isEqualTo("bob");
        assertThat(idToken.getClaimAsString("email")).isEqualTo("bob@force.example");
        assertThat(idToken.getClaims().get("groups")).isInstanceOf(List.class);
        assertThat(idToken.getClaimAsStringList("groups")).isEmpty();
        assertThat(idToken.getClaimAsStringList("amr")).containsExactly("pwd");
        assertThat(idToken.getClaimAsString("sid")).isNotBlank();
    }

    @Test
    void aWebClientMayBeRegisteredAfterStartAndUseClientSecretPost() throws Exception {
        provider.registerWebClient("late", "late-secret", "http://127.0.0.1:9/late", null);
        Browser browser = new Browser();
        String location = browser.authorizeAndSignIn("late", "http://127.0.0.1:9/late", "bob", "bob-password");
        String code = UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + enc(code)
                        + "&redirect_uri=" + enc("http://127.0.0.1:9/late") + "&client_id=late&client_secret=late-secret"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(decoder.decode((String) json(response.body()).get("id_token")).getSubject()).isEqualTo("bob");
    }

    @Test
    void aDisabledPersonCannotSignIn() throws Exception {
        provider.person("dan", "dan-password", "dan@force.example", "Dan Officer", Set.of("officers"), false);
        Browser signedIn = new Browser();
        signedIn.signIn("dan", "dan-password");

        provider.disable("dan");

        Browser browser = new Browser();
        HttpResponse<String> failed = browser.submitSignIn("dan", "dan-password");
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(failed.headers().firstValue("Location").map(IdentityProviderServerTest::location).orElseThrow()).endsWith("/login?error");
        // nor does the session they had before get them a code
        HttpResponse<String> again = signedIn.get(authorizeUri());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").map(IdentityProviderServerTest::location).orElseThrow()).endsWith("/login");
    }

    @Test
    void aWrongPasswordFails() throws Exception {
        HttpResponse<String> failed = new Browser().submitSignIn("cat", "not-her-password");

        assertThat(failed.headers().firstValue("Location").map(IdentityProviderServerTest::location).orElseThrow()).endsWith("/login?error");
    }

    @Test
    void aLogoutTokenIsSignedWithTheProvidersKey() throws Exception {
        String token = provider.logoutToken("waymark", "ada", "session-7");

        // Its typ is logout+jwt, which a decoder for ordinary JWTs refuses; the signature is checked all the same
        NimbusJwtDecoder logoutDecoder = NimbusJwtDecoder.withJwkSetUri((String) discovery().get("jwks_uri"))
                .validateType(false)
                .build();
        logoutDecoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(), new JwtIssuerValidator(provider.issuer()), new JwtTypeValidator("logout+jwt")));
        Jwt jwt = logoutDecoder.decode(token);
        assertThat(jwt.getHeaders()).containsEntry("typ", "logout+jwt").containsEntry("alg", "RS256").containsKey("kid");
        assertThat(jwt.getIssuer().toString()).isEqualTo(provider.issuer());
        assertThat(jwt.getAudience()).containsExactly("waymark");
        assertThat(jwt.getSubject()).isEqualTo("ada");
        assertThat(jwt.getClaimAsString("sid")).isEqualTo("session-7");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getIssuedAt()).isNotNull();
        assertThat(jwt.getExpiresAt()).isBetween(jwt.getIssuedAt().plusSeconds(119), jwt.getIssuedAt().plusSeconds(121));
        assertThat(jwt.getClaimAsMap("events")).containsOnlyKeys("http://schemas.openid.net/event/backchannel-logout");

        Jwt withoutSubject = logoutDecoder.decode(provider.logoutToken("waymark", null, "session-8"));
        assertThat(withoutSubject.getClaims()).doesNotContainKey("sub").containsEntry("sid", "session-8");
        Jwt withoutSid = logoutDecoder.decode(provider.logoutToken("waymark", "ada", null));
        assertThat(withoutSid.getClaims()).doesNotContainKey("sid").containsEntry("sub", "ada");

        // and the kid is the one in the provider's JWKS
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(provider.issuer() + "/oauth2/jwks")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JWKSet.parse(jwks.body()).getKeyByKeyId((String) jwt.getHeaders().get("kid"))).isNotNull();
    }

    @Test
    void aSecondProviderStartsOnItsOwnPortWithItsOwnKey() throws Exception {
        try (IdentityProviderServer second = IdentityProviderServer.start()) {
            assertThat(second.issuer()).isNotEqualTo(provider.issuer());
            second.registerMachineClient("m", "s", Set.of("a"));
            IdentityProviderServer.TokenAnswer answer = second.clientCredentials("m", "s", "a");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(NimbusJwtDecoder.withJwkSetUri(second.issuer() + "/oauth2/jwks").build()
                    .decode(answer.accessToken()).getIssuer().toString()).isEqualTo(second.issuer());
        }
    }

    @Test
    void aProviderClosedAndAnotherStartedAfterItWorks() {
        for (int round = 0; round < 2; round++) {
            try (IdentityProviderServer next = IdentityProviderServer.start()) {
                next.registerMachineClient("m", "s", Set.of("a"));
                assertThat(next.clientCredentials("m", "s", "a").status()).isEqualTo(200);
            }
        }
    }

    /** A Location header made absolute: the provider sends its own pages as relative ones. */
    private static String location(String header) {
        return URI.create(provider.issuer() + "/").resolve(header).toString();
    }

    private static String authorizeUri() {
        return authorizeUri("waymark", REDIRECT_URI);
    }

    private static String authorizeUri(String clientId, String redirectUri) {
        return provider.issuer() + "/oauth2/authorize?response_type=code&client_id=" + enc(clientId)
                + "&scope=" + enc("openid profile email") + "&redirect_uri=" + enc(redirectUri)
                + "&state=state-1&nonce=nonce-1";
    }

    private static Map<String, Object> redeem(String code) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("waymark:web-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + enc(code)
                        + "&redirect_uri=" + enc(REDIRECT_URI)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    private static Map<String, Object> discovery() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(provider.issuer() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body());
    }

    private static Map<String, Object> json(String body) {
        return JsonParserFactory.getJsonParser().parseMap(body);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser: keeps cookies, follows no redirects by itself. */
    private static final class Browser {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> get(String uri) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String uri, String form) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(uri))
                            .header("Accept", "text/html")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in through the waymark client's authorization request; the code sent back to it. */
        String signIn(String username, String password) throws IOException, InterruptedException {
            String location = authorizeAndSignIn("waymark", REDIRECT_URI, username, password);
            MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
            assertThat(query.get("state")).containsExactly("state-1");
            return query.getFirst("code");
        }

        /** Where the provider finally sends the browser: the client's redirect URI with a code. */
        String authorizeAndSignIn(String clientId, String redirectUri, String username, String password)
                throws IOException, InterruptedException {
            HttpResponse<String> authorize = get(authorizeUri(clientId, redirectUri));
            assertThat(authorize.statusCode()).isEqualTo(302);
            assertThat(authorize.headers().firstValue("Location").map(IdentityProviderServerTest::location).orElseThrow()).isEqualTo(provider.issuer() + "/login");

            HttpResponse<String> signedIn = submitSignIn(username, password);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            String next = signedIn.headers().firstValue("Location").map(IdentityProviderServerTest::location).orElseThrow();
            assertThat(next).startsWith(provider.issuer() + "/oauth2/authorize");

            HttpResponse<String> back = get(next);
            assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
            String location = back.headers().firstValue("Location").map(IdentityProviderServerTest::location).orElseThrow();
            assertThat(location).startsWith(redirectUri + "?");
            return location;
        }

        /** Opens the sign-in page and sends its form with the username and password. */
        HttpResponse<String> submitSignIn(String username, String password) throws IOException, InterruptedException {
            HttpResponse<String> page = get(provider.issuer() + "/login");
            assertThat(page.statusCode()).isEqualTo(200);
            Element form = Jsoup.parse(page.body()).selectFirst("form");
            assertThat(form).isNotNull();
            assertThat(form.select("input[name=username]")).hasSize(1);
            assertThat(form.select("input[name=password]")).hasSize(1);
            assertThat(form.select("button").text()).isEqualTo("Sign in");
            String csrf = form.selectFirst("input[name=_csrf]").attr("value");
            return post(provider.issuer() + "/login",
                    "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf));
        }
    }
}
