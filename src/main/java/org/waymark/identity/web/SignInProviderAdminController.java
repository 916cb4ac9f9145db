package org.waymark.identity.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.ProviderMappingView;
import org.waymark.identity.ProviderMappings;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.AgencyId;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/**
 * The administrators' pages for the identity providers the deployment configures: the list, with
 * the agency each is mapped to, and the form that maps one to an agency and its groups and
 * scopes to roles.
 */
@PageController
@RequestMapping("/admin/sign-in-providers")
@RequiredArgsConstructor
class SignInProviderAdminController {

    private final ProviderMappings mappings;
    private final Agencies agencies;

    @ModelAttribute("agencies")
    Map<AgencyId, AgencySummary> agencies() {
        return agencies.all().stream().collect(Collectors.toMap(AgencySummary::id, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @ModelAttribute("personRoles")
    List<Role> personRoles() {
        return ProviderMappings.PERSON_ROLES.stream().sorted().toList();
    }

    @ModelAttribute("clientRoles")
    List<Role> clientRoles() {
        return ProviderMappings.CLIENT_ROLES.stream().sorted().toList();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("providers", mappings.all());
        return "admin/sign-in-providers";
    }

    @GetMapping("/{name}")
    String edit(@PathVariable String name, Model model) {
        ProviderMappingView provider = mappings.find(name);
        model.addAttribute("provider", provider);
        model.addAttribute("form", ProviderMappingForm.of(provider));
        return "admin/sign-in-provider-form";
    }

    @PostMapping("/{name}")
    String save(@PathVariable String name, @ModelAttribute("form") ProviderMappingForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser admin, Model model, RedirectAttributes redirect) {
        ProviderMappingView provider = mappings.find(name);
        model.addAttribute("provider", provider);
        if (!errors.hasErrors()) {
            try {
                ProviderMappingView saved = mappings.save(name, form.change(), admin.actor());
                redirect.addFlashAttribute("saved", saved.label());
                return "redirect:/admin/sign-in-providers";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return "admin/sign-in-provider-form";
    }
}
