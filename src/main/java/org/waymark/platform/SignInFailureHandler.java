package org.waymark.platform;

import java.io.IOException;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Back to the sign-in page with the reason (wrong details, locked, deactivated, a gateway, an
 * account that signs in with its provider) and the email typed.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof SecurityConfiguration.ProviderRequired required) {
            response.sendRedirect(request.getContextPath() + "/sign-in?error=providerRequired"
                    + (required.provider() == null ? "" : "&with=" + required.provider()));
            return;
        }
        String reason = exception instanceof LockedException ? "locked"
                : exception instanceof DisabledException ? "inactive"
                        : exception instanceof SecurityConfiguration.GatewaySignInRefused ? "gateway" : "failed";
        String email = request.getParameter("email");
        if (email != null) {
            request.getSession().setAttribute(SignInController.TYPED_EMAIL,
                    email.length() > 254 ? email.substring(0, 254) : email);
        }
        response.sendRedirect(request.getContextPath() + "/sign-in?error=" + reason);
    }
}
