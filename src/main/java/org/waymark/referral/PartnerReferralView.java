package org.waymark.referral;

import java.util.List;
import java.util.UUID;

/**
 * What a partner asked for support sees of a referral: that it exists, where it stands, and
 * what their own agency added to the person's account. Never the package itself.
 */
public record PartnerReferralView(UUID id, UUID checkId, ReferralKind kind, ReferralStatus status,
        List<ReferralView.Addition> ownAdditions, boolean mayAdd) implements ShownReferral {

    public String view() {
        return "PARTNER_VIEW";
    }
}
