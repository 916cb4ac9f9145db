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
import org.waymark.identity.ApiTokens;
import org.waymark.identity.TwoFactor;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.identity.SignInProviders;
import org.waymark.identity.WebSessions;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The signed-in user's own page: their details, their password, their two-factor sign-in with
 * its recovery codes, their sessions and their API tokens.
 */
@PageController
@RequestMapping("/account")
@RequiredArgsConstructor
class AccountController {

    private final Users users;
    private final Agencies agencies;
    private final ApiTokens tokens;
    private final TwoFactor twoFactor;
    private final WebSessions sessions;
    private final SignInProviders providers;

    static class TokenForm {
        @Size(max = ApiTokens.MAX_LABEL, message = "{token.label.tooLong}")
        private String label;
        @NotNull(message = "{token.days.range}")
        @Min(value = 1, message = "{token.days.range}")
        @Max(value = ApiTokens.MAX_DAYS, message = "{token.days.range}")
        private Integer days;

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public Integer getDays() {
            return days;
        }

        public void setDays(Integer days) {
            this.days = days;
        }
    }

    static class PasswordForm {
        private String currentPassword;
        private String newPassword;

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }
    }

    /** The number the user is called on about support requests. */
    static class PhoneForm {
        private String phone = "";

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone == null ? "" : phone;
        }
    }

    @GetMapping
    String show(@AuthenticationPrincipal WaymarkUser user, HttpServletRequest request, Model model) {
        TokenForm tokenForm = new TokenForm();
        tokenForm.setDays(tokens.defaultDays());
        model.addAttribute("tokenForm", tokenForm);
        model.addAttribute("passwordForm", new PasswordForm());
        return page(user, request, model);
    }

    @PostMapping("/tokens")
    String issue(@AuthenticationPrincipal WaymarkUser user, @Validated @ModelAttribute("tokenForm") TokenForm form,
            BindingResult errors, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("passwordForm", new PasswordForm());
            return page(user, request, model);
        }
        var issued = tokens.issue(user, form.getLabel(), form.getDays());
        redirect.addFlashAttribute("issuedToken", issued.token());
        return "redirect:/account#tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal WaymarkUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(user, id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/account#tokens";
    }

    /** Signs one of the user's other sessions out. */
    @PostMapping("/sessions/{sessionId}/end")
    String endSession(@AuthenticationPrincipal WaymarkUser user, @PathVariable String sessionId,
            RedirectAttributes redirect) {
        if (sessions.end(user.id(), sessionId, user.actor())) {
            redirect.addFlashAttribute("notice", "session.ended");
        } else {
            redirect.addFlashAttribute("problem", "session.alreadyEnded");
        }
        return "redirect:/account#sessions";
    }

    /** Signs the user out of every session but the one they are using. */
    @PostMapping("/sessions/end-others")
    String endOtherSessions(@AuthenticationPrincipal WaymarkUser user, HttpServletRequest request,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "session.signedOutOthers");
        redirect.addFlashAttribute("noticeCount", sessions.endAll(user.id(),
                UserAdminController.currentSessionId(request), user.actor()));
        return "redirect:/account#sessions";
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal WaymarkUser user,
            @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                users.changePassword(user.id(), form.getCurrentPassword(), form.getNewPassword());
                redirect.addFlashAttribute("passwordChanged", true);
                return "redirect:/account";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        TokenForm tokenForm = new TokenForm();
        tokenForm.setDays(tokens.defaultDays());
        model.addAttribute("tokenForm", tokenForm);
        form.setCurrentPassword(null);
        form.setNewPassword(null);
        return page(user, request, model);
    }

    @PostMapping("/phone")
    String changePhone(@AuthenticationPrincipal WaymarkUser user, @ModelAttribute("phoneForm") PhoneForm form,
            BindingResult errors, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            users.changePhone(user.id(), form.getPhone(), user.actor());
            redirect.addFlashAttribute("notice", "account.phone.saved");
            return "redirect:/account#phone";
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageCode());
        }
        TokenForm tokenForm = new TokenForm();
        tokenForm.setDays(tokens.defaultDays());
        model.addAttribute("tokenForm", tokenForm);
        model.addAttribute("passwordForm", new PasswordForm());
        return page(user, request, model);
    }

    /** New recovery codes; the old ones stop working. */
    @PostMapping("/recovery-codes")
    String renewRecoveryCodes(@AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("recoveryCodes", twoFactor.renewRecoveryCodes(user.id()));
        return "redirect:/account/recovery-codes";
    }

    /** The recovery codes just made, shown this once; afterwards the account page. */
    @GetMapping("/recovery-codes")
    String recoveryCodes(Model model) {
        if (!model.containsAttribute("recoveryCodes")) {
            return "redirect:/account";
        }
        return "two-factor/recovery-codes";
    }

    private String page(WaymarkUser user, HttpServletRequest request, Model model) {
        if (!model.containsAttribute("phoneForm")) {
            PhoneForm phone = new PhoneForm();
            users.find(user.id()).map(UserSummary::phone).ifPresent(phone::setPhone);
            model.addAttribute("phoneForm", phone);
        }
        model.addAttribute("twoFactorRequired", twoFactor.required());
        model.addAttribute("twoFactor", twoFactor.status(user.id()).orElse(null));
        model.addAttribute("agency", agencies.find(user.agencyId()).orElse(null));
        model.addAttribute("providerLabel", user.provider() == null ? null : providers.label(user.provider()));
        model.addAttribute("providerOnly", user.provider() != null);
        model.addAttribute("sessions", sessions.of(user.id(), UserAdminController.currentSessionId(request)));
        model.addAttribute("tokens", tokens.of(user));
        return "account/account";
    }
}
