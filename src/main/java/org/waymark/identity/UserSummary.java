package org.waymark.identity;

import java.time.Instant;
import java.util.Set;

import org.waymark.shared.AgencyId;
import org.waymark.shared.UserId;

/**
 * A user account as pages and the API show it.
 *
 * @param lockedUntil null unless the account is locked now
 * @param lastSignInAt the last sign-in or use of an API token; null if the user never signed in
 * @param unused whether the account is active but has not been used for the configured time
 * @param phone the number the user is called on, as they gave it on their account; null if they gave none
 * @param provider the configured name of the identity provider that signs the user in; null for a local account
 * @param awaitingApproval whether the account was made at a first sign-in with a provider and waits for an
 *        administrator to approve it
 */
public record UserSummary(UserId id, String name, String email, AgencyId agencyId, Set<Role> roles, boolean active,
        Instant lockedUntil, Instant lastSignInAt, boolean unused, String phone, String provider,
        boolean awaitingApproval) {
}
