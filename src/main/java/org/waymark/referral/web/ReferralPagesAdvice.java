package org.waymark.referral.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.referral.DecisionResult;
import org.waymark.referral.DecisionType;

/** What the referral pages share: the choices of the decision form, shown on several pages. */
@ControllerAdvice(basePackageClasses = ReferralPagesAdvice.class)
class ReferralPagesAdvice {

    @ModelAttribute("decisionTypes")
    DecisionType[] decisionTypes() {
        return DecisionType.values();
    }

    @ModelAttribute("decisionResults")
    DecisionResult[] decisionResults() {
        return DecisionResult.values();
    }
}
