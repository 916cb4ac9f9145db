package org.waymark.identity.web;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
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
import org.waymark.identity.Role;
import org.waymark.identity.TwoFactor;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final Users users;
    private final Agencies agencies;
    private final TwoFactor twoFactor;

    UserAdminController(Users users, Agencies agencies, TwoFactor twoFactor) {
        this.users = users;
        this.agencies = agencies;
        this.twoFactor = twoFactor;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @ModelAttribute("agencies")
    Map<AgencyId, AgencySummary> agencies() {
        return agencies.all().stream().collect(Collectors.toMap(AgencySummary::id, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.all());
        return "admin/users";
    }

    @GetMapping("/new")
    String add(Model model) {
        model.addAttribute("form", new UserForm());
        return "admin/user-form";
    }

    @PostMapping
    String create(@Validated @ModelAttribute("form") UserForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser admin, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var created = users.create(form.getName(), form.getEmail(), new AgencyId(form.getAgencyId()),
                        form.getRoles(), form.getPassword(), admin.actor());
                redirect.addFlashAttribute("saved", created.user().name());
                redirect.addFlashAttribute("savedEmail", created.user().email());
                redirect.addFlashAttribute("generatedPassword", created.generatedPassword());
                return "redirect:/admin/users";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return "admin/user-form";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        UserSummary user = load(id);
        model.addAttribute("form", UserForm.of(user));
        model.addAttribute("user", user);
        model.addAttribute("twoFactor", twoFactor.status(user.id()).orElse(null));
        return "admin/user-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") UserForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser admin, Model model, RedirectAttributes redirect) {
        model.addAttribute("user", load(id));
        model.addAttribute("twoFactor", twoFactor.status(new UserId(id)).orElse(null));
        if (!errors.hasErrors()) {
            try {
                UserSummary user = users.update(new UserId(id), form.getName(), form.getEmail(),
                        new AgencyId(form.getAgencyId()), form.getRoles(), admin.actor());
                redirect.addFlashAttribute("saved", user.name());
                return "redirect:/admin/users";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return "admin/user-form";
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("deactivated", users.deactivate(new UserId(id), admin.actor()).name());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/admin/users";
    }

    /** A new password, shown to the administrator once; the user sets up two-factor sign-in again. */
    @PostMapping("/{id}/password-reset")
    String resetPassword(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin,
            RedirectAttributes redirect) {
        try {
            var reset = users.resetPassword(new UserId(id), admin.actor());
            redirect.addFlashAttribute("passwordReset", reset.user().name());
            redirect.addFlashAttribute("savedEmail", reset.user().email());
            redirect.addFlashAttribute("generatedPassword", reset.generatedPassword());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("reactivated", users.reactivate(new UserId(id), admin.actor()).name());
        return "redirect:/admin/users";
    }

    private UserSummary load(UUID id) {
        return users.find(new UserId(id)).orElseThrow(() -> new NotFoundException("user", id));
    }
}
