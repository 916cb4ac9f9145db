package org.waymark.safeguarding;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationStatus;
import org.waymark.operation.Operations;
import org.waymark.shared.OperationId;

import java.util.Optional;

/**
 * Who may see what of a check. Officers and coordinators of first-responder agencies taking
 * part in the operation see and record whole checks; users of a partner agency asked for
 * support see the partner's view of that check; analysts and administrators see none.
 */
@Component
@RequiredArgsConstructor
class CheckAccess {

    private final Operations operations;
    private final Agencies agencies;
    private final SupportRequestRepository requests;

    /** The operation's status when the user may record checks in it. */
    Optional<OperationStatus> recordsIn(OperationId operation, WaymarkUser user) {
        if (!fieldWorker(user) || !firstResponder(user)) {
            return Optional.empty();
        }
        return operations.statusForParticipant(operation, user.agencyId());
    }

    /** Whether the user may know that the operation exists: their agency takes part, or they administer. */
    boolean knowsOf(OperationId operation, WaymarkUser user) {
        return user.hasRole(Role.ADMIN) || operations.statusForParticipant(operation, user.agencyId()).isPresent();
    }

    CheckEntitlement of(EnhancedCheck check, WaymarkUser user) {
        if (recordsIn(check.operationId(), user).isPresent()) {
            return CheckEntitlement.FULL;
        }
        if (partnerWorker(user) && requests.existsByCheckIdAndAgencyId(check.id(), user.agencyId().value())) {
            return CheckEntitlement.PARTNER;
        }
        return CheckEntitlement.NONE;
    }

    /** Users of a partner agency who answer its support requests. */
    static boolean partnerWorker(WaymarkUser user) {
        return user.hasRole(Role.PARTNER) || fieldWorker(user);
    }

    private static boolean fieldWorker(WaymarkUser user) {
        return user.hasRole(Role.OFFICER) || user.hasRole(Role.COORDINATOR);
    }

    private boolean firstResponder(WaymarkUser user) {
        return agencies.find(user.agencyId()).map(AgencySummary::firstResponder).orElse(false);
    }
}
