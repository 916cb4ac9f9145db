package org.waymark.referral;

public enum DecisionResult {
    POSITIVE,
    NEGATIVE
}
