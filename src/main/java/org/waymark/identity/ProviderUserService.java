package org.waymark.identity;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Spring Security's OpenID Connect user service, followed by Waymark's: the provider's user
 * (ID token checked, user info read) becomes the Waymark account it signs in to, or the sign-in
 * is refused with the reason as the error code the sign-in page explains.
 */
@Component
public class ProviderUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final ProviderSignIn signIn;

    ProviderUserService(ProviderSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String name = request.getClientRegistration().getRegistrationId();
        try {
            return new ProviderPerson(name, user, outcome(name, user));
        } catch (ProviderSignIn.Refused refused) {
            throw new OAuth2AuthenticationException(new OAuth2Error(refused.code()), refused.getMessage());
        }
    }

    private ProviderSignIn.Outcome outcome(String name, OidcUser user) {
        try {
            return signIn.signIn(name, user.getClaims());
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException meanwhile) {
            // The same person signing in in two tabs at once: the other made or changed the account.
            return signIn.signIn(name, user.getClaims());
        }
    }
}
