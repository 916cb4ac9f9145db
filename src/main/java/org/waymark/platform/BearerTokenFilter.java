package org.waymark.platform;

import java.io.IOException;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.MachineClients;
import org.waymark.identity.TwoFactor;
import org.waymark.identity.WaymarkUser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API requests by their {@code Authorization: Bearer} token: one of Waymark's, or
 * a JWT of a configured identity provider's machine client. A request without one goes on
 * unauthenticated (and is refused later); a wrong, expired or revoked one is refused here, as is
 * one made with a password alone once two-factor sign-in is required.
 */
@RequiredArgsConstructor
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final MachineClients clients;
    private final ProblemResponses problems;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(BEARER.length()).strip();
        if (MachineClients.looksLikeJwt(token)) {
            machineClient(token, request, response, chain);
            return;
        }
        ApiTokens.Bearer bearer = tokens.authenticate(token);
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
        signIn(bearer.user());
        chain.doFilter(request, response);
    }

    /**
     * A call by an identity provider's machine client, with the provider's JWT: refused when the
     * token is not valid (401) or its scopes give no role (403); logged, with its status, once answered.
     */
    private void machineClient(String token, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        MachineClients.Caller caller = clients.authenticate(token);
        if (caller.user() == null) {
            boolean noRole = caller.refusal() == MachineClients.Refusal.NO_ROLE;
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    noRole ? "Bearer error=\"insufficient_scope\"" : "Bearer error=\"invalid_token\"");
            problems.write(response, noRole
                    ? ProblemResponses.problem(HttpStatus.FORBIDDEN, "The token's scopes give no role in Waymark:"
                            + " ask an administrator to map them to roles for your identity provider.", request)
                    : ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "The bearer token is not valid: not signed"
                            + " by a configured identity provider for Waymark's audience, out of date, or its client"
                            + " was deactivated.", request));
            return;
        }
        signIn(caller.user());
        try {
            chain.doFilter(request, response);
        } finally {
            clients.called(caller.user(), caller.client(), request.getMethod(), request.getRequestURI(),
                    response.getStatus());
        }
    }

    private static void signIn(WaymarkUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
