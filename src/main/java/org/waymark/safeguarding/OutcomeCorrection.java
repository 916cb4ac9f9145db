package org.waymark.safeguarding;

/** Why a closed check's outcome was corrected; the correction is kept with who made it and when. */
public enum OutcomeCorrection {
    /**
     * The outcome said NRM referral, but the adult did not consent to one: public authorities
     * must then tell the Home Office through a Duty to Notify, so that becomes the outcome. A
     * child is referred without consent, so a child's outcome is never corrected so.
     */
    NRM_CONSENT_DECLINED
}
