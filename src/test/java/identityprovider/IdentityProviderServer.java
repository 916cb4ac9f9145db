package identityprovider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * A real OpenID provider (Spring Authorization Server) inside the test JVM, on a free port of
 * 127.0.0.1, for the tests of single sign-on: people sign in on its form login, machine clients get
 * client-credentials tokens, and clients sign people out through its RP-initiated logout endpoint.
 *
 * <p>Its application context is built by hand: no component scan, no auto-configuration, no Boot
 * configuration files, so none of Waymark's beans or settings come into it. Only Tomcat, a
 * dispatcher servlet and Spring Security with the authorization server.
 */
public final class IdentityProviderServer implements AutoCloseable {

    private static final String ACCESS_TOKEN_AUDIENCE = "api://waymark";

    private static final InetAddress LOOPBACK = loopback();

    /** What the provider knows of a person beyond the sign-in details. */
    private record Person(String email, String name, Set<String> groups, boolean mfa) {
    }

    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    private final MutableRegisteredClientRepository clients = new MutableRegisteredClientRepository();
    private final RSAKey signingKey;
    private final JWKSource<SecurityContext> jwkSource;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private AnnotationConfigServletWebServerApplicationContext context;
    private String issuer;

    private IdentityProviderServer() {
        this.signingKey = generateRsaKey();
        this.jwkSource = new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    /** Starts a provider on a free port of 127.0.0.1. */
    public static IdentityProviderServer start() {
        IdentityProviderServer server = new IdentityProviderServer();
        RuntimeException last = null;
        // The issuer (with its port) must be known before the context starts, so a free port is
        // found first; another process may take it in between, hence a few tries.
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            try {
                server.startOn(port);
                return server;
            } catch (RuntimeException e) {
                last = e;
                server.close();
            }
        }
        throw new IllegalStateException("The identity provider did not start", last);
    }

    private void startOn(int port) {
        String candidateIssuer = "http://127.0.0.1:" + port;
        AnnotationConfigServletWebServerApplicationContext ctx = new AnnotationConfigServletWebServerApplicationContext();
        ctx.setId("identity-provider");
        ctx.registerBean("identityProviderWebServerFactory", TomcatServletWebServerFactory.class, () -> {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
            factory.setPort(port);
            factory.setAddress(LOOPBACK);
            return factory;
        });
        ctx.registerBean("identityProviderSettings", AuthorizationServerSettings.class,
                () -> AuthorizationServerSettings.builder().issuer(candidateIssuer).build());
        ctx.registerBean("identityProvider", IdentityProviderServer.class, () -> this);
        ctx.register(ProviderConfiguration.class);
        this.context = ctx;
        ctx.refresh();
        this.issuer = candidateIssuer;
    }

    public String issuer() {
        return issuer;
    }

    public String accessTokenAudience() {
        return ACCESS_TOKEN_AUDIENCE;
    }

    /** Adds or replaces a person who signs in here with the username and password. */
    public void person(String username, String password, String email, String name, Set<String> groups, boolean mfa) {
        UserDetails user = User.withUsername(username).password("{noop}" + password).roles("USER").build();
        if (users.userExists(username)) {
            users.updateUser(user);
        } else {
            users.createUser(user);
        }
        people.put(username, new Person(email, name, groups == null ? Set.of() : Set.copyOf(groups), mfa));
    }

    /** The person can no longer sign in here, and a session they have here ends at its next request. */
    public void disable(String username) {
        UserDetails user = users.loadUserByUsername(username);
        users.updateUser(User.withUserDetails(user).disabled(true).build());
    }

