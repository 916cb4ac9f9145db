package org.waymark.operation.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.CoverKind;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.operation.Rota;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/** The operation's rota of partner cover, its gaps, and for the lead coordinators the form to add cover. */
@PageController
@RequiredArgsConstructor
class RotaController {

    /** The form's fields, for putting a rule broken in the service against the right one. */
    private final Rota rota;
    private final Operations operations;
    private final Agencies agencies;

    @GetMapping("/operations/{id}/rota")
    String show(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        model.addAttribute("form", new RotaForm());
        return page(new OperationId(id), user, model);
    }

    @PostMapping("/operations/{id}/rota")
    String add(@PathVariable UUID id, @ModelAttribute("form") RotaForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        OperationId operation = new OperationId(id);
        Rota.NewSlot slot = form.toSlot(errors);
        if (slot != null) {
            try {
                rota.add(operation, slot, user);
                redirect.addFlashAttribute("saved", "rota.saved");
                return "redirect:/operations/" + id + "/rota";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return page(operation, user, model);
    }

    @PostMapping("/operations/{id}/rota/escalation")
    String escalation(@PathVariable UUID id, @RequestParam(required = false) String minutes,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        try {
            rota.setEscalationLimit(new OperationId(id), minutes == null || !minutes.strip().matches("\\d{1,4}") ? null
                    : Integer.valueOf(minutes.strip()), user);
            redirect.addFlashAttribute("saved", "rota.escalation.saved");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/operations/" + id + "/rota";
    }

    private String page(OperationId id, WaymarkUser user, Model model) {
        OperationView operation = operations.get(id, user);
        model.addAttribute("operation", operation);
        model.addAttribute("slots", rota.of(id, user));
        model.addAttribute("gaps", rota.gaps(id, user));
        boolean mayPlan = rota.mayPlan(id, user);
        model.addAttribute("mayPlan", mayPlan);
        model.addAttribute("escalationMinutes", rota.escalationLimit(id).toMinutes());
        if (mayPlan && operation.plan() != null) {
            List<AgencySummary> taking = agencies.byId(operation.plan().agencyIds()).values().stream()
                    .sorted(Comparator.comparing(AgencySummary::name)).toList();
            model.addAttribute("agencies", taking);
            model.addAttribute("kinds", CoverKind.values());
        }
        return "operations/rota";
    }
}
