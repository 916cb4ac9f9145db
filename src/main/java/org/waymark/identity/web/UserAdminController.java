package org.waymark.identity.web;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.Role;
import org.waymark.identity.SignInProviders;
import org.waymark.identity.TwoFactor;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.identity.WebSessions;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The administrators' pages for user accounts: the list (with the accounts flagged as unused),
 * adding and changing a user, their access, and their signed-in sessions and API tokens.
 */
@PageController
@RequestMapping("/admin/users")
@RequiredArgsConstructor
class UserAdminController {

    private final Users users;
    private final Agencies agencies;
    private final TwoFactor twoFactor;
    private final WebSessions sessions;
    private final ApiTokens tokens;
    private final SignInProviders providers;

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @ModelAttribute("agencies")
    Map<AgencyId, AgencySummary> agencies() {
        return agencies.all().stream().collect(Collectors.toMap(AgencySummary::id, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The label of each configured identity provider, by its name, for the users it signs in. */
    @ModelAttribute("providerLabels")
    Map<String, String> providerLabels() {
        return providers.offered().stream().collect(Collectors.toMap(SignInProviders.Offered::name,
                SignInProviders.Offered::label, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** All users, or with {@code unused=true} only the accounts flagged as unused. */
    @GetMapping
    String list(@RequestParam(required = false) String unused, Model model) {
        boolean onlyUnused = "true".equals(unused);
        var all = users.all();
        model.addAttribute("users", onlyUnused ? all.stream().filter(UserSummary::unused).toList() : all);
        model.addAttribute("onlyUnused", onlyUnused);
        model.addAttribute("unusedDays", users.unusedAfter().toDays());
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
                        form.getRoles(), form.getPassword(), form.getPassengerDataReason(), admin.actor());
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
    String edit(@PathVariable UUID id, HttpServletRequest request, Model model) {
        UserSummary user = load(id);
        model.addAttribute("form", UserForm.of(user));
        model.addAttribute("user", user);
        model.addAttribute("twoFactor", twoFactor.status(user.id()).orElse(null));
        access(user, request, model);
        return "admin/user-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @Validated @ModelAttribute("form") UserForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser admin, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        UserSummary current = load(id);
        model.addAttribute("user", current);
        model.addAttribute("twoFactor", twoFactor.status(current.id()).orElse(null));
        access(current, request, model);
        if (!errors.hasErrors()) {
            try {
                UserSummary user = users.update(new UserId(id), form.getName(), form.getEmail(),
                        new AgencyId(form.getAgencyId()), form.getRoles(), form.getPassengerDataReason(),
                        admin.actor());
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

    @PostMapping("/{id}/sessions/{sessionId}/end")
    String endSession(@PathVariable UUID id, @PathVariable String sessionId,
            @AuthenticationPrincipal WaymarkUser admin, RedirectAttributes redirect) {
        UserSummary user = load(id);
        if (sessions.end(user.id(), sessionId, admin.actor())) {
            redirect.addFlashAttribute("notice", "session.ended");
        } else {
            redirect.addFlashAttribute("problem", "session.alreadyEnded");
        }
        return "redirect:/admin/users/" + id + "/edit#sessions";
    }

    /** Ends all the user's sessions; an administrator on their own page stays signed in here. */
    @PostMapping("/{id}/sessions/end")
    String endSessions(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin,
            HttpServletRequest request, RedirectAttributes redirect) {
        UserSummary user = load(id);
        redirect.addFlashAttribute("notice", "session.endedAll");
        redirect.addFlashAttribute("noticeCount", sessions.endAll(user.id(), currentSessionId(request),
                admin.actor()));
        return "redirect:/admin/users/" + id + "/edit#sessions";
    }

    @PostMapping("/{id}/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId,
            @AuthenticationPrincipal WaymarkUser admin, RedirectAttributes redirect) {
        UserSummary user = load(id);
        if (tokens.revoke(user.id(), tokenId, admin.actor())) {
            redirect.addFlashAttribute("notice", "token.revoked");
        } else {
            redirect.addFlashAttribute("problem", "token.alreadyRevoked");
        }
        return "redirect:/admin/users/" + id + "/edit#tokens";
    }

    @PostMapping("/{id}/tokens/revoke")
    String revokeTokens(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin,
            RedirectAttributes redirect) {
        UserSummary user = load(id);
        redirect.addFlashAttribute("notice", "token.revokedAll");
        redirect.addFlashAttribute("noticeCount", tokens.revokeAll(user.id(), admin.actor()));
        return "redirect:/admin/users/" + id + "/edit#tokens";
    }

    private void access(UserSummary user, HttpServletRequest request, Model model) {
        model.addAttribute("sessions", sessions.of(user.id(), currentSessionId(request)));
        model.addAttribute("tokens", tokens.of(user.id()));
    }

    static String currentSessionId(HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    private UserSummary load(UUID id) {
        return users.find(new UserId(id)).orElseThrow(() -> new NotFoundException("user", id));
    }
}
