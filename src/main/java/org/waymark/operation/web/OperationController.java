package org.waymark.operation.web;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.OperationDetails;
import org.waymark.operation.OperationStatus;
import org.waymark.operation.OperationView;
import org.waymark.operation.KnownAirports;
import org.waymark.operation.Operations;
import org.waymark.operation.Rota;
import org.waymark.shared.NamedCode;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

@PageController
@RequestMapping("/operations")
@RequiredArgsConstructor
class OperationController {

    private final Operations operations;
    private final Agencies agencies;
    private final Rota rota;
    private final KnownAirports airports;

    /** The port by its name and code, as every page names an airport. */
    @ModelAttribute("airports")
    KnownAirports airports() {
        return airports;
    }

    @ModelAttribute("exploitationTypes")
    ExploitationType[] exploitationTypes() {
        return ExploitationType.values();
    }

    @GetMapping
    String list(@AuthenticationPrincipal WaymarkUser user, Model model) {
        model.addAttribute("operations", operations.visibleTo(user));
        model.addAttribute("mayCreate", operations.mayCreate(user));
        return "operations/list";
    }

    @GetMapping("/new")
    String add(@AuthenticationPrincipal WaymarkUser user, Model model) {
        if (!operations.mayCreate(user)) {
            throw new AccessDeniedException("only coordinators plan operations");
        }
        model.addAttribute("form", new OperationForm());
        return form(user, model);
    }

    /** Saves the operation; {@code next=another} opens it again to add another focus country. */
    @PostMapping
    String create(@AuthenticationPrincipal WaymarkUser user, @Validated @ModelAttribute("form") OperationForm form,
            BindingResult errors, @RequestParam(defaultValue = "") String next, Model model,
            RedirectAttributes redirect) {
        OperationDetails details = form.toDetails(errors);
        if (details != null) {
            try {
                OperationView created = operations.create(details, user);
                return saved(created.id().value(), next, redirect);
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return form(user, model);
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal WaymarkUser user, @PathVariable UUID id, Model model) {
        OperationView operation = operations.get(new OperationId(id), user);
        model.addAttribute("operation", operation);
        if (operation.plan() != null) {
            model.addAttribute("agencies", agencies.byId(operation.plan().agencyIds()).values().stream()
                    .sorted(java.util.Comparator.comparing(AgencySummary::name)).toList());
            model.addAttribute("leadAgency", agencies.find(operation.plan().leadAgency()).orElse(null));
            if (Rota.mayRead(user)) {
                model.addAttribute("rotaSlots", rota.of(operation.id(), user));
                model.addAttribute("coverGaps", rota.gaps(operation.id(), user));
            }
        }
        return "operations/detail";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal WaymarkUser user, @PathVariable UUID id, Model model) {
        OperationView operation = operations.get(new OperationId(id), user);
        if (!operation.editable()) {
            throw new AccessDeniedException("this user may not change this operation now");
        }
        model.addAttribute("form", OperationForm.of(operation));
        model.addAttribute("operationId", id);
        return form(user, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal WaymarkUser user, @PathVariable UUID id,
            @Validated @ModelAttribute("form") OperationForm form, BindingResult errors,
            @RequestParam(defaultValue = "") String next, Model model, RedirectAttributes redirect) {
        model.addAttribute("operationId", id);
        OperationDetails details = form.toDetails(errors);
        if (details != null) {
            try {
                operations.update(new OperationId(id), details, user);
                return saved(id, next, redirect);
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return form(user, model);
    }

    @PostMapping("/{id}/status")
    String changeStatus(@AuthenticationPrincipal WaymarkUser user, @PathVariable UUID id,
            @RequestParam OperationStatus status, RedirectAttributes redirect) {
        try {
            operations.changeStatus(new OperationId(id), status, user);
            redirect.addFlashAttribute("statusChanged", status);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/operations/" + id;
    }

    private static String saved(UUID id, String next, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", true);
        return "another".equals(next) ? "redirect:/operations/" + id + "/edit" : "redirect:/operations/" + id;
    }

    /**
     * The form, its focus countries by name: those chosen as ticked checkboxes (unticking one takes
     * it out), every other country in a select to add one more.
     */
    private String form(WaymarkUser user, Model model) {
        OperationForm form = (OperationForm) model.getAttribute("form");
        model.addAttribute("chosenCountries", NamedCode.COUNTRIES.stream()
                .filter(country -> form.getFocusCountries().contains(country.code())).toList());
        model.addAttribute("otherCountries", NamedCode.COUNTRIES.stream()
                .filter(country -> !form.getFocusCountries().contains(country.code())).toList());
        List<AgencySummary> all = agencies.all();
        model.addAttribute("partnerAgencies", all.stream().filter(a -> !a.id().equals(user.agencyId())).toList());
        model.addAttribute("leadAgency", all.stream().filter(a -> a.id().equals(user.agencyId())).findFirst()
                .orElse(null));
        return "operations/form";
    }
}
