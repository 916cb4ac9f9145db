package org.waymark.identity;

import java.util.Map;
import java.util.Set;

import org.waymark.shared.AgencyId;

/**
 * An identity provider's mapping as administrators see and change it.
 *
 * @param name the provider's configured name, as in {@code WAYMARK_OIDC_<NAME>_ISSUER}
 * @param label the provider's name for people, such as Essex Police
 * @param agencyId the agency of the people it signs in and of its machine clients; null until mapped
 * @param groupsClaim the claim of its ID tokens that lists a person's groups or roles
 * @param needsApproval whether a person's first sign-in makes an account that waits for approval
 * @param required whether the agency's people must sign in with it (their passwords no longer work)
 * @param people the values of the groups claim that give each role
 * @param clients the scopes of its machine clients' tokens that give each role
 */
public record ProviderMappingView(String name, String label, AgencyId agencyId, String groupsClaim,
        boolean needsApproval, boolean required, Map<Role, Set<String>> people, Map<Role, Set<String>> clients) {

    public boolean mapped() {
        return agencyId != null;
    }
}
