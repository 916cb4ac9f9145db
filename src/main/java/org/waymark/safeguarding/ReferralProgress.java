package org.waymark.safeguarding;

import java.util.Optional;
import java.util.UUID;

/**
 * How far the referral of a check has gone, for the check's list of tasks and its outcome: the
 * referral module knows, and answers without reading anyone's details.
 */
public interface ReferralProgress {

    Stage of(UUID checkId);

    /**
     * The outcome that a referral in force from the check already stands for, so that the
     * check's outcome cannot say otherwise: an NRM referral (a child, or an adult who consented)
     * or a Duty to Notify (an adult who declined).
     */
    Optional<Outcome> outcomeCalledFor(UUID checkId);

    enum Stage {
        /** No referral was started from the check, or those started were set aside. */
        NONE,
        /** A referral is being prepared: its package may still change. */
        STARTED,
        /** A referral was submitted to the Home Office. */
        SUBMITTED
    }
}
