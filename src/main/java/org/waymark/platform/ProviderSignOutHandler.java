package org.waymark.platform;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.waymark.identity.ProviderSignOut;
import org.waymark.identity.SignInSteps;
import org.waymark.identity.SignInSteps.ProviderSession;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * After Waymark's sign-out, on to the provider's where the session was signed in with one
 * (RP-initiated logout), which sends the browser back to {@code /signed-out}; otherwise straight
 * to the sign-in page. {@link #REMEMBER} takes the provider's sign-in from the session before
 * the session ends.
 */
class ProviderSignOutHandler implements LogoutSuccessHandler {

    private static final String PROVIDER_SESSION = ProviderSignOutHandler.class.getName() + ".provider";

    static final LogoutHandler REMEMBER = (request, response, authentication) -> {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignInSteps.PROVIDER) instanceof ProviderSession provider) {
            request.setAttribute(PROVIDER_SESSION, provider);
        }
    };

    private final ProviderSignOut signOut;

    ProviderSignOutHandler(ProviderSignOut signOut) {
        this.signOut = signOut;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        String afterwards = ServletUriComponentsBuilder.fromContextPath(request).path("/signed-out").toUriString();
        String target = request.getAttribute(PROVIDER_SESSION) instanceof ProviderSession provider
                ? signOut.endSessionAddress(provider, afterwards).orElse(null) : null;
        response.sendRedirect(target != null ? target : request.getContextPath() + "/sign-in?signedOut");
    }
}
