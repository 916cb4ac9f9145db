package org.waymark.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A token as its owner and administrators see it: never the token itself.
 *
 * @param lastUsedAt when the token was last used, to the hour; null if it never was
 */
public record ApiTokenSummary(UUID id, String label, Instant createdAt, Instant expiresAt, Instant revokedAt,
        Instant lastUsedAt, boolean usable) {
}
