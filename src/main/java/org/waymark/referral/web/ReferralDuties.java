package org.waymark.referral.web;

import java.util.List;

import org.waymark.identity.WaymarkUser;
import org.waymark.referral.OwedReferral;
import org.waymark.referral.OwedReferrals;
import org.waymark.safeguarding.CheckView;
import org.waymark.shared.OperationId;

/**
 * What other modules' pages show of the referrals owed, answered only when a template asks: the
 * operation page's list, and the notice on a closed check's page.
 */
final class ReferralDuties {

    private final OwedReferrals owed;
    private final WaymarkUser user;

    ReferralDuties(OwedReferrals owed, WaymarkUser user) {
        this.owed = owed;
        this.user = user;
    }

    /** The referrals the operation owes, as the user may see them: none unless they record its checks. */
    public List<OwedReferral> inOperation(OperationId operation) {
        return user == null || operation == null ? List.of() : owed.ofOperation(operation, user);
    }

    /** The referral the check owes, or null. */
    public OwedReferral ofCheck(CheckView check) {
        return user == null || check == null ? null : owed.ofCheck(check, user).orElse(null);
    }
}
