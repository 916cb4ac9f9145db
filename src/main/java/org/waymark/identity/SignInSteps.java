package org.waymark.identity;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.waymark.identity.IdentityEvents.ProviderAccepted;
import org.waymark.identity.IdentityEvents.SignedIn;
import org.waymark.shared.UserId;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Form sign-in in two steps where two-factor sign-in is required. After the right password the
 * session holds only who gave it and when: nobody is signed in, and every page but the second
 * step sends them back to sign in. The code from their app (or, the first time, setting up the
 * app) completes the sign-in. Without two-factor sign-in the password signs in as before. A
 * person an identity provider signed in takes the same second step, unless the provider says they
 * used more than one factor.
 */
@Component
public class SignInSteps implements AuthenticationSuccessHandler {

    static final String PENDING = "waymark.signIn.pending";
    /**
     * Set in a session whose sign-in passed a second factor. Where two-factor sign-in is required,
     * a session without it (signed in with a password alone while it was off) must sign in again.
     */
    public static final String SECOND_FACTOR = "waymark.signIn.secondFactor";
    /** How long the second step may take after the password, setting up an app included. */
    public static final Duration PENDING_FOR = Duration.ofMinutes(10);

    /** The provider's sign-in of this session, for signing out there too: its ID token and session. */
    public static final String PROVIDER = "waymark.signIn.provider";

    /**
     * A sign-in waiting for its second step, and the secret of the app being set up, if any.
     *
     * @param provider the provider that signed the person in; null after a password
     */
    public record Pending(UserId userId, String email, Instant passwordAt, TwoFactor.NewSecret newSecret,
            ProviderSession provider) implements Serializable {
    }

    /**
     * A session's sign-in with an identity provider.
     *
     * @param idToken the ID token, given back to the provider at sign-out as the hint of who leaves
     * @param sid the provider's session, which its back-channel logout names; null where it gives none
     */
    public record ProviderSession(String name, String idToken, String sid) implements Serializable {
    }

    private final TwoFactor twoFactor;
    private final Users users;
    private final WebSessions sessions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SavedRequestAwareAuthenticationSuccessHandler passwordOnly;

    SignInSteps(TwoFactor twoFactor, Users users, WebSessions sessions, Clock clock,
            ApplicationEventPublisher events) {
        this.twoFactor = twoFactor;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
        this.events = events;
        this.passwordOnly = new SavedRequestAwareAuthenticationSuccessHandler();
        this.passwordOnly.setDefaultTargetUrl("/");
    }

    /**
     * After the right password, or a provider's sign-in: on to the second step, taking back what
     * the first alone gave; signed in at once where no second step is needed.
     */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof ProviderPerson person) {
            providerSignedIn(request, response, person);
            return;
        }
        if (!twoFactor.required() || !(authentication.getPrincipal() instanceof WaymarkUser user)) {
            sessions.signedIn(request.getSession(), request.getHeader(HttpHeaders.USER_AGENT));
            passwordOnly.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        request.getSession().setAttribute(PENDING, new Pending(user.id(), user.email(), clock.instant(), null, null));
        response.sendRedirect(request.getContextPath()
                + (twoFactor.enrolled(user.id()) ? "/sign-in/code" : "/sign-in/enrol"));
    }

    /**
     * A person the provider signed in: signed in to Waymark at once where the provider says they
     * used more than one factor (or Waymark asks for no second factor), otherwise on to the code of
     * their authenticator app, as after a password.
     */
    private void providerSignedIn(HttpServletRequest request, HttpServletResponse response, ProviderPerson person)
            throws IOException {
        WaymarkUser user = person.outcome().user();
        ProviderSession provider = new ProviderSession(person.provider(), person.getIdToken().getTokenValue(),
                person.getIdToken().getClaimAsString("sid"));
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        if (twoFactor.required() && !person.outcome().multiFactor()) {
            events.publishEvent(new ProviderAccepted(user.actor(), person.outcome().factors()));
            request.getSession().setAttribute(PENDING,
                    new Pending(user.id(), user.email(), clock.instant(), null, provider));
            response.sendRedirect(request.getContextPath()
                    + (twoFactor.enrolled(user.id()) ? "/sign-in/code" : "/sign-in/enrol"));
            return;
        }
        events.publishEvent(new SignedIn(user.actor(), "with " + person.outcome().factors()));
        String target = signIn(request, response, user, provider, person.outcome().multiFactor());
        response.sendRedirect(target.startsWith("/") ? request.getContextPath() + target : target);
    }

    /** The sign-in in this session that waits for its second step, unless it waited too long. */
    public Optional<Pending> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(pending.passwordAt().plus(PENDING_FOR))) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    /** The pending sign-in with a new secret for the app being set up, kept until it is set up. */
    public Pending withNewSecret(HttpServletRequest request, Pending pending) {
        Pending updated = new Pending(pending.userId(), pending.email(), pending.passwordAt(),
                twoFactor.newSecret(pending.email()), pending.provider());
        request.getSession().setAttribute(PENDING, updated);
        return updated;
    }

    /**
     * Signs the user in once the second step passed: a new session id, the user in the session,
     * and the page to go to (the one first asked for, or the start). Empty when the account was
     * deactivated meanwhile.
     */
    public Optional<String> complete(HttpServletRequest request, HttpServletResponse response, Pending pending) {
        abandon(request);
        Optional<WaymarkUser> user = users.current(pending.userId());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(signIn(request, response, user.get(), pending.provider(), true));
    }

    /** The user signed in to this session, under a new id; returns the page to go to. */
    private String signIn(HttpServletRequest request, HttpServletResponse response, WaymarkUser user,
            ProviderSession provider, boolean secondFactor) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        HttpSession session = request.getSession();
        sessions.signedIn(session, request.getHeader(HttpHeaders.USER_AGENT));
        if (secondFactor) {
            session.setAttribute(SECOND_FACTOR, Boolean.TRUE);
        }
        if (provider != null) {
            session.setAttribute(PROVIDER, provider);
            sessions.markProviderSession(session, provider.name(), provider.sid());
        }
        SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
        return saved == null ? "/" : saved.getRedirectUrl();
    }

    /**
     * Whether the request's session is signed in without the second factor that two-factor
     * sign-in now requires: with a password alone, while it was off. Such a session must end.
     */
    public boolean lacksSecondFactor(HttpServletRequest request) {
        if (!twoFactor.required()) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session == null || !Boolean.TRUE.equals(session.getAttribute(SECOND_FACTOR));
    }

    /** Forgets the pending sign-in, as when it locked the account. */
    public void abandon(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }
}
