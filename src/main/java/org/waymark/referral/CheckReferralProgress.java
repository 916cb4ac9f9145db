package org.waymark.referral;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.ReferralProgress;

/** Tells the check how far its referral has gone, and what it stands for, from the referrals alone. */
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

    @Override
    @Transactional(readOnly = true)
    public Optional<Outcome> outcomeCalledFor(UUID checkId) {
        return referrals.findByCheckIdOrderByCreatedAt(checkId).stream()
                .filter(referral -> referral.status().inForce() || referral.submittedAt() != null)
                .reduce((first, latest) -> latest)
                .map(referral -> referral.kind() == ReferralKind.NRM ? Outcome.NRM_REFERRAL : Outcome.DUTY_TO_NOTIFY);
    }
}
