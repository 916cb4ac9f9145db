package org.waymark.referral;

/** Reasonable grounds (due within 5 working days of the referral), then conclusive grounds. */
public enum DecisionType {
    RG,
    CG
}
