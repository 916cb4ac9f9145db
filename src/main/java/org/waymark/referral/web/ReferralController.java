package org.waymark.referral.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.documents.DocumentMarks;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.referral.DecisionType;
import org.waymark.referral.OwedReferral;
import org.waymark.referral.OwedReferrals;
import org.waymark.referral.PackageDocument;
import org.waymark.referral.PartnerReferralView;
import org.waymark.referral.ReferralKind;
import org.waymark.referral.ReferralStatus;
import org.waymark.referral.ReferralSummary;
import org.waymark.referral.ReferralView;
import org.waymark.referral.Referrals;
import org.waymark.referral.Referrals.NewReferral;
import org.waymark.referral.ShownReferral;
import org.waymark.safeguarding.CheckEntitlement;
import org.waymark.safeguarding.CheckStatus;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Outcome;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/**
 * A check's referrals and the consent step that starts one, a referral's page (whole, or as a
 * partner asked for support may see it), its print view and PDF, and the coordinator's list.
 */
@PageController
@RequiredArgsConstructor
class ReferralController {

    private final Referrals referrals;
    private final OwedReferrals owedReferrals;
    private final Checks checks;
    private final Operations operations;
    private final Clock clock;
    private final MessageSource messages;
    private final DocumentMarks documentMarks;

    /** A link to the section of the package that lacks something the form requires. */
    record Missing(String messageCode, String href) {
    }

    /**
     * The check's referrals; to those who record the check, the form to start one when none is
     * in force. A partner asked for support sees the list, to reach their part of a referral.
     */
    @GetMapping("/checks/{checkId}/referral")
    String ofCheck(@PathVariable UUID checkId, @AuthenticationPrincipal WaymarkUser user, Model model) {
        List<ReferralSummary> found = referrals.ofCheck(checkId, user);
        if (checks.entitlement(checkId, user) != CheckEntitlement.FULL) {
            model.addAttribute("checkId", checkId);
            model.addAttribute("referrals", found);
            return "referrals/check";
        }
        CheckView check = checks.readWhole(checkId, user);
        model.addAttribute("form", StartReferralForm.fresh(user.name(), clock));
        return checkPage(check, found, model);
    }

