package org.waymark.platform;

import java.io.IOException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Back to the sign-in page when a sign-in with an identity provider did not end in Waymark:
 * refused by Waymark (the reason is the error's code), cancelled at the provider, or broken
 * on the way (a sign-in started in another tab, a provider that did not answer).
 */
class ProviderSignInFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ProviderSignInFailureHandler.class);

    /** Waymark's reasons, each explained on the sign-in page; anything else is the provider's. */
    static final Set<String> REASONS = Set.of("notMapped", "noEmail", "noRoles", "emailTaken", "awaitingApproval",
            "deactivated", "badSubject", "cancelled", "notAnswering", "failed");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
        String reason = REASONS.contains(code) ? code : "access_denied".equals(code) ? "cancelled" : "failed";
        String provider = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
        if (!REASONS.contains(code)) {
            // The provider's error or a broken exchange, for the operator: codes and messages, no personal data.
            log.warn("A sign-in with the identity provider {} failed: {}", provider.replaceAll("[^a-z0-9]", "?"),
                    exception.getMessage() == null ? code : exception.getMessage().replaceAll("\\p{Cntrl}", "?"));
        }
        response.sendRedirect(request.getContextPath() + "/sign-in?provider=" + reason + "&with="
                + (provider.matches("[a-z0-9]{1,40}") ? provider : ""));
    }
}
