package org.waymark.identity;

import java.time.Instant;
import java.util.UUID;

/** A token as its owner sees it on their account page: never the token itself. */
public record ApiTokenSummary(UUID id, String label, Instant createdAt, Instant expiresAt, Instant revokedAt,
        boolean usable) {
}
