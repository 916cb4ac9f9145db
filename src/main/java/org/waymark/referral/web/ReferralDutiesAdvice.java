package org.waymark.referral.web;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.identity.WaymarkUser;
import org.waymark.referral.OwedReferrals;
import org.waymark.shared.PageController;

/**
 * Gives every page the referrals owed ({@code referralDuties}), so that the operation and check
 * pages can say what is owed without their modules knowing of this one. Nothing is read until a
 * template asks.
 */
@ControllerAdvice(annotations = PageController.class)
@RequiredArgsConstructor
class ReferralDutiesAdvice {

    private final OwedReferrals owed;

    @ModelAttribute("referralDuties")
    ReferralDuties referralDuties(@AuthenticationPrincipal WaymarkUser user) {
        return new ReferralDuties(owed, user);
    }
}
