package org.waymark.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.IdentityEvents.PassengerDataAccessGiven;
import org.waymark.identity.IdentityEvents.PassengerDataAccessRemoved;
import org.waymark.identity.IdentityEvents.PasswordChangeFailed;
import org.waymark.identity.IdentityEvents.PasswordChanged;
import org.waymark.identity.IdentityEvents.PasswordReset;
import org.waymark.identity.IdentityEvents.UserApproved;
import org.waymark.identity.IdentityEvents.UserCreated;
import org.waymark.identity.IdentityEvents.UserDeactivated;
import org.waymark.identity.IdentityEvents.UserUpdated;
import org.waymark.shared.Actor;
import org.waymark.shared.AgencyId;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

/**
 * Adds, changes, deactivates and lists staff user accounts, and flags those that nobody has
 * used for a while: flagged only, as an administrator knows whether someone is on leave.
 */
@Service
@Transactional
public class Users {

    /** The longest email address the standard allows (RFC 5321). */
    public static final int MAX_EMAIL = 254;
    /** The longest phone number an account, or anything that offers a number to call, holds. */
    public static final int MAX_PHONE = 40;
    /** Digits, spaces, brackets and dashes, with a + in front for an international number. */
    /**
     * The longest reason an administrator gives for passenger data access: the whole of it fits
     * the detail of the audit entry that records it.
     */
    public static final int MAX_PASSENGER_DATA_REASON = 300;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{5," + (MAX_PHONE - 1) + "}");

    private final UserAccountRepository users;
    private final AgencyRepository agencies;
    private final PasswordEncoder passwordEncoder;
    private final ApiTokens tokens;
    private final WebSessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TwoFactor twoFactor;
    private final Duration unusedAfter;

    Users(UserAccountRepository users, AgencyRepository agencies, PasswordEncoder passwordEncoder, ApiTokens tokens,
            WebSessions sessions, ApplicationEventPublisher events, Clock clock, TwoFactor twoFactor,
            @Value("${waymark.accounts.unused-after:90d}") Duration unusedAfter) {
        if (unusedAfter.isNegative() || unusedAfter.isZero()) {
            throw new IllegalArgumentException("waymark.accounts.unused-after must be a positive duration, like 90d");
        }
        this.users = users;
        this.agencies = agencies;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
        this.twoFactor = twoFactor;
        this.unusedAfter = unusedAfter;
    }

    /** How long an account may go without a sign-in or token use before it is flagged as unused. */
    public Duration unusedAfter() {
        return unusedAfter;
    }

    /** A new account and, when no password was chosen, the one Waymark generated (shown once). */
    public record CreatedUser(UserSummary user, String generatedPassword) {
    }

    public CreatedUser create(String name, String email, AgencyId agency, Set<Role> roles, String password,
            Actor actor) {
        return create(name, email, agency, roles, password, null, actor);
    }

    /**
     * A new account. With {@link Role#PASSENGER_DATA}, the administrator says why the user needs
     * it and who authorised it ({@code passengerDataReason}), which the audit log records; the
     * reason is asked for then only, and ignored otherwise.
     */
    public CreatedUser create(String name, String email, AgencyId agency, Set<Role> roles, String password,
            String passengerDataReason, Actor actor) {
        boolean generated = password == null || password.isEmpty();
        String chosen = generated ? PasswordPolicy.generate() : password;
        PasswordPolicy.check(chosen, "password");
        checkNameAndEmail(name, email);
        checkAgencyAndRoles(agency, roles);
        String reason = passengerDataReason(roles, Set.of(), passengerDataReason);
        if (users.existsByEmail(UserAccount.normaliseEmail(email))) {
            throw new ConflictException("user.email.taken", "email");
        }
        UserAccount user = users.save(
                UserAccount.create(name, email, agency, roles, passwordEncoder.encode(chosen), clock.instant()));
        events.publishEvent(new UserCreated(user.id(), actor));
        if (reason != null) {
            events.publishEvent(new PassengerDataAccessGiven(user.id(), reason, actor));
        }
        return new CreatedUser(summary(user), generated ? chosen : null);
    }

