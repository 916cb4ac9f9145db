package org.waymark.referral;

/** An NRM referral (a child, or an adult who consents), or a Duty to Notify (an adult who does not). */
public enum ReferralKind {
    NRM,
    DUTY_TO_NOTIFY
}
