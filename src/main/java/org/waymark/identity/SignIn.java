package org.waymark.identity;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.IdentityEvents.AccountLocked;
import org.waymark.identity.IdentityEvents.PasswordAccepted;
import org.waymark.identity.IdentityEvents.SignInFailed;
import org.waymark.identity.IdentityEvents.SignedIn;
import org.waymark.shared.Actor;

/**
 * Sign-in by email and password: finds the account, counts failed attempts, locks the account
 * for 15 minutes after the fifth in a row, and records when the user last signed in. Where
 * two-factor sign-in is required, a right password is only the first step: {@link TwoFactor}
 * completes the sign-in.
 */
@Component
@RequiredArgsConstructor
class SignIn implements UserDetailsService {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final UserAccountRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TwoFactor twoFactor;

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return account(email).map(user -> user.principal(clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /**
     * The account of the address typed (in a form, or in HTTP Basic, which no filter of
     * parameters sees). No address holds a control character, and PostgreSQL cannot even be
     * asked about one holding NUL.
     */
    private Optional<UserAccount> account(String typed) {
        return CONTROL.matcher(typed).find() ? Optional.empty() : users.findByEmail(UserAccount.normaliseEmail(typed));
    }

    @EventListener
    @Transactional
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof WaymarkUser principal) {
            users.findById(principal.id().value()).ifPresent(user -> {
                user.recordSuccessfulSignIn(clock.instant());
                users.save(user);
            });
            events.publishEvent(twoFactor.required() ? new PasswordAccepted(principal.actor())
                    : new SignedIn(principal.actor()));
        }
    }

    /**
     * What was typed, for spotting attacks on accounts that do not exist; kept only when it looks
     * like an email address, so that a password typed into the wrong box is not logged.
     */
    private static String unknownEmail(String typed) {
        if (!typed.matches("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+")) {
            return null;
        }
        return typed.length() > Users.MAX_EMAIL ? typed.substring(0, Users.MAX_EMAIL) : typed;
    }

    @EventListener
    @Transactional
    void failed(AbstractAuthenticationFailureEvent event) {
        String typed = String.valueOf(event.getAuthentication().getName());
        var account = account(typed);
        Actor actor = account.map(user -> new Actor(user.id(), user.agencyId())).orElse(null);
        events.publishEvent(new SignInFailed(actor, actor == null ? unknownEmail(UserAccount.normaliseEmail(typed)) : null));
        if (event instanceof AuthenticationFailureBadCredentialsEvent && account.isPresent()) {
            UserAccount user = account.get();
            boolean lockedNow = user.recordFailedSignIn(clock.instant());
            users.save(user);
            if (lockedNow) {
                events.publishEvent(new AccountLocked(actor));
            }
        }
    }
}
