package org.waymark.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import org.waymark.identity.IdentityEvents.SignedOutByProvider;
import org.waymark.identity.SignInSteps.ProviderSession;
import org.waymark.shared.UserId;

import com.nimbusds.jwt.JWTParser;

/**
 * Signing out where a provider signed the person in. Waymark's sign-out sends the browser on to
 * the provider's own (RP-initiated logout), where the provider offers one; the provider's
 * back-channel logout ends the Waymark sessions of a person it signed out, on every node, as
 * they are kept in the database.
 */
@Service
public class ProviderSignOut {

    static final String BACK_CHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final SignInProviders providers;
    private final UserAccountRepository users;
    private final WebSessions sessions;
    private final ApplicationEventPublisher events;

    ProviderSignOut(SignInProviders providers, UserAccountRepository users, WebSessions sessions,
            ApplicationEventPublisher events) {
        this.providers = providers;
        this.users = users;
        this.sessions = sessions;
        this.events = events;
    }

    /** A back-channel logout token that is not the provider's, or not a logout token. */
    public static final class InvalidLogoutToken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidLogoutToken(String why) {
            super(why);
        }
    }

    /**
     * Whether the token says when it was issued and when it expires, as a logout token must (read
     * as sent: Spring fills in an issue time from the expiry where there is none).
     */
    private static boolean dated(String token) {
        try {
            var claims = JWTParser.parse(token).getJWTClaimsSet();
            return claims.getIssueTime() != null && claims.getExpirationTime() != null;
        } catch (java.text.ParseException notAToken) {
            return false;
        }
    }

    /**
     * Where to send the browser after Waymark's sign-out of a session the provider signed in: the
     * provider's end-session page, told who leaves and where to come back to. Empty where the
     * provider has no such page (or does not answer): Waymark's sign-out alone.
     *
     * @param afterwards Waymark's page to come back to, registered with the provider
     */
    public Optional<String> endSessionAddress(ProviderSession session, String afterwards) {
        ClientRegistration registration = providers.findByRegistrationId(session.name());
        if (registration == null) {
            return Optional.empty();
        }
        Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endSession == null) {
            return Optional.empty();
        }
        return Optional.of(UriComponentsBuilder.fromUriString(endSession.toString())
                .queryParam("id_token_hint", session.idToken()).queryParam("client_id", registration.getClientId())
                .queryParam("post_logout_redirect_uri", afterwards).encode().build().toUriString());
    }

    /**
     * The provider's back-channel logout (OpenID Connect Back-Channel Logout 1.0): the token,
     * signed by the provider for Waymark, names the provider's session ({@code sid}) or the person
     * ({@code sub}); their Waymark sessions end. Returns how many ended.
     *
     * @throws InvalidLogoutToken when the token is not a valid logout token of this provider
     */
    @Transactional
    public int backChannel(String provider, String logoutToken) {
        if (!providers.configured(provider) || logoutToken == null || logoutToken.length() > 16_384) {
            throw new InvalidLogoutToken("not a logout token of a configured provider");
        }
        Jwt token;
        try {
            token = providers.logoutTokens(provider)
                    .orElseThrow(() -> new InvalidLogoutToken("the provider does not answer")).decode(logoutToken);
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidLogoutToken("not signed by the provider for Waymark, or out of date");
        }
        Map<String, Object> claims = token.getClaims();
        if (!(claims.get("events") instanceof Map<?, ?> events) || !events.containsKey(BACK_CHANNEL_EVENT)
                || claims.containsKey("nonce") || !dated(logoutToken)) {
            throw new InvalidLogoutToken("not a back-channel logout token");
        }
        String sid = token.getClaimAsString("sid");
        String subject = token.getSubject();
        if (sid == null && subject == null) {
            throw new InvalidLogoutToken("names neither a session nor a person");
        }
        List<UserId> signedOut;
        int ended;
        if (sid != null) {
            signedOut = sessions.endProviderSessions(provider, sid);
            ended = signedOut.size();
        } else {
            Optional<UserAccount> account = users.findByProviderAndProviderSubject(provider, subject);
            signedOut = account.map(UserAccount::id).stream().toList();
            ended = account.map(user -> sessions.endAll(user.id(), null, null)).orElse(0);
        }
        String detail = provider + (sid != null ? " session" : " person") + ": " + ended + " ended";
        if (signedOut.isEmpty()) {
            this.events.publishEvent(new SignedOutByProvider(null, detail));
        }
        signedOut.forEach(user -> this.events.publishEvent(new SignedOutByProvider(user, detail)));
        return ended;
    }
}
