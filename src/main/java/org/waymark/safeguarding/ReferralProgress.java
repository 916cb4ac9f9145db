package org.waymark.safeguarding;

import java.util.UUID;

/**
 * How far the referral of a check has gone, for the check's list of tasks: the referral module
 * knows, and answers without reading anyone's details.
 */
public interface ReferralProgress {

    Stage of(UUID checkId);

    enum Stage {
        /** No referral was started from the check, or those started were set aside. */
        NONE,
        /** A referral is being prepared: its package may still change. */
        STARTED,
        /** A referral was submitted to the Home Office. */
        SUBMITTED
    }
}
