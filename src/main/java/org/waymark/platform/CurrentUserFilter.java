package org.waymark.platform;

import java.io.IOException;

import lombok.RequiredArgsConstructor;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.waymark.identity.SignInSteps;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks a signed-in session against the account on every request, so that a deactivated
 * user is signed out at once and a change of roles or agency applies at once. A session signed
 * in with a password alone ends, and its browser is sent to sign in again, once two-factor
 * sign-in is required. A lock-out is not checked: it stops new sign-ins only.
 */
@RequiredArgsConstructor
class CurrentUserFilter extends OncePerRequestFilter {

    /** Where a session that lacked the second factor now required is sent; the page says why. */
    static final String SIGN_IN_WITH_SECOND_FACTOR = "/sign-in?twoFactorRequired";

    private final Users users;
    private final SignInSteps signInSteps;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof WaymarkUser signedIn) {
            if (signInSteps.lacksSecondFactor(request)) {
                signOut(request);
                response.sendRedirect(request.getContextPath() + SIGN_IN_WITH_SECOND_FACTOR);
                return;
            }
            var current = users.current(signedIn.id());
            if (current.isPresent()) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.get(), null,
                        current.get().getAuthorities()));
                SecurityContextHolder.setContext(context);
            } else {
                signOut(request);
            }
        }
        chain.doFilter(request, response);
    }

    private static void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
