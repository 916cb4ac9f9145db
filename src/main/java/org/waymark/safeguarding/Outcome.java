package org.waymark.safeguarding;

/** What came of a check; a check closes with one or more. */
public enum Outcome {
    NO_FURTHER_ACTION,
    SAFEGUARDING_ADVICE,
    NRM_REFERRAL,
    DUTY_TO_NOTIFY,
    CHILD_SAFEGUARDING_REFERRAL,
    CRIME_REPORTED,
    INTELLIGENCE_SUBMITTED,
    DECLINED_TO_ENGAGE;

    /** Something done that "no further action" would contradict: a referral, a report, intelligence. */
    public boolean isAction() {
        return this == NRM_REFERRAL || this == DUTY_TO_NOTIFY || this == CHILD_SAFEGUARDING_REFERRAL
                || this == CRIME_REPORTED || this == INTELLIGENCE_SUBMITTED;
    }
}
