package org.waymark.identity;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.waymark.shared.UserId;

/** A bearer token for the JSON API. Only a hash of the token is kept. */
class ApiToken {

    @Id
    private final UUID id;
    private final UUID userId;
    private final String label;
    /** SHA-256 of the token, in hex. */
    private final String tokenHash;
    private final Instant createdAt;
    private final Instant expiresAt;
    /** Set when the owner revoked the token; it no longer works from then on. */
    private Instant revokedAt;
    /** When the token was last used, recorded at most hourly; null until it is first used. */
    private Instant lastUsedAt;
    /**
     * Whether it was issued after a second factor; one issued with a password alone is refused
     * while two-factor sign-in is required.
     */
    private final boolean secondFactor;
    @Version
    private Long version;

    ApiToken(UUID id, UUID userId, String label, String tokenHash, Instant createdAt, Instant expiresAt,
            Instant revokedAt, Instant lastUsedAt, boolean secondFactor, Long version) {
        this.id = id;
        this.userId = userId;
        this.label = label;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
        this.lastUsedAt = lastUsedAt;
        this.secondFactor = secondFactor;
        this.version = version;
    }

    static ApiToken issue(UserId user, String label, String tokenHash, Instant now, Instant expiresAt,
            boolean secondFactor) {
        return new ApiToken(UUID.randomUUID(), user.value(), label, tokenHash, now, expiresAt, null, null,
                secondFactor, null);
    }

    boolean usable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Revokes the token; returns false when it no longer worked anyway (revoked or expired). */
    boolean revoke(Instant now) {
        if (!usable(now)) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    UUID id() {
        return id;
    }

    UserId userId() {
        return new UserId(userId);
    }

    /** The token as its owner sees it, {@code secondFactorRequired} saying whether two-factor sign-in is on. */
    ApiTokenSummary summary(Instant now, boolean secondFactorRequired) {
        boolean needsSecondFactor = usable(now) && secondFactorRequired && !secondFactor;
        return new ApiTokenSummary(id, label, createdAt, expiresAt, revokedAt, lastUsedAt,
                usable(now) && !needsSecondFactor, needsSecondFactor);
    }
}
