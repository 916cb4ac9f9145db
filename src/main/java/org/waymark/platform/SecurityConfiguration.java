package org.waymark.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.MachineClients;
import org.waymark.identity.ProviderMappings;
import org.waymark.identity.ProviderSignOut;
import org.waymark.identity.ProviderUserService;
import org.waymark.identity.SignInProviders;
import org.waymark.identity.Role;
import org.waymark.identity.SignInSteps;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Three ways in: HTTP Basic only to obtain an API token, bearer tokens for the rest of the
 * JSON API (no session, no CSRF) — Waymark's own or a JWT of a configured identity provider's
 * machine client — and sign-in with a session and CSRF for the pages, by email and password or
 * with an identity provider (OpenID Connect).
 * Where two-factor sign-in is required, the form's password is followed by a second step
 * (see {@link SignInSteps}) and a token also needs the code of the user's authenticator app.
 * <p>
 * Every page and API but a user's own account needs an operational role ({@link Role#OPERATIONAL}):
 * a user with passenger data roles only is not an officer, and sees none of the work with
 * operations. Passenger data's own paths are left to its module, which checks the roles;
 * screening's need the passenger data role, and the requests to speak with a passenger, on a
 * flight's page, an officer or a coordinator (their modules check which ones). A
 * carrier gateway's machine account gets API tokens and cannot sign in to the pages.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * No observation of each security filter, authentication and authorization: they cost every
     * request more than they tell. Requests are still timed as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenChain(HttpSecurity http, ProblemResponses problems, UserDetailsService accounts,
            PasswordEncoder passwordEncoder, ApplicationEventPublisher events, ProviderMappings mappings)
            throws Exception {
        http.securityMatcher("/api/v1/tokens")
                .authenticationManager(passwordSignIn(accounts, passwordEncoder, events, mappings, null))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(basicRefused(problems)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex.accessDeniedHandler(forbidden(problems)));
        headers(http);
        return http.build();
    }

    /**
     * Waymark keeps none of a provider's access and refresh tokens, which could read more of the
     * person at the provider than Waymark needs: only who signed in (and the ID token, for signing
     * out there) stays in the session.
     */
    private static final OAuth2AuthorizedClientRepository NO_PROVIDER_TOKENS_KEPT = new OAuth2AuthorizedClientRepository() {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {
        }
    };

    /** The pages and API of the work with operations need one of these roles. */
    private static final String[] OPERATIONAL = Role.OPERATIONAL.stream().map(Role::name).toArray(String[]::new);

    /** Passenger data's pages and API: each needs a passenger data role, which its module checks. */
    private static final String[] PASSENGER_DATA_PAGES = { "/passenger-data", "/passenger-data/**" };
    private static final String[] PASSENGER_DATA_API = { "/api/v1/passenger-data", "/api/v1/passenger-data/**" };
    /** Screening works on passenger data: its pages and API are for the passenger data role alone. */
    private static final String[] SCREENING_PAGES = { "/screening", "/screening/**" };
    private static final String[] SCREENING_API = { "/api/v1/screening", "/api/v1/screening/**" };
    /** The requests to speak with a passenger on a flight's page: for its officers and the coordinators. */
    private static final String[] FLIGHT_REQUESTS_PAGES = { "/operations/*/flights/*/requests/**" };
    private static final String[] FLIGHT_REQUESTS_API = { "/api/v1/operations/*/flights/*/requests",
            "/api/v1/operations/*/flights/*/requests/**" };

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, MachineClients clients,
            ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/agencies").hasAnyRole(OPERATIONAL)
                        .requestMatchers("/api/v1/agencies/**", "/api/v1/users/**", "/api/v1/audit/**", "/api/v1/retention/**",
                                "/api/v1/sign-in-providers", "/api/v1/sign-in-providers/**")
                        .hasRole("ADMIN")
                        .requestMatchers(PASSENGER_DATA_API).authenticated()
                        .requestMatchers(SCREENING_API).hasRole(Role.PASSENGER_DATA.name())
                        .requestMatchers(FLIGHT_REQUESTS_API).hasAnyRole(Role.OFFICER.name(), Role.COORDINATOR.name())
                        .anyRequest().hasAnyRole(OPERATIONAL))
                .addFilterBefore(new BearerTokenFilter(tokens, clients, problems), AnonymousAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthorized(problems,
                                "Send a bearer token: Authorization: Bearer <token>. POST /api/v1/tokens issues one.",
                                "Bearer"))
                        .accessDeniedHandler(forbidden(problems)));
        headers(http);
        return http.build();
    }

    /**
     * The public pages, help for passengers and reports from the public, and the public report
     * API: no sign-in, no session, no cookie of any kind, so that using them leaves no trace on
     * the phone. (No CSRF token either: there is no signed-in state to forge a request with.)
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicHelpChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/help", "/help/**", "/report", "/report/**", "/api/v1/public/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http, Users users, SignInSteps signInSteps,
            UserDetailsService accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
            ProviderMappings mappings, SignInProviders providers, ProviderUserService providerUsers,
            ProviderSignOut providerSignOut) throws Exception {
        http.authenticationManager(passwordSignIn(accounts, passwordEncoder, events, mappings, providerUsers))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/sign-in", "/sign-in/**", "/signed-out", "/oauth2/authorization/**", "/login",
                                "/govuk/**", "/assets/**", "/css/**", "/js/**", "/sw.js", "/favicon.ico",
                                "/error", "/actuator/health/**", "/v3/api-docs/**", "/api-docs/**", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/", "/account", "/account/**").authenticated()
                        .requestMatchers(PASSENGER_DATA_PAGES).authenticated()
                        .requestMatchers(SCREENING_PAGES).hasRole(Role.PASSENGER_DATA.name())
                        .requestMatchers(FLIGHT_REQUESTS_PAGES).hasAnyRole(Role.OFFICER.name(), Role.COORDINATOR.name())
                        .anyRequest().hasAnyRole(OPERATIONAL))
                .formLogin(form -> form.loginPage("/sign-in").usernameParameter("email")
                        .successHandler(signInSteps).failureHandler(new SignInFailureHandler()).permitAll())
                .oauth2Login(oauth -> oauth.loginPage("/sign-in").clientRegistrationRepository(providers)
                        .authorizationEndpoint(start -> start.authorizationRequestResolver(knownProviders(providers)))
                        .authorizedClientRepository(NO_PROVIDER_TOKENS_KEPT)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(providerUsers))
                        .successHandler(signInSteps).failureHandler(new ProviderSignInFailureHandler()))
                .logout(logout -> logout.logoutUrl("/sign-out").addLogoutHandler(ProviderSignOutHandler.REMEMBER)
                        .logoutSuccessHandler(new ProviderSignOutHandler(providerSignOut))
                        .deleteCookies("WAYMARK_SESSION"))
                // The provider's back-channel logout is a server's POST, with no session to forge.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/sign-in/with/*/back-channel-logout"))
                .sessionManagement(session -> session.invalidSessionUrl("/sign-in?timedOut"))
                .requestCache(cache -> cache.requestCache(pagesOpened()))
                .addFilterBefore(new CurrentUserFilter(users, signInSteps), AuthorizationFilter.class);
        headers(http, pagesPolicy(providers));
        return http.build();
    }

    /**
     * Sign-in with a password, to the pages or for an API token. An account an identity provider
     * signs in has no password, and the people of an agency whose provider is required sign in
     * with it only (told so once their password was right). To the pages, a carrier
     * gateway's machine account is refused once its password was right (a wrong one counts towards
     * the lock-out as for anyone); it gets API tokens as usual. The audit log records each refusal
     * as a failed sign-in. The pages also take the code an identity provider sends back (its
     * {@code providerUsers} make the person Waymark's user); null for tokens.
     */
    private static AuthenticationManager passwordSignIn(UserDetailsService accounts, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events, ProviderMappings mappings, ProviderUserService providerUsers) {
        boolean pages = providerUsers != null;
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(new NoPasswordMatchesNothing(passwordEncoder));
        // Said only once the password was right: a wrong one is answered as for an unknown address.
        provider.setPostAuthenticationChecks(account -> {
            if (account instanceof WaymarkUser user && user.carrierGateway()) {
                if (pages) {
                    throw new GatewaySignInRefused();
                }
            } else if (account instanceof WaymarkUser user) {
                mappings.requiredProvider(user.agencyId()).ifPresent(required -> {
                    throw new ProviderRequired(required);
                });
            }
        });
        DefaultAuthenticationEventPublisher published = new DefaultAuthenticationEventPublisher(events);
        published.setAdditionalExceptionMappings(Map.of(GatewaySignInRefused.class,
                AuthenticationFailureDisabledEvent.class, ProviderRequired.class, AuthenticationFailureDisabledEvent.class));
        ProviderManager manager = pages
                ? new ProviderManager(provider, new OidcAuthorizationCodeAuthenticationProvider(
                        new RestClientAuthorizationCodeTokenResponseClient(), providerUsers))
                : new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(published);
        return manager;
    }

    /**
     * An account an identity provider signs in has no password: every password is wrong for it,
     * checked against a hash all the same, so that the answer takes as long as for any account.
     */
    private static final class NoPasswordMatchesNothing implements PasswordEncoder {
        private final PasswordEncoder encoder;
        private final String nobodysHash;

        NoPasswordMatchesNothing(PasswordEncoder encoder) {
            this.encoder = encoder;
            this.nobodysHash = encoder.encode(java.util.UUID.randomUUID().toString());
        }

        @Override
        public String encode(CharSequence raw) {
            return encoder.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            if (encoded == null) {
                encoder.matches(raw, nobodysHash);
                return false;
            }
            return encoder.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return encoded != null && encoder.upgradeEncoding(encoded);
        }
    }

    /** The right password of a person whose agency requires its identity provider. */
    static final class ProviderRequired extends AccountStatusException {
        private static final long serialVersionUID = 1L;
        private final String provider;

        ProviderRequired(String provider) {
            super("this account signs in with its identity provider");
            this.provider = provider;
        }

        /** The provider the agency's people sign in with. */
        String provider() {
            return provider;
        }
    }

    /**
     * The way to a provider's sign-in, for the providers that answer: the address of another
     * (unknown, or not answering) goes on as any address does, to a 404 rather than an error.
     * People reach it through the sign-in page's buttons, which say when a provider does not answer.
     */
    private static OAuth2AuthorizationRequestResolver knownProviders(SignInProviders providers) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(providers,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                try {
                    return resolver.resolve(request);
                } catch (IllegalArgumentException unknown) {
                    return null;
                }
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                try {
                    return resolver.resolve(request, registrationId);
                } catch (IllegalArgumentException unknown) {
                    return null;
                }
            }
        };
    }

    /** A carrier gateway's machine account tried to sign in to the pages. */
    static final class GatewaySignInRefused extends AccountStatusException {
        private static final long serialVersionUID = 1L;

        GatewaySignInRefused() {
            super("a carrier gateway account uses the API only");
        }
    }

    /**
     * The page to return to after signing in: only a page the person opened themselves. A
     * script's fetch (a dashboard's refresh) that met the sign-in would otherwise send them to
     * a fragment of a page; browsers mark what a person opens with {@code Sec-Fetch-Mode: navigate}.
     */
    private static HttpSessionRequestCache pagesOpened() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && !List.of("/favicon.ico", "/sign-out").contains(request.getRequestURI())
                && Optional.ofNullable(request.getHeader("Sec-Fetch-Mode")).orElse("navigate").equals("navigate"));
        return cache;
    }

    private static void headers(HttpSecurity http) throws Exception {
        headers(http, CONTENT_SECURITY_POLICY);
    }

    /**
     * The pages' policy also lets a form's redirect reach the identity providers: signing out
     * sends the browser on to the provider's sign-out, which {@code form-action 'self'} alone
     * blocks (browsers apply it to a form's redirects too).
     */
    static String pagesPolicy(SignInProviders providers) {
        String origins = providers.origins().stream().map(origin -> " " + origin).collect(Collectors.joining());
        return CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self'" + origins);
    }

    private static void headers(HttpSecurity http, String policy) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    }

    private static AuthenticationEntryPoint unauthorized(ProblemResponses problems, String detail, String challenge) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", challenge);
            problems.write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, detail, request));
        };
    }

    /**
     * HTTP Basic refused, saying why as the sign-in page does: a locked or deactivated account
     * is named as such (Spring Security checks both before the password), anything else is
     * wrong details.
     */
    private static AuthenticationEntryPoint basicRefused(ProblemResponses problems) {
        return (request, response, exception) -> {
            String detail = exception instanceof LockedException
                    ? "Your account is locked for 15 minutes after too many wrong passwords or codes."
                    : exception instanceof DisabledException ? "Your account has been deactivated."
                            : exception instanceof ProviderRequired
                                    ? "Your account signs in with your agency's identity provider, not a password:"
                                            + " a system of your agency calls the API with a token of that provider."
                                    : "Sign in with HTTP Basic: your email address and password.";
            response.setHeader("WWW-Authenticate", "Basic realm=\"Waymark\"");
            problems.write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, detail, request));
        };
    }

    private static AccessDeniedHandler forbidden(ProblemResponses problems) {
        return (request, response, exception) -> problems.write(response, ProblemResponses.problem(
                HttpStatus.FORBIDDEN, "Your roles do not allow this request.", request));
    }
}
