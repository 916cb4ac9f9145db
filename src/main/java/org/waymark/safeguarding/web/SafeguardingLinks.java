package org.waymark.safeguarding.web;

import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.shared.OperationId;

/**
 * What other modules' pages ask of enhanced checks, answered only when a template asks: whether
 * to link to an operation's checks, and how many support requests wait in the header.
 */
final class SafeguardingLinks {

    private final Checks checks;
    private final SupportRequests requests;
    private final WaymarkUser user;

    SafeguardingLinks(Checks checks, SupportRequests requests, WaymarkUser user) {
        this.checks = checks;
        this.requests = requests;
        this.user = user;
    }

    /** Whether the user may start and see checks in the operation. */
    public boolean mayRecordChecks(OperationId operation) {
        return user != null && operation != null && checks.mayRecord(operation, user);
    }

    /** Support requests to the user's agency that nobody has acknowledged yet. */
    public long requestsWaiting() {
        return user == null ? 0 : requests.waitingFor(user);
    }
}
