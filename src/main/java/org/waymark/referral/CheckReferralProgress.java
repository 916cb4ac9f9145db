package org.waymark.referral;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.safeguarding.ReferralProgress;

/** Tells the check's page how far its referral has gone, from the referrals' status alone. */
@Component
@RequiredArgsConstructor
class CheckReferralProgress implements ReferralProgress {

    private final ReferralRepository referrals;

    @Override
    @Transactional(readOnly = true)
    public Stage of(UUID checkId) {
        List<Referral> found = referrals.findByCheckIdOrderByCreatedAt(checkId);
        if (found.stream().anyMatch(referral -> referral.submittedAt() != null)) {
            return Stage.SUBMITTED;
        }
        return found.stream().anyMatch(referral -> referral.status().inForce()) ? Stage.STARTED : Stage.NONE;
    }
}
