package org.waymark.safeguarding.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.flight.Airports;
import org.waymark.flight.FlightStatus;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.safeguarding.CheckTasks;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Checks.NewCheck;
import org.waymark.safeguarding.PartnerCheckView;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.ReferralProgress;
import org.waymark.safeguarding.ShownCheck;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.FlightId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/** An operation's checks, starting one, and a check's page: whole, or as a partner's visit needs it. */
@PageController
@RequiredArgsConstructor
class CheckController {

    private final Checks checks;
    private final Operations operations;
    private final Flights flights;
    private final Airports airports;
    private final PortTime time;
    private final ObjectProvider<ReferralProgress> referrals;

    @ModelAttribute("categories")
    PersonCategory[] categories() {
        return PersonCategory.values();
    }

    @ModelAttribute("under18Answers")
    Under18[] under18Answers() {
        return Under18.values();
    }

    @GetMapping("/operations/{operationId}/checks")
    String list(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user, Model model) {
        OperationView operation = operations.get(new OperationId(operationId), user);
        model.addAttribute("checks", checks.ofOperation(operation.id(), user));
        model.addAttribute("operation", operation);
        model.addAttribute("zone", time.zone(operation.port().value()));
        return "checks/list";
    }

    @GetMapping("/operations/{operationId}/checks/new")
    String startForm(@PathVariable UUID operationId, @RequestParam(required = false) UUID flight,
            @AuthenticationPrincipal WaymarkUser user, Model model) {
        OperationView operation = recording(operationId, user);
        StartCheckForm form = new StartCheckForm();
        if (flight != null) {
            form.setWhere(flights.get(operation.id(), new FlightId(flight), user).id().value().toString());
        }
        model.addAttribute("form", form);
        return startPage(operation, form, user, model);
    }

    @PostMapping("/operations/{operationId}/checks")
    String start(@PathVariable UUID operationId, @ModelAttribute("form") StartCheckForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        OperationView operation = recording(operationId, user);
        NewCheck check = form.toNewCheck(errors);
        if (check != null) {
            try {
                CheckView started = checks.start(operation.id(), check, user);
                redirect.addFlashAttribute("saved", "checks.started");
                return "redirect:/checks/" + started.id();
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return startPage(operation, form, user, model);
    }

    /** The whole check for those who record it; a partner asked for support sees only their view. */
    @GetMapping("/checks/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        ShownCheck shown = checks.read(id, user);
        if (shown instanceof CheckView check) {
            OperationView operation = operations.get(check.operationId(), user);
            model.addAttribute("check", check);
            model.addAttribute("tasks", CheckTasks.of(check, referralStage(check.id())));
            model.addAttribute("operation", operation);
            model.addAttribute("zone", time.zone(operation.port().value()));
            return "checks/check";
        }
        PartnerCheckView partner = (PartnerCheckView) shown;
        model.addAttribute("check", partner);
        model.addAttribute("zone", time.zone(partner.port()));
        return "checks/partner";
    }

    /** How far the check's referral has gone; the referral module knows (a test without it: none started). */
    private ReferralProgress.Stage referralStage(UUID checkId) {
        ReferralProgress progress = referrals.getIfAvailable();
        return progress == null ? ReferralProgress.Stage.NONE : progress.of(checkId);
    }

    /** The operation, if the user may record checks in it: not taking part is not found, as elsewhere. */
    private OperationView recording(UUID operationId, WaymarkUser user) {
        OperationView operation = operations.get(new OperationId(operationId), user);
        if (!checks.mayRecord(operation.id(), user)) {
            throw new AccessDeniedException("only officers and coordinators of first responders record checks");
        }
        return operation;
    }

    /**
     * The form, offering today's monitored flights (today at the port) and the flight it was opened
     * from; when none is monitored today, all the operation's monitored flights, by date.
     */
    private String startPage(OperationView operation, StartCheckForm form, WaymarkUser user, Model model) {
        LocalDate today = time.today(operation.port().value());
        List<FlightView> offered = new ArrayList<>(monitored(operation, today, user));
        boolean todays = !offered.isEmpty();
        if (!todays) {
            offered.addAll(monitored(operation, null, user));
        }
        String chosen = form.getWhere();
        if (!chosen.isBlank() && !StartCheckForm.PLACE.equals(chosen)
                && offered.stream().noneMatch(flight -> flight.id().value().toString().equals(chosen))) {
            try {
                offered.add(0, flights.get(operation.id(), new FlightId(UUID.fromString(chosen)), user));
            } catch (IllegalArgumentException | NotFoundException e) {
                // not a flight of this operation: the form offers the others
            }
        }
        model.addAttribute("operation", operation);
        model.addAttribute("flights", offered);
        model.addAttribute("todaysFlights", todays);
        model.addAttribute("portShown", airports.shown(operation.port().value()));
        model.addAttribute("today", today);
        model.addAttribute("place", StartCheckForm.PLACE);
        return "checks/start";
    }

    /** The operation's monitored flights on the day, or on every day when {@code day} is null, by time. */
    private List<FlightView> monitored(OperationView operation, LocalDate day, WaymarkUser user) {
        return flights.list(operation.id(), day, user).stream()
                .filter(flight -> flight.status() == FlightStatus.MONITORING).toList();
    }
}
