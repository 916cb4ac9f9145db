package org.waymark.identity.web;

import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

@PageController
@RequestMapping("/admin/agencies")
@RequiredArgsConstructor
class AgencyAdminController {

    private final Agencies agencies;

    @ModelAttribute("agencyTypes")
    AgencyType[] agencyTypes() {
        return AgencyType.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("agencies", agencies.all());
        return "admin/agencies";
    }

    @GetMapping("/new")
    String add(Model model) {
        model.addAttribute("form", new AgencyForm());
        return "admin/agency-form";
    }

    @PostMapping
    String create(@Validated @ModelAttribute("form") AgencyForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser admin, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                AgencySummary agency = agencies.create(form.getName(), form.getType(), form.getFirstResponder(),
                        admin.actor());
                redirect.addFlashAttribute("saved", agency.name());
                return "redirect:/admin/agencies";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return "admin/agency-form";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        AgencySummary agency = agencies.find(new AgencyId(id)).orElseThrow(() -> new NotFoundException("agency", id));
        model.addAttribute("form", AgencyForm.of(agency));
        model.addAttribute("agencyId", id);
        return "admin/agency-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") AgencyForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser admin, Model model, RedirectAttributes redirect) {
        model.addAttribute("agencyId", id);
        if (!errors.hasErrors()) {
            try {
                AgencySummary agency = agencies.update(new AgencyId(id), form.getName(), form.getType(),
                        form.getFirstResponder(), admin.actor());
                redirect.addFlashAttribute("saved", agency.name());
                return "redirect:/admin/agencies";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return "admin/agency-form";
    }
}