    public UserSummary update(UserId id, String name, String email, AgencyId agency, Set<Role> roles, Actor actor) {
        return update(id, name, email, agency, roles, null, actor);
    }

    /**
     * Changes the account. Adding {@link Role#PASSENGER_DATA} needs the reason, as when creating
     * the user; taking it away is recorded in the audit log too.
     */
    public UserSummary update(UserId id, String name, String email, AgencyId agency, Set<Role> roles,
            String passengerDataReason, Actor actor) {
        UserAccount user = load(id);
        checkNameAndEmail(name, email);
        checkAgencyAndRoles(agency, roles);
        Set<Role> before = user.roles();
        String reason = passengerDataReason(roles, before, passengerDataReason);
        users.findByEmail(UserAccount.normaliseEmail(email)).filter(other -> !other.id().equals(id))
                .ifPresent(other -> {
                    throw new ConflictException("user.email.taken", "email");
                });
        if (id.equals(actor.userId()) && user.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            throw new RuleViolationException("user.ownAdminRole", "roles");
        }
        user.change(name, email, agency, roles);
        users.save(user);
        events.publishEvent(new UserUpdated(id, actor));
        if (reason != null) {
            events.publishEvent(new PassengerDataAccessGiven(id, reason, actor));
        } else if (before.contains(Role.PASSENGER_DATA) && !roles.contains(Role.PASSENGER_DATA)) {
            events.publishEvent(new PassengerDataAccessRemoved(id, actor));
        }
        return summary(user);
    }

    /**
     * The number the user is called on: by partners they ask for support, and by officers whose
     * call reached nobody. Blank takes it off the account.
     */
    public UserSummary changePhone(UserId id, String phone, Actor actor) {
        UserAccount user = load(id);
        String typed = PlainText.typed(phone);
        if (typed != null && !isPhoneNumber(typed)) {
            throw new RuleViolationException("user.phone.invalid", "phone");
        }
        user.changePhone(typed);
        users.save(user);
        events.publishEvent(new UserUpdated(id, actor));
        return summary(user);
    }

    /** Whether the text (typed, without spaces around it) is a phone number one can tap to call. */
    public static boolean isPhoneNumber(String text) {
        return text != null && PHONE.matcher(text).matches();
    }

    /**
     * Deactivates the account and, in the same transaction, revokes all its API tokens and ends
     * all its web sessions: the user's very next request with either is refused. Reactivating
     * the account later does not bring them back.
     */
    public UserSummary deactivate(UserId id, Actor actor) {
        if (id.equals(actor.userId())) {
            throw new RuleViolationException("user.deactivateSelf", null);
        }
        UserAccount user = load(id);
        user.deactivate();
        users.save(user);
        events.publishEvent(new UserDeactivated(id, actor));
        tokens.revokeAll(id, actor);
        sessions.endAll(id, null, actor);
        return summary(user);
    }

    /**
     * Opens the account again, also ending a lock-out; for an account made at a first sign-in
     * with a provider, this is the administrator's approval.
     */
    public UserSummary reactivate(UserId id, Actor actor) {
        UserAccount user = load(id);
        boolean approval = user.awaitingApproval();
        user.reactivate();
        users.save(user);
        events.publishEvent(approval ? new UserApproved(id, actor) : new UserUpdated(id, actor));
        return summary(user);
    }

    /**
     * An administrator gives the user a new password, which Waymark makes and shows once. It ends
     * any lock-out and takes away the user's authenticator app and recovery codes, so that they
     * set up two-factor sign-in again at their next sign-in. As the account may have been in
     * someone else's hands, its API tokens are revoked and its sessions ended too. Administrators
     * change their own password on their account page.
     */
    public CreatedUser resetPassword(UserId id, Actor actor) {
        if (id.equals(actor.userId())) {
            throw new RuleViolationException("user.resetOwnPassword", null);
        }
        UserAccount user = load(id);
        if (user.provider() != null) {
            throw new RuleViolationException("user.resetPassword.provider", null);
        }
        String password = PasswordPolicy.generate();
        user.resetPassword(passwordEncoder.encode(password));
        users.save(user);
        events.publishEvent(new PasswordReset(id, actor));
        twoFactor.remove(id, actor);
        tokens.revokeAll(id, actor);
        sessions.endAll(id, null, actor);
        return new CreatedUser(summary(user), password);
    }