    /**
     * Registers (or replaces) a web client: authorization code and refresh token, client_secret_basic
     * and client_secret_post, scopes openid profile email, no consent page, PKCE not required.
     */
    public void registerWebClient(String clientId, String secret, String redirectUri, String postLogoutRedirectUri) {
        RegisteredClient.Builder builder = RegisteredClient.withId(registrationId(clientId))
                .clientId(clientId)
                .clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .requireProofKey(false)
                        .build());
        if (postLogoutRedirectUri != null) {
            builder.postLogoutRedirectUri(postLogoutRedirectUri);
        }
        clients.save(builder.build());
    }

    /** Registers (or replaces) a machine client: client credentials with client_secret_basic. */
    public void registerMachineClient(String clientId, String secret, Set<String> scopes) {
        clients.save(RegisteredClient.withId(registrationId(clientId))
                .clientId(clientId)
                .clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(scopes))
                .build());
    }

    /** The token endpoint's answer to a client-credentials request: access token or error. */
    public record TokenAnswer(int status, String accessToken, String error) {
    }

    /** Asks this provider's token endpoint, over HTTP, for a client-credentials token. */
    public TokenAnswer clientCredentials(String clientId, String secret, String scope) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (scope != null) {
            form.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        String basic = Base64.getEncoder().encodeToString(
                (urlEncoded(clientId) + ":" + urlEncoded(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = response.body() == null || response.body().isBlank()
                    ? Map.of()
                    : JsonParserFactory.getJsonParser().parseMap(response.body());
            return new TokenAnswer(response.statusCode(), (String) body.get("access_token"), (String) body.get("error"));
        } catch (IOException e) {
            throw new IllegalStateException("The token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The token request was interrupted", e);
        }
    }

    /**
     * An OpenID Connect back-channel logout token, signed with this provider's key (the kid of its
     * JWKS): iss, aud, iat, exp (two minutes on), jti, events, and sub and/or sid where not null.
     */
    public String logoutToken(String audience, String subject, String sid) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(2)))
                .id(UUID.randomUUID().toString())
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        if (subject != null) {
            claims.subject(subject);
        }
        if (sid != null) {
            claims.claim("sid", sid);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .type("logout+jwt")
                .keyId(signingKey.getKeyID())
                .build();
        return new NimbusJwtEncoder(jwkSource)
                .encode(JwtEncoderParameters.from(header, claims.build()))
                .getTokenValue();
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    private OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer() {
        return ctx -> {
            if (OidcParameterNames.ID_TOKEN.equals(ctx.getTokenType().getValue())) {
                Authentication principal = ctx.getPrincipal();
                Person person = people.get(principal.getName());
                if (person != null) {
                    ctx.getClaims().claims(claims -> {
                        if (person.email() != null) {
                            claims.put("email", person.email());
                        }
                        if (person.name() != null) {
                            claims.put("name", person.name());
                        }
                        claims.put("groups", new ArrayList<>(person.groups()));
                        claims.put("amr", person.mfa() ? List.of("pwd", "mfa") : List.of("pwd"));
                    });
                }
            } else if (OAuth2TokenType.ACCESS_TOKEN.equals(ctx.getTokenType())
                    && AuthorizationGrantType.CLIENT_CREDENTIALS.equals(ctx.getAuthorizationGrantType())) {
                String clientId = ctx.getRegisteredClient().getClientId();
                ctx.getClaims().audience(List.of(ACCESS_TOKEN_AUDIENCE));
                ctx.getClaims().claim("azp", clientId);
                ctx.getClaims().claim("client_id", clientId);
            }
        };
    }

    private static String registrationId(String clientId) {
        return "client-" + clientId;
    }

    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on 127.0.0.1", e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generateRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keyPair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
                    .privateKey((RSAPrivateKey) keyPair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Clients registered at any time, replaced when registered again under the same client id. */
    private static final class MutableRegisteredClientRepository implements RegisteredClientRepository {

        private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

        @Override
        public void save(RegisteredClient registeredClient) {
            byId.put(registeredClient.getId(), registeredClient);
        }

        @Override
        public RegisteredClient findById(String id) {
            return byId.get(id);
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return byId.values().stream()
                    .filter(client -> client.getClientId().equals(clientId))
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * Ends the session of a person who has been disabled since signing in, so that they meet the
     * sign-in form again (where they fail) rather than getting codes from their old session.
     */
    private static final class DisabledPersonFilter extends OncePerRequestFilter {

        private final InMemoryUserDetailsManager users;

        DisabledPersonFilter(InMemoryUserDetailsManager users) {
            this.users = users;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated() && users.userExists(authentication.getName())) {
                boolean enabled;
                try {
                    enabled = users.loadUserByUsername(authentication.getName()).isEnabled();
                } catch (UsernameNotFoundException e) {
                    enabled = false;
                }
                if (!enabled) {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class ProviderConfiguration {

        @Bean
        DispatcherServlet dispatcherServlet() {
            return new DispatcherServlet();
        }

        @Bean
        SessionRegistry sessionRegistry() {
            return new SessionRegistryImpl();
        }

        @Bean
        HttpSessionEventPublisher httpSessionEventPublisher() {
            return new HttpSessionEventPublisher();
        }

        @Bean
        InMemoryUserDetailsManager users(IdentityProviderServer provider) {
            return provider.users;
        }

        @Bean
        RegisteredClientRepository registeredClientRepository(IdentityProviderServer provider) {
            return provider.clients;
        }

        @Bean
        JWKSource<SecurityContext> jwkSource(IdentityProviderServer provider) {
            return provider.jwkSource;
        }

        /** Reads the access tokens sent to the OIDC user info endpoint. */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer(IdentityProviderServer provider) {
            return provider.tokenCustomizer();
        }

        @Bean
        OAuth2AuthorizationService authorizationService() {
            return new InMemoryOAuth2AuthorizationService();
        }

        @Bean
        OAuth2AuthorizationConsentService authorizationConsentService() {
            return new InMemoryOAuth2AuthorizationConsentService();
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServerChain(HttpSecurity http, InMemoryUserDetailsManager users) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                    .addFilterAfter(new DisabledPersonFilter(users), SecurityContextHolderFilter.class)
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signInChain(HttpSecurity http, InMemoryUserDetailsManager users) throws Exception {
            http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                    .addFilterAfter(new DisabledPersonFilter(users), SecurityContextHolderFilter.class)
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }
    }
}
