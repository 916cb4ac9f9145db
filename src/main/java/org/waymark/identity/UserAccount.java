package org.waymark.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.waymark.shared.AgencyId;
import org.waymark.shared.UserId;

/** A member of staff who signs in to Waymark. */
class UserAccount {

    static final int MAX_NAME = 120;
    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCK_OUT = Duration.ofMinutes(15);

    @Id
    private final UUID id;
    private String name;
    /** Lower case, so that sign-in and the uniqueness check ignore case. */
    private String email;
    private UUID agencyId;
    /** Null for an account that signs in with its provider only. */
    private String passwordHash;
    /** Inactive accounts cannot sign in or use their tokens; they are kept for the audit trail. */
    private boolean active;
    /** Failed sign-ins since the last success or lock-out. */
    private int failedAttempts;
    /** Set when too many sign-ins failed; the account opens again after this time. */
    private Instant lockedUntil;
    private final Instant createdAt;
    /** The last sign-in with a password, or use of an API token; null until the first. */
    private Instant lastSignInAt;
    /** The number the member of staff is called on, as they gave it; null until they do. */
    private String phone;
    /** The identity provider that signs this account in (its configured name); null for a local account. */
    private String provider;
    /** Who the provider says this is: its {@code sub} claim, or {@code client:} and a machine client's id. */
    private String providerSubject;
    /** Made at a first sign-in with a provider that needs an administrator's approval, not yet given. */
    private boolean awaitingApproval;
    @MappedCollection(idColumn = "user_account_id")
    private Set<RoleGrant> roles;
    @Version
    private Long version;

    UserAccount(UUID id, String name, String email, UUID agencyId, String passwordHash, boolean active,
            int failedAttempts, Instant lockedUntil, Instant createdAt, Instant lastSignInAt, String phone,
            String provider, String providerSubject, boolean awaitingApproval, Set<RoleGrant> roles, Long version) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.agencyId = agencyId;
        this.passwordHash = passwordHash;
        this.active = active;
        this.failedAttempts = failedAttempts;
        this.lockedUntil = lockedUntil;
        this.createdAt = createdAt;
        this.lastSignInAt = lastSignInAt;
        this.phone = phone;
        this.provider = provider;
        this.providerSubject = providerSubject;
        this.awaitingApproval = awaitingApproval;
        this.roles = roles;
        this.version = version;
    }

    static UserAccount create(String name, String email, AgencyId agency, Set<Role> roles, String passwordHash,
            Instant now) {
        UserAccount user = new UserAccount(UUID.randomUUID(), null, null, null, passwordHash, true, 0, null, now,
                null, null, null, null, false, Set.of(), null);
        user.change(name, email, agency, roles);
        return user;
    }

    /**
     * An account made at the first sign-in with a provider (or first call of its machine client):
     * no password; inactive until an administrator approves it where the provider needs that.
     */
    static UserAccount fromProvider(String name, String email, AgencyId agency, Set<Role> roles, String provider,
            String subject, boolean needsApproval, Instant now) {
        UserAccount user = new UserAccount(UUID.randomUUID(), null, null, null, null, !needsApproval, 0, null, now,
                null, null, provider, subject, needsApproval, Set.of(), null);
        user.change(name, email, agency, roles);
        return user;
    }

    /**
     * Links a local account to the provider that signs its person in from now on. Its password
     * goes: a person the provider disables must not still sign in with it.
     */
    void linkTo(String provider, String subject) {
        this.provider = provider;
        this.providerSubject = subject;
        this.passwordHash = null;
    }

    String provider() {
        return provider;
    }

    Instant lastSignInAt() {
        return lastSignInAt;
    }

    boolean awaitingApproval() {
        return awaitingApproval;
    }

    /** What the provider says of the person now: their name, email, agency and roles. */
    void follow(String name, String email, AgencyId agency, Set<Role> roles) {
        change(name, email, agency, roles);
    }

    static String normaliseEmail(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    void change(String name, String email, AgencyId agency, Set<Role> roles) {
        this.name = name.strip();
        this.email = normaliseEmail(email);
        this.agencyId = agency.value();
        this.roles = roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
    }

    void changePhone(String phone) {
        this.phone = phone;
    }

    void deactivate() {
        this.active = false;
    }

    void reactivate() {
        this.active = true;
        this.awaitingApproval = false;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a failed sign-in; returns true when this failure locked the account. */
    boolean recordFailedSignIn(Instant now) {
        if (isLocked(now)) {
            return false;
        }
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            failedAttempts = 0;
            lockedUntil = now.plus(LOCK_OUT);
            return true;
        }
        return false;
    }

    /** Locks the account for 15 minutes at once, as after too many wrong codes of the second factor. */
    void lockOut(Instant now) {
        failedAttempts = 0;
        lockedUntil = now.plus(LOCK_OUT);
    }

    /** A new password set by an administrator; it also ends any lock-out. */
    void resetPassword(String newHash) {
        this.passwordHash = newHash;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    void recordSuccessfulSignIn(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastSignInAt = now;
    }

    /**
     * Whether an active account has gone unused for {@code unusedAfter}: no sign-in and no token
     * use in that time, counted from its creation when it was never used. Deactivated accounts
     * are not flagged: nobody can use them anyway.
     */
    boolean unused(Instant now, Duration unusedAfter) {
        Instant lastUse = lastSignInAt != null ? lastSignInAt : createdAt;
        return active && !lastUse.plus(unusedAfter).isAfter(now);
    }

    UserId id() {
        return new UserId(id);
    }

    AgencyId agencyId() {
        return new AgencyId(agencyId);
    }

    boolean active() {
        return active;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    Set<Role> roles() {
        Set<Role> result = EnumSet.noneOf(Role.class);
        roles.forEach(grant -> result.add(grant.role()));
        return result;
    }

    UserSummary summary(Instant now, Duration unusedAfter) {
        return new UserSummary(id(), name, email, agencyId(), roles(), active, isLocked(now) ? lockedUntil : null,
                lastSignInAt, unused(now, unusedAfter), phone, provider, awaitingApproval);
    }

    WaymarkUser principal(Instant now) {
        return new WaymarkUser(id(), agencyId(), name, email, roles(), passwordHash, active, !isLocked(now), provider);
    }

    @Table("user_account_role")
    record RoleGrant(Role role) {
    }
}