    /**
     * Changes the user's own password. Wrong current passwords count towards the lock-out like
     * failed sign-ins, so that a session left open cannot be used to guess it.
     */
    @Transactional(noRollbackFor = RuleViolationException.class)
    public void changePassword(UserId id, String currentPassword, String newPassword) {
        UserAccount user = load(id);
        Actor self = new Actor(id, user.agencyId());
        if (user.passwordHash() == null) {
            throw new RuleViolationException("password.provider", "currentPassword");
        }
        if (user.isLocked(clock.instant())) {
            throw new RuleViolationException("password.locked", "currentPassword");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            boolean lockedNow = user.recordFailedSignIn(clock.instant());
            users.save(user);
            events.publishEvent(new PasswordChangeFailed(id, self));
            if (lockedNow) {
                events.publishEvent(new IdentityEvents.AccountLocked(self));
            }
            throw new RuleViolationException("password.currentWrong", "currentPassword");
        }
        PasswordPolicy.check(newPassword, "newPassword");
        user.changePassword(passwordEncoder.encode(newPassword));
        users.save(user);
        events.publishEvent(new PasswordChanged(id, self));
    }

    @Transactional(readOnly = true)
    public List<UserSummary> all() {
        return users.findAllByOrderByName().stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> find(UserId id) {
        return users.findById(id.value()).map(user -> summary(user));
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return users.count() > 0;
    }

    /**
     * The user as they are now, if their account is still active: sessions and tokens are checked
     * against it on each request. A lock-out stops new sign-ins only, so that somebody typing
     * wrong passwords cannot throw a colleague out of their session.
     */
    @Transactional(readOnly = true)
    public Optional<WaymarkUser> current(UserId id) {
        return users.findById(id.value()).filter(UserAccount::active)
                .map(user -> user.principal(clock.instant()));
    }

    private static void checkNameAndEmail(String name, String email) {
        PlainText.check(name, UserAccount.MAX_NAME, "user.name.tooLong", "name");
        PlainText.check(UserAccount.normaliseEmail(email), MAX_EMAIL, "user.email.invalid", "email");
    }

    private void checkAgencyAndRoles(AgencyId agency, Set<Role> roles) {
        if (agency == null || !agencies.existsById(agency.value())) {
            throw new RuleViolationException("user.agency.unknown", "agencyId");
        }
        if (roles == null || roles.isEmpty()) {
            throw new RuleViolationException("user.roles.required", "roles");
        }
        if (roles.contains(Role.CARRIER_GATEWAY) && roles.size() > 1) {
            throw new RuleViolationException("user.roles.carrierGatewayAlone", "roles");
        }
    }

    /**
     * The reason for passenger data access, when the roles give it to a user who did not hold it
     * (as typed, without the spaces around it); null when they do not, whatever was typed.
     */
    private static String passengerDataReason(Set<Role> roles, Set<Role> before, String typed) {
        if (!roles.contains(Role.PASSENGER_DATA) || before.contains(Role.PASSENGER_DATA)) {
            return null;
        }
        String reason = PlainText.typed(typed);
        if (reason == null) {
            throw new RuleViolationException("user.passengerDataReason.required", "passengerDataReason");
        }
        PlainText.check(reason, MAX_PASSENGER_DATA_REASON, "user.passengerDataReason.tooLong",
                "passengerDataReason");
        return reason;
    }

    private UserSummary summary(UserAccount user) {
        return user.summary(clock.instant(), unusedAfter);
    }

    private UserAccount load(UserId id) {
        return users.findById(id.value()).orElseThrow(() -> new NotFoundException("user", id));
    }
}
