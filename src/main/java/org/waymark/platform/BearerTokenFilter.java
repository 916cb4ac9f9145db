package org.waymark.platform;

import java.io.IOException;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.TwoFactor;
import org.waymark.identity.WaymarkUser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API requests by their {@code Authorization: Bearer} token. A request without
 * one goes on unauthenticated (and is refused later); a wrong, expired or revoked one is
 * refused here, as is one made with a password alone once two-factor sign-in is required.
 */
@RequiredArgsConstructor
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final ProblemResponses problems;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokens.Bearer bearer = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (bearer.user() == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, switch (bearer.refusal()) {
                case NO_SECOND_FACTOR -> "The bearer token was made without a second factor, and two-factor sign-in"
                        + " is now required. Make a new token with the code of your authenticator app in the "
                        + TwoFactor.HEADER + " header (set the app up by signing in on the website).";
                case NOT_VALID -> "The bearer token is not valid: it is unknown, expired or revoked, or its user is"
                        + " inactive.";
            }, request));
            return;
        }
        WaymarkUser user = bearer.user();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
