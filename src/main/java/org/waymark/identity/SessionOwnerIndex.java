package org.waymark.identity;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Files each stored web session under the id of the user signed in to it, so that a user's
 * sessions can be found whatever their email address is now, and the sessions table holds no
 * email addresses.
 */
@Component
class SessionOwnerIndex implements IndexResolver<Session> {

    @Override
    public Map<String, String> resolveIndexesFor(Session session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext security) {
            Authentication authentication = security.getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof WaymarkUser user) {
                return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, user.id().toString());
            }
        }
        return Map.of();
    }
}
