package org.waymark.operation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.KnownAirports;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.operation.Operations.Shift;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/**
 * The shift: where officers (and coordinators) begin. It leads with the work at the gate
 * (tally, board, a check) and what the person has in hand; the operation's details are one
 * link away. Other modules fill in their parts through the page's model (flight work,
 * safeguarding, referrals), so that this module need not know of them.
 */
@PageController
@RequestMapping("/shift")
@RequiredArgsConstructor
class ShiftController {

    private final Operations operations;
    private final KnownAirports airports;
    private final Clock clock;

    /** The operation chosen for the shift among several under way. */
    static class ChoiceForm {

        private UUID operationId;

        public UUID getOperationId() {
            return operationId;
        }

        public void setOperationId(UUID operationId) {
            this.operationId = operationId;
        }
    }

    /** Only those who work at the gate have a shift; anyone else is refused, as their work begins elsewhere. */
    @ModelAttribute
    void fieldWorkersOnly(@AuthenticationPrincipal WaymarkUser user) {
        if (!user.hasRole(Role.OFFICER) && !user.hasRole(Role.COORDINATOR)) {
            throw new AccessDeniedException("the shift is for officers and coordinators");
        }
    }

    @GetMapping
    String shift(@AuthenticationPrincipal WaymarkUser user, Model model) {
        Shift shift = operations.shift(user);
        if (shift.operation() == null && shift.underWay().isEmpty() && !user.hasRole(Role.OFFICER)) {
            // A coordinator with nothing under way is planning: their work is the operations list.
            return "redirect:/operations";
        }
        if (shift.operation() == null) {
            return choose(shift, new ChoiceForm(), model);
        }
        OperationView operation = shift.operation();
        model.addAttribute("operation", operation);
        ZoneId zone = airports.zoneOf(operation.port());
        model.addAttribute("zone", zone);
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        model.addAttribute("severalUnderWay", shift.underWay().size() > 1);
        return "operations/shift";
    }

    @GetMapping("/choose")
    String chooseAgain(@AuthenticationPrincipal WaymarkUser user, Model model) {
        Shift shift = operations.shift(user);
        if (shift.underWay().size() < 2) {
            return "redirect:/shift";
        }
        ChoiceForm form = new ChoiceForm();
        form.setOperationId(shift.operation() == null ? null : shift.operation().id().value());
        return choose(shift, form, model);
    }

    @PostMapping
    String chosen(@AuthenticationPrincipal WaymarkUser user, @ModelAttribute("form") ChoiceForm form,
            BindingResult errors, Model model) {
        if (!errors.hasErrors() && form.getOperationId() == null) {
            errors.rejectValue("operationId", "shift.operation.required");
        }
        if (!errors.hasErrors()) {
            try {
                operations.chooseForShift(new OperationId(form.getOperationId()), user);
                return "redirect:/shift";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return choose(operations.shift(user), form, model);
    }

    private String choose(Shift shift, ChoiceForm form, Model model) {
        model.addAttribute("underWay", shift.underWay());
        model.addAttribute("form", form);
        return "operations/shift-choose";
    }
}
