package org.waymark.safeguarding.web;

import java.util.List;

import org.waymark.identity.WaymarkUser;
import org.springframework.security.access.AccessDeniedException;
import org.waymark.safeguarding.CheckSummary;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.ResponseTimes;
import org.waymark.safeguarding.SupportRequestView;
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

    /** How fast help came in the operation, or null where the user may not see it or nothing was asked. */
    public ResponseTimes responseTimes(OperationId operation) {
        if (user == null || operation == null) {
            return null;
        }
        try {
            ResponseTimes times = requests.responseTimes(operation, user);
            return times.requests().isEmpty() ? null : times;
        } catch (AccessDeniedException e) {
            return null;
        }
    }

    /** The user's open checks in the operation, for their shift; none where they record no checks. */
    public List<CheckSummary> myOpenChecks(OperationId operation) {
        return mayRecordChecks(operation) ? checks.openOf(operation, user) : List.of();
    }

    /** The support the user asked for in the operation, for their shift. */
    public List<SupportRequestView> supportIAskedFor(OperationId operation) {
        return mayRecordChecks(operation) ? requests.askedBy(operation, user) : List.of();
    }

    /** Support requests to the user's agency that nobody has acknowledged yet. */
    public long requestsWaiting() {
        return user == null ? 0 : requests.waitingFor(user);
    }
}
