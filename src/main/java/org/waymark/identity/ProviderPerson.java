package org.waymark.identity;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person an identity provider signed in, as Waymark took them: the provider's user (its ID
 * token, for signing out there) with the Waymark account it signs in to. Lives only for the
 * sign-in: the session then holds the {@link WaymarkUser}.
 */
final class ProviderPerson extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final String provider;
    private final transient ProviderSignIn.Outcome outcome;

    ProviderPerson(String provider, OidcUser user, ProviderSignIn.Outcome outcome) {
        super(List.of(new SimpleGrantedAuthority("OIDC_USER")), user.getIdToken(), user.getUserInfo(), "sub");
        this.provider = provider;
        this.outcome = outcome;
    }

    String provider() {
        return provider;
    }

    ProviderSignIn.Outcome outcome() {
        return outcome;
    }
}
