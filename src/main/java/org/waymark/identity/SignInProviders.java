package org.waymark.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * The identity providers the deployment configures ({@code WAYMARK_OIDC_<NAME>_ISSUER},
 * {@code _CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _LABEL}, and for machine clients
 * {@code _AUDIENCE}), as Spring Security's OAuth2 client sees them. A provider's settings are
 * read from its discovery document when first needed, not at start-up: a provider that does not
 * answer keeps its own button from working for a while, never Waymark from starting.
 */
@Component
@EnableConfigurationProperties(SignInProviders.Settings.class)
public class SignInProviders implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(SignInProviders.class);
    /** How long a provider whose discovery failed is left before it is asked again. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /** The {@code acr} value of OpenID's multi-factor policy, which means more than one factor everywhere. */
    static final String MULTI_FACTOR_ACR = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";

    /**
     * What the deployment says of one provider.
     *
     * @param audience the {@code aud} its machine clients' tokens carry for Waymark; without it
     *        the provider's clients cannot call the API
     * @param mfaAcr the {@code acr} values of this provider that mean more than one factor was used,
     *        besides OpenID's multi-factor policy
     */
    public record Provider(String issuer, String clientId, String clientSecret, String label, String audience,
            List<String> mfaAcr) {
    }

    @ConfigurationProperties("waymark")
    record Settings(Map<String, Provider> oidc) {
    }

    /** A provider as the sign-in page offers it. */
    public record Offered(String name, String label) {
    }

    private final Map<String, Provider> providers;
    private final Clock clock;
    private final Map<String, ClientRegistration> resolved = new ConcurrentHashMap<>();
    private final Map<String, Instant> failedAt = new ConcurrentHashMap<>();
    private final Map<String, JwtDecoder> clientTokenDecoders = new ConcurrentHashMap<>();
    private final Map<String, JwtDecoder> logoutTokenDecoders = new ConcurrentHashMap<>();

    SignInProviders(Settings settings, Clock clock) {
        this.clock = clock;
        this.providers = new java.util.TreeMap<>();
        Map<String, Provider> configured = settings.oidc() == null ? Map.of() : settings.oidc();
        configured.forEach((name, provider) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!key.matches("[a-z0-9]{1,40}")) {
                throw new IllegalStateException("The identity provider's name " + name
                        + " must be letters and digits only (WAYMARK_OIDC_<NAME>_ISSUER), at most 40");
            }
            for (var setting : Map.of("ISSUER", provider.issuer() == null ? "" : provider.issuer(),
                    "CLIENT_ID", provider.clientId() == null ? "" : provider.clientId(),
                    "CLIENT_SECRET", provider.clientSecret() == null ? "" : provider.clientSecret()).entrySet()) {
                if (setting.getValue().isBlank()) {
                    throw new IllegalStateException("WAYMARK_OIDC_" + key.toUpperCase(Locale.ROOT) + "_"
                            + setting.getKey() + " must be set for the identity provider " + key);
                }
            }
            providers.put(key, provider);
        });
    }

    /** The providers offered on the sign-in page, by label. */
    public List<Offered> offered() {
        return providers.entrySet().stream().map(entry -> new Offered(entry.getKey(), label(entry.getKey())))
                .sorted(Comparator.comparing(Offered::label, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * The origins of the providers' issuers, such as {@code https://login.microsoftonline.com}:
     * where their sign-in and sign-out pages are, which the pages' security policy allows forms to
     * be sent on to. A provider's issuer that is not a web address adds nothing.
     */
    public List<String> origins() {
        return providers.values().stream().map(provider -> {
            try {
                java.net.URI issuer = java.net.URI.create(provider.issuer().strip());
                if (issuer.getScheme() == null || issuer.getHost() == null
                        || !issuer.getScheme().matches("https?")) {
                    return null;
                }
                return issuer.getScheme() + "://" + issuer.getHost() + (issuer.getPort() < 0 ? "" : ":" + issuer.getPort());
            } catch (IllegalArgumentException notAnAddress) {
                return null;
            }
        }).filter(origin -> origin != null).distinct().sorted().toList();
    }

    /** Whether the deployment configures a provider of this name. */
    public boolean configured(String name) {
        return name != null && providers.containsKey(name);
    }

    /** The provider's name for people, such as Essex Police; its configured name without a label. */
    public String label(String name) {
        Provider provider = providers.get(name);
        return provider == null || provider.label() == null || provider.label().isBlank() ? name
                : provider.label().strip();
    }

    Provider settings(String name) {
        return providers.get(name);
    }

    /**
     * The provider's registration, its discovery document read the first time; null when it is
     * not configured or did not answer (asked again after 30 seconds).
     */
    @Override
    public ClientRegistration findByRegistrationId(String name) {
        Provider provider = name == null ? null : providers.get(name);
        if (provider == null) {
            return null;
        }
        ClientRegistration known = resolved.get(name);
        if (known != null) {
            return known;
        }
        Instant failed = failedAt.get(name);
        if (failed != null && clock.instant().isBefore(failed.plus(RETRY_AFTER))) {
            return null;
        }
        try {
            ClientRegistration registration = ClientRegistrations.fromIssuerLocation(provider.issuer().strip())
                    .registrationId(name).clientName(label(name)).clientId(provider.clientId().strip())
                    .clientSecret(provider.clientSecret().strip()).scope("openid", "profile", "email")
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").build();
            resolved.put(name, registration);
            failedAt.remove(name);
            return registration;
        } catch (RuntimeException e) {
            failedAt.put(name, clock.instant());
            log.warn("The identity provider {} did not answer at {}: {}", name, provider.issuer(), e.toString());
            return null;
        }
    }

    /** Whether the provider answers now: its button signs in, rather than failing at the provider's door. */
    public boolean answering(String name) {
        return findByRegistrationId(name) != null;
    }

    /** The provider whose issuer this is, among those configured. */
    Optional<String> byIssuer(String issuer) {
        if (issuer == null) {
            return Optional.empty();
        }
        return providers.entrySet().stream().filter(entry -> sameIssuer(entry.getValue().issuer(), issuer))
                .map(Map.Entry::getKey).findFirst();
    }

    private static boolean sameIssuer(String configured, String claimed) {
        return strip(configured).equals(strip(claimed));
    }

    private static String strip(String issuer) {
        String stripped = issuer.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /**
     * Checks a token of the provider's machine client: signed with the provider's keys, from its
     * issuer, for Waymark's audience, in date. Empty when the provider takes no machine clients
     * (no audience configured) or does not answer.
     */
    Optional<JwtDecoder> clientTokens(String name) {
        Provider provider = providers.get(name);
        if (provider == null || provider.audience() == null || provider.audience().isBlank()) {
            return Optional.empty();
        }
        return decoder(name, clientTokenDecoders, new JwtAudienceValidator(provider.audience().strip()));
    }

    /**
     * Checks a back-channel logout token of the provider: signed with its keys, from its issuer,
     * for Waymark's client id (the checks of its other claims are {@link ProviderSignOut}'s).
     */
    Optional<JwtDecoder> logoutTokens(String name) {
        Provider provider = providers.get(name);
        if (provider == null) {
            return Optional.empty();
        }
        return decoder(name, logoutTokenDecoders, new JwtAudienceValidator(provider.clientId().strip()));
    }

    private Optional<JwtDecoder> decoder(String name, Map<String, JwtDecoder> decoders,
            OAuth2TokenValidator<Jwt> audience) {
        JwtDecoder known = decoders.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        ClientRegistration registration = findByRegistrationId(name);
        if (registration == null) {
            return Optional.empty();
        }
        // A logout token is typed logout+jwt, an access token at+jwt or JWT as providers choose: the
        // audience, and for a logout token its events claim, say what a token is for.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                .validateType(false).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                new JwtIssuerValidator(registration.getProviderDetails().getIssuerUri()), audience));
        decoders.put(name, decoder);
        return Optional.of(decoder);
    }
}