    @PostMapping("/checks/{checkId}/referral")
    String start(@PathVariable UUID checkId, @ModelAttribute("form") StartReferralForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        CheckView check = checks.readWhole(checkId, user);
        boolean child = check.person().treatedAsChild();
        NewReferral request = form.toNewReferral(child, errors);
        if (request != null) {
            try {
                boolean correcting = Referrals.correctsOutcome(check);
                ReferralView started = referrals.start(checkId, request, user);
                redirect.addFlashAttribute("saved", started.kind() == ReferralKind.NRM ? "referrals.started.nrm"
                        : correcting ? "referrals.started.dutyToNotify.outcomeCorrected"
                                : "referrals.started.dutyToNotify");
                return "redirect:/referrals/" + started.id();
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return checkPage(check, referrals.ofCheck(checkId, user), model);
    }

    private String checkPage(CheckView check, List<ReferralSummary> found, Model model) {
        boolean inForce = found.stream().anyMatch(r -> r.status().inForce());
        String noRoute = inForce ? null : noRoute(check);
        model.addAttribute("check", check);
        model.addAttribute("checkId", check.id());
        model.addAttribute("operationName", operations.outline(check.operationId()).name());
        model.addAttribute("referrals", found);
        model.addAttribute("inForce", inForce);
        model.addAttribute("noRoute", noRoute);
        model.addAttribute("mayStart", !inForce && noRoute == null);
        model.addAttribute("routeNote", routeNote(check));
        model.addAttribute("child", check.person().treatedAsChild());
        model.addAttribute("languages", Choices.LANGUAGES);
        return "referrals/check";
    }

    /** Why no referral can be started from the check, said before any form; null when one can. */
    static String noRoute(CheckView check) {
        if (check.disposedAt() != null) {
            return "referrals.check.noRoute.disposed";
        }
        if (check.status() == CheckStatus.CLOSED && !check.outcomes().contains(Outcome.NRM_REFERRAL)
                && !check.outcomes().contains(Outcome.DUTY_TO_NOTIFY)) {
            return "referrals.check.noRoute.outcome";
        }
        return null;
    }

    /**
     * What the closed check's outcome means for an adult's consent step, said before the form:
     * declining corrects an NRM referral outcome to a Duty to Notify; a Duty to Notify outcome
     * takes no NRM referral. Null for an open check or a child, whose route is not in question.
     */
    static String routeNote(CheckView check) {
        if (Referrals.correctsOutcome(check)) {
            return "referrals.start.route.declineCorrects";
        }
        if (check.status() == CheckStatus.CLOSED && !check.person().treatedAsChild()
                && check.outcomes().contains(Outcome.DUTY_TO_NOTIFY)) {
            return "referrals.start.route.dutyToNotifyOnly";
        }
        return null;
    }

    /** The whole referral for first responders; a partner asked for support sees only their part. */
    @GetMapping("/referrals/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        ShownReferral shown = referrals.read(id, user);
        if (shown instanceof ReferralView referral) {
            return referralPage(referral, model, clock, messages);
        }
        return partnerPage((PartnerReferralView) shown, new ActionForms.Addition(), model);
    }

    /** The package alone, as plain HTML to print: no navigation, a print stylesheet. */
    @GetMapping("/referrals/{id}/print")
    String print(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        ReferralView referral = referrals.forPrinting(id, user);
        model.addAttribute("referral", referral);
        model.addAttribute("document", PackageDocument.of(referral, messages));
        model.addAttribute("documentMarks", documentMarks);
        return "referrals/print";
    }

    /** The package as a PDF to keep or attach; each download is logged by the service. */
    @GetMapping("/referrals/{id}/package.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        byte[] pdf = referrals.pdf(id, user);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("referral-" + id + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    /**
     * The coordinator's referrals, filtered by status and by the reasonable grounds decision due;
     * first, how many are owed. Filtered to those owed, it lists the checks that owe one (a
     * status then matches the referral in progress; nothing owed awaits a decision).
     */
    @GetMapping("/referrals")
    String list(@RequestParam(required = false) ReferralStatus status,
            @RequestParam(defaultValue = "false") boolean due, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean owed, @AuthenticationPrincipal WaymarkUser user,
            Model model) {
        List<ReferralSummary> listed = referrals.list(new Referrals.Filter(status, due, overdue), user);
        List<OwedReferral> allOwed = owedReferrals.forCoordinator(user);
        model.addAttribute("referrals", owed ? List.of() : listed);
        model.addAttribute("owedReferrals", owed ? allOwed.stream()
                .filter(item -> status == null || item.referralStatus() == status).filter(item -> !due && !overdue)
                .toList() : List.of());
        model.addAttribute("owedCount", allOwed.size());
        model.addAttribute("urgentCount", allOwed.stream().filter(OwedReferral::urgent).count());
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("due", due);
        model.addAttribute("overdue", overdue);
        model.addAttribute("owed", owed);
        return "referrals/list";
    }

    /**
     * The referral's page: where it stands, what the form still needs, what can be done next,
     * and the package section by section. The action forms start filled for now.
     */
    static String referralPage(ReferralView referral, Model model, Clock clock, MessageSource messages) {
        model.addAttribute("referral", referral);
        model.addAttribute("document", PackageDocument.of(referral, messages));
        model.addAttribute("missing", missing(referral));
        model.addAttribute("editableSections", PackageSection.ids());
        DecisionType awaited = awaitedDecision(referral);
        model.addAttribute("awaited", awaited);
        model.addAttribute("mayReconsider", referral.status() == ReferralStatus.RG_NEGATIVE
                || referral.status() == ReferralStatus.CG_NEGATIVE);
        if (!model.containsAttribute("submission")) {
            model.addAttribute("submission", ActionForms.Submission.now(clock));
        }
        if (!model.containsAttribute("decision")) {
            model.addAttribute("decision", ActionForms.Decision.awaiting(awaited, clock));
        }
        if (!model.containsAttribute("reconsideration")) {
            model.addAttribute("reconsideration", ActionForms.Reconsideration.today(clock));
        }
        return "referrals/referral";
    }

    static String partnerPage(PartnerReferralView referral, ActionForms.Addition form, Model model) {
        model.addAttribute("referral", referral);
        if (!model.containsAttribute("addition")) {
            model.addAttribute("addition", form);
        }
        return "referrals/partner";
    }

    /** What the form still needs, each linked to the field on its section's page. */
    static List<Missing> missing(ReferralView referral) {
        List<Missing> links = new ArrayList<>();
        for (Map.Entry<String, String> lacking : referral.missing().entrySet()) {
            links.add(new Missing(lacking.getValue(), sectionLink(referral.id(), lacking.getKey())));
        }
        return links;
    }

    /** {@code account.background} is the field {@code background} on the account's page. */
    static String sectionLink(UUID id, String field) {
        int dot = field.indexOf('.');
        String section = dot < 0 ? field : field.substring(0, dot);
        String anchor = dot < 0 ? (section.equals("exploitation") ? "types" : section) : field.substring(dot + 1);
        return "/referrals/" + id + "/package/" + section + "#" + anchor;
    }

    /** The decision the Home Office is to make next on an NRM referral, or null when none is. */
    static DecisionType awaitedDecision(ReferralView referral) {
        if (referral.kind() != ReferralKind.NRM) {
            return null;
        }
        return switch (referral.status()) {
            case SUBMITTED -> DecisionType.RG;
            case RG_POSITIVE -> DecisionType.CG;
            case RECONSIDERATION_REQUESTED -> referral.decisions().isEmpty() ? null
                    : referral.decisions().get(referral.decisions().size() - 1).type();
            default -> null;
        };
    }
}
