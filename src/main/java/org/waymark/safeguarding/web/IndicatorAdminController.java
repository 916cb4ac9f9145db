package org.waymark.safeguarding.web;

import lombok.RequiredArgsConstructor;

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
import org.waymark.safeguarding.Indicator;
import org.waymark.safeguarding.IndicatorGroup;
import org.waymark.safeguarding.Indicators;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/** The indicator catalogue for administrators: every version's indicators, adding and retiring. */
@PageController
@RequestMapping("/admin/indicators")
@RequiredArgsConstructor
class IndicatorAdminController {

    /** The exploitation types in the aide-memoire's order. */
    static final String[] TYPES = { "ALL", "SEX", "LAB", "DS", "CRIM", "CH" };

    private final Indicators indicators;

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", new CatalogueForm());
        return page(model);
    }

    @PostMapping
    String add(@ModelAttribute("form") CatalogueForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser admin, Model model, RedirectAttributes redirect) {
        // Every missing answer at once; the catalogue then judges what was typed.
        if (form.getCode().isBlank()) {
            errors.rejectValue("code", "indicator.code.invalid");
        }
        if (form.getGroup() == null && !errors.hasFieldErrors("group")) {
            errors.rejectValue("group", "indicator.group.required");
        }
        if (form.getExploitationType().isBlank()) {
            errors.rejectValue("exploitationType", "indicator.type.invalid");
        }
        if (form.getText().isBlank()) {
            errors.rejectValue("text", "indicator.text.required");
        }
        if (!errors.hasErrors()) {
            try {
                Indicator added = indicators.add(form.getCode(), form.getGroup(), form.getExploitationType(),
                        form.getText(), admin);
                redirect.addFlashAttribute("saved", "indicators.added");
                redirect.addFlashAttribute("savedArg", added.code());
                return "redirect:/admin/indicators";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return page(model);
    }

    @PostMapping("/{code}/retire")
    String retire(@PathVariable String code, @AuthenticationPrincipal WaymarkUser admin,
            RedirectAttributes redirect) {
        try {
            indicators.retire(code, admin);
            redirect.addFlashAttribute("saved", "indicators.retired");
            redirect.addFlashAttribute("savedArg", code);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/admin/indicators";
    }

    private String page(Model model) {
        model.addAttribute("indicators", indicators.all());
        model.addAttribute("version", indicators.version());
        model.addAttribute("groups", IndicatorGroup.values());
        model.addAttribute("types", TYPES);
        return "admin/indicators";
    }
}
