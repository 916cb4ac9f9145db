package org.waymark.identity;

import java.time.Instant;
import java.util.Set;

import org.waymark.shared.AgencyId;
import org.waymark.shared.UserId;

/** A user account as pages and the API show it. {@code lockedUntil} is null unless locked now. */
public record UserSummary(UserId id, String name, String email, AgencyId agencyId, Set<Role> roles, boolean active,
        Instant lockedUntil) {
}
