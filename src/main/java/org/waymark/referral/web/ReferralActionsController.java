package org.waymark.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.WaymarkUser;
import org.waymark.referral.PartnerReferralView;
import org.waymark.referral.ReferralView;
import org.waymark.referral.Referrals;
import org.waymark.referral.ShownReferral;
import org.waymark.referral.web.ReferralController.Missing;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;

/**
 * What moves a referral on: marking it submitted, recording the Home Office's decisions and
 * requests to reconsider them, consent withdrawn, and a partner's addition to the account. Each
 * form is on the referral's page; a mistake is shown on a page of the form's own, with the GOV.UK
 * error summary at its top.
 */
@PageController
@RequestMapping("/referrals/{id}")
@RequiredArgsConstructor
class ReferralActionsController {

    private final Referrals referrals;
    private final Clock clock;
    private final MessageSource messages;

    // Submission

    @GetMapping("/submission")
    String submissionForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        model.addAttribute("submission", ActionForms.Submission.now(clock));
        return actionPage("submission", referrals.readWhole(id, user), model);
    }

    /** A package that lacks what the form requires is refused, listing each thing it lacks. */
    @PostMapping("/submission")
    String submit(@PathVariable UUID id, @ModelAttribute("submission") ActionForms.Submission form,
            BindingResult errors, @AuthenticationPrincipal WaymarkUser user, Model model,
            RedirectAttributes redirect) {
        Instant at = form.at(errors);
        if (!errors.hasErrors()) {
            try {
                referrals.submit(id, form.getHomeOfficeReference(), at, user);
                return done(id, "referrals.submitted", redirect);
            } catch (UnprocessableException e) {
                errors.reject(e.messageCode());
                model.addAttribute("missingNow", missing(id, e.fields()));
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return actionPage("submission", referrals.readWhole(id, user), model);
    }

    // Decisions

    @GetMapping("/decisions")
    String decisionForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        ReferralView referral = referrals.readWhole(id, user);
        model.addAttribute("decision", ActionForms.Decision.awaiting(ReferralController.awaitedDecision(referral),
                clock));
        return actionPage("decision", referral, model);
    }

    @PostMapping("/decisions")
    String decide(@PathVariable UUID id, @ModelAttribute("decision") ActionForms.Decision form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        LocalDate day = form.day(errors);
        if (!errors.hasErrors()) {
            try {
                referrals.recordDecision(id, form.getType(), form.getResult(), day, user);
                return done(id, "referrals.decision.recorded", redirect);
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return actionPage("decision", referrals.readWhole(id, user), model);
    }

    // Reconsideration

    @GetMapping("/reconsideration")
    String reconsiderationForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        model.addAttribute("reconsideration", ActionForms.Reconsideration.today(clock));
        return actionPage("reconsideration", referrals.readWhole(id, user), model);
    }

    @PostMapping("/reconsideration")
    String reconsider(@PathVariable UUID id, @ModelAttribute("reconsideration") ActionForms.Reconsideration form,
            BindingResult errors, @AuthenticationPrincipal WaymarkUser user, Model model,
            RedirectAttributes redirect) {
        LocalDate day = form.day(errors);
        if (!errors.hasErrors()) {
            try {
                referrals.requestReconsideration(id, day, user);
                return done(id, "referrals.reconsideration.recorded", redirect);
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return actionPage("reconsideration", referrals.readWhole(id, user), model);
    }

    // Consent withdrawn

    /** A page to confirm: withdrawing consent cannot be undone. */
    @GetMapping("/withdrawal")
    String withdrawalForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        ReferralView referral = referrals.readWhole(id, user);
        if (!referral.mayWithdraw()) {
            return "redirect:/referrals/" + id;
        }
        return actionPage("withdrawal", referral, model);
    }

    @PostMapping("/withdrawal")
    String withdraw(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model,
            RedirectAttributes redirect) {
        try {
            referrals.withdrawConsent(id, null, user);
            return done(id, "referrals.withdrawn", redirect);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
            return "redirect:/referrals/" + id;
        }
    }

    // A draft set aside

    /** A page to confirm: a draft set aside stays on record but no longer changes. */
    @GetMapping("/discard")
    String discardForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        ReferralView referral = referrals.readWhole(id, user);
        if (!referral.editable()) {
            return "redirect:/referrals/" + id;
        }
        return actionPage("discard", referral, model);
    }

    @PostMapping("/discard")
    String discard(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        try {
            referrals.discard(id, user);
            return done(id, "referrals.discarded", redirect);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
            return "redirect:/referrals/" + id;
        }
    }

    // The person's account

    /** A partner asked for support adds to the account; the page shows their additions. */
    @PostMapping("/account")
    String addToAccount(@PathVariable UUID id, @ModelAttribute("addition") ActionForms.Addition form,
            BindingResult errors, @AuthenticationPrincipal WaymarkUser user, Model model,
            RedirectAttributes redirect) {
        if (form.check(errors)) {
            try {
                referrals.addToAccount(id, form.getText(), user);
                return done(id, "referrals.account.added", redirect);
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        ShownReferral shown = referrals.read(id, user);
        if (shown instanceof PartnerReferralView partner) {
            return ReferralController.partnerPage(partner, form, model);
        }
        return ReferralController.referralPage((ReferralView) shown, model, clock, messages);
    }

    /** The page of one action's form, which shows the mistakes made in it. */
    private String actionPage(String action, ReferralView referral, Model model) {
        model.addAttribute("action", action);
        model.addAttribute("titleCode", "referrals." + (action.equals("submission") ? "submit" : action) + ".title");
        model.addAttribute("failed", model.getAttribute(BindingResult.MODEL_KEY_PREFIX + action)
                instanceof BindingResult errors && errors.hasErrors());
        model.addAttribute("referral", referral);
        model.addAttribute("missing", ReferralController.missing(referral));
        return "referrals/action";
    }

    private static List<Missing> missing(UUID id, Map<String, String> fields) {
        List<Missing> links = new ArrayList<>();
        fields.forEach((field, code) -> links.add(new Missing(code, ReferralController.sectionLink(id, field))));
        return links;
    }

    private static String done(UUID id, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", message);
        return "redirect:/referrals/" + id;
    }
}
