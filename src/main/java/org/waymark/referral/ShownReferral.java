package org.waymark.referral;

/** A referral as its reader may see it: the whole of it, or a partner's part. */
public sealed interface ShownReferral permits ReferralView, PartnerReferralView {

    /** {@code FULL} or {@code PARTNER_VIEW}. */
    String view();
}
