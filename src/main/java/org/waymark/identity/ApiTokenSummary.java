package org.waymark.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A token as its owner and administrators see it: never the token itself.
 *
 * @param lastUsedAt when the token was last used, to the hour; null if it never was
 * @param usable whether a call made with it now is let in
 * @param needsSecondFactor whether it is neither revoked nor expired but refused, because it was
 *        issued with a password alone and two-factor sign-in is now required; it can still be revoked
 */
public record ApiTokenSummary(UUID id, String label, Instant createdAt, Instant expiresAt, Instant revokedAt,
        Instant lastUsedAt, boolean usable, boolean needsSecondFactor) {

    /** Whether revoking it changes anything: it is neither revoked nor expired. */
    public boolean revocable() {
        return usable || needsSecondFactor;
    }
}
