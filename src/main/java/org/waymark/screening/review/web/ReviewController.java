package org.waymark.screening.review.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.passengerdata.PassengerData;
import org.waymark.passengerdata.Purpose;
import org.waymark.passengerdata.StatedPurposes;
import org.waymark.passengerdata.StatedPurposes.Scope;
import org.waymark.screening.review.Decision;
import org.waymark.screening.review.Hits;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;
import org.waymark.shared.PlainText;
import org.waymark.shared.UnprocessableException;

import jakarta.servlet.http.HttpSession;

/**
 * The review, for those with the passenger data role: the operations with hits, then, for one
 * operation, a purpose stated before anyone is shown, its queue, a hit and the decision on it.
 */
@PageController
@RequestMapping("/screening")
@RequiredArgsConstructor
class ReviewController {

    private final Hits hits;
    private final Operations operations;
    private final PassengerData passengerData;
    private final MessageSource messages;
    private final Clock clock;

    /** An operation the reviewer's agency takes part in, with how many hits are open and decided. */
    record OperationHits(OperationView operation, Hits.Counts counts) {
    }

    @GetMapping("/review")
    String operations(@AuthenticationPrincipal WaymarkUser user, Model model) {
        if (!Hits.mayReviewHits(user)) {
            throw new AccessDeniedException("hits are reviewed only by those with the passenger data role");
        }
        List<OperationHits> shown = new ArrayList<>();
        for (OperationView operation : operations.visibleTo(user)) {
            try {
                shown.add(new OperationHits(operation, hits.counts(operation.id(), user)));
            } catch (NotFoundException notTakingPart) {
                // an administrator sees every operation, but reviews only those of their agency
            }
        }
        model.addAttribute("operations", shown);
        return "screening/review/operations";
    }

    @GetMapping("/operations/{id}/purpose")
    String purposeForm(@PathVariable UUID id, @RequestParam(required = false) UUID hit,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        ReviewPurposeForm form = new ReviewPurposeForm();
        form.setHit(hit == null ? "" : hit.toString());
        model.addAttribute("form", form);
        return purposePage(new OperationId(id), user, model);
    }

    @PostMapping("/operations/{id}/purpose")
    String statePurpose(@PathVariable UUID id, @ModelAttribute("form") ReviewPurposeForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, HttpSession session, Model model) {
        OperationId operation = new OperationId(id);
        hits.counts(operation, user);
        Purpose.Kind kind = Purpose.Kind.named(form.getPurpose());
        if (kind == null && !errors.hasFieldErrors("purpose")) {
            errors.rejectValue("purpose", "pd.purpose.kind.required");
        }
        String text = PlainText.typed(form.getText());
        String textProblem = Purpose.problemWithText(text);
        if (textProblem != null && !errors.hasFieldErrors("text")) {
            errors.rejectValue("text", textProblem);
        }
        if (errors.hasErrors()) {
            return purposePage(operation, user, model);
        }
        StatedPurposes.state(session, Scope.OPERATION, id, new Purpose(kind, id, operations.outline(operation).name(), text,
                clock.instant()));
        String hit = PlainText.typed(form.getHit());
        if (hit != null) {
            try {
                return "redirect:/screening/hits/" + UUID.fromString(hit);
            } catch (IllegalArgumentException notAnId) {
                // to the queue
            }
        }
        return "redirect:/screening/operations/" + id + "/hits";
    }

    @GetMapping("/operations/{id}/hits")
    String queue(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, HttpSession session, Model model) {
        OperationId operation = new OperationId(id);
        hits.counts(operation, user);
        Optional<Purpose> purpose = StatedPurposes.stated(session, Scope.OPERATION, id, clock.instant());
        if (purpose.isEmpty()) {
            return "redirect:/screening/operations/" + id + "/purpose";
        }
        model.addAttribute("queue", hits.queue(operation, purpose.get(), user));
        model.addAttribute("purpose", purpose.get());
        return "screening/review/queue";
    }

    @GetMapping("/hits/{id}")
    String hit(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, HttpSession session, Model model,
            Locale locale) {
        OperationId operation = hits.operationOf(id, user);
        Optional<Purpose> purpose = StatedPurposes.stated(session, Scope.OPERATION, operation.value(), clock.instant());
        if (purpose.isEmpty()) {
            return "redirect:/screening/operations/" + operation.value() + "/purpose?hit=" + id;
        }
        DecisionForm form = new DecisionForm();
        form.setWhy(messages.getMessage(Hits.NEUTRAL_WHY_CODE, null, locale));
        model.addAttribute("form", form);
        return hitPage(id, purpose.get(), user, model);
    }

    @PostMapping("/hits/{id}/decision")
    String decide(@PathVariable UUID id, @ModelAttribute("form") DecisionForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, HttpSession session, Model model,
            RedirectAttributes redirect) {
        OperationId operation = hits.operationOf(id, user);
        Optional<Purpose> purpose = StatedPurposes.stated(session, Scope.OPERATION, operation.value(), clock.instant());
        if (purpose.isEmpty()) {
            return "redirect:/screening/operations/" + operation.value() + "/purpose?hit=" + id;
        }
        Decision.Kind kind = decisionKind(form.getDecision());
        if (kind == null && !errors.hasFieldErrors("decision")) {
            errors.rejectValue("decision", "screening.review.decision.required");
        }
        if (errors.hasErrors()) {
            // a control character is an error of its field already, the rest is checked as it is sent again
            return hitPage(id, purpose.get(), user, model);
        }
        try {
            Hits.Decided decided = hits.decide(id, new Decision(kind, form.getDescription(), form.getWhy(),
                    form.getNote(), form.getReferredTo()), user);
            redirect.addFlashAttribute("saved", "screening.review.decided." + decided.status());
            return "redirect:/screening/hits/" + id;
        } catch (UnprocessableException e) {
            for (Map.Entry<String, String> problem : e.fields().entrySet()) {
                errors.rejectValue(problem.getKey(), problem.getValue());
            }
        } catch (ConflictException e) {
            errors.reject(e.messageCode());
        }
        return hitPage(id, purpose.get(), user, model);
    }

    private String hitPage(UUID id, Purpose purpose, WaymarkUser user, Model model) {
        Hits.HitView hit = hits.hit(id, purpose, user);
        model.addAttribute("hit", hit);
        model.addAttribute("purpose", purpose);
        model.addAttribute("decisions", Decision.Kind.values());
        model.addAttribute("maxText", Decision.MAX_TEXT);
        model.addAttribute("maxReferredTo", Decision.MAX_REFERRED_TO);
        PassengerData.Traveller traveller = null;
        if (hit.travellerId() != null) {
            try {
                traveller = passengerData.traveller(hit.travellerId(), purpose, user);
            } catch (NotFoundException noLongerHeld) {
                // a later message replaced the row, or the data were deleted: the hit's copy stands
            }
        }
        model.addAttribute("traveller", traveller);
        return "screening/review/hit";
    }

    private String purposePage(OperationId operation, WaymarkUser user, Model model) {
        hits.counts(operation, user);
        model.addAttribute("operation", operations.outline(operation));
        model.addAttribute("kinds", Purpose.Kind.values());
        model.addAttribute("maxText", Purpose.MAX_TEXT);
        model.addAttribute("lastsMinutes", Purpose.LASTS_MINUTES);
        return "screening/review/purpose";
    }

    private static Decision.Kind decisionKind(String value) {
        for (Decision.Kind kind : Decision.Kind.values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        return null;
    }
}
