package org.waymark.identity.web;

import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.SignInSteps;
import org.waymark.identity.SignInSteps.Pending;
import org.waymark.identity.TwoFactor;
import org.waymark.identity.TwoFactor.Verdict;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.ConflictException;
import org.waymark.shared.PageController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The second step of signing in, after the password: the code from the authenticator app, a
 * recovery code in its place, or setting up the app the first time. Nobody is signed in until it
 * passes; without a password given in the last 10 minutes these pages send people back to sign in.
 */
@PageController
@RequestMapping("/sign-in")
@RequiredArgsConstructor
class SecondStepController {

    static final String CODE_PAGE = "two-factor/code";
    static final String RECOVERY_PAGE = "two-factor/recovery-code";
    static final String ENROL_PAGE = "two-factor/enrol";
    private static final String START_AGAIN = "redirect:/sign-in?expired";

    private final SignInSteps steps;
    private final TwoFactor twoFactor;

    /** What was typed: a code from the app, or a recovery code. */
    static class CodeForm {
        private String code;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        /** The six digits of the authenticator app, spaces left out; null with the problem in {@code errors}. */
        String appCode(Errors errors) {
            return typed("\\s", "\\d{6}", "twoFactor.code", errors);
        }

        /** A recovery code, spaces and dashes left out; null with the problem in {@code errors}. */
        String recoveryCode(Errors errors) {
            return typed("[\\s-]", "[A-Za-z0-9]{16}", "twoFactor.recovery", errors);
        }

        private String typed(String left, String pattern, String problems, Errors errors) {
            String typed = code == null ? "" : code.replaceAll(left, "");
            if (typed.isEmpty()) {
                errors.rejectValue("code", problems + ".required");
            } else if (!typed.matches(pattern)) {
                errors.rejectValue("code", problems + ".format");
            }
            return errors.hasErrors() ? null : typed;
        }
    }

    @GetMapping("/code")
    String code(@AuthenticationPrincipal WaymarkUser signedIn, HttpServletRequest request, Model model) {
        if (signedIn != null) {
            return "redirect:/";
        }
        Optional<Pending> pending = steps.pending(request);
        if (pending.isEmpty()) {
            return START_AGAIN;
        }
        if (!twoFactor.enrolled(pending.get().userId())) {
            return "redirect:/sign-in/enrol";
        }
        model.addAttribute("form", new CodeForm());
        return CODE_PAGE;
    }

    @PostMapping("/code")
    String checkCode(@ModelAttribute("form") CodeForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<Pending> pending = steps.pending(request);
        if (pending.isEmpty()) {
            return START_AGAIN;
        }
        String code = form.appCode(errors);
        if (code == null) {
            return CODE_PAGE;
        }
        return outcome(twoFactor.verify(pending.get().userId(), code), pending.get(), form, errors, "twoFactor.code.wrong",
                CODE_PAGE, request, response);
    }

    @GetMapping("/recovery-code")
    String recoveryCode(@AuthenticationPrincipal WaymarkUser signedIn, HttpServletRequest request, Model model) {
        if (signedIn != null) {
            return "redirect:/";
        }
        Optional<Pending> pending = steps.pending(request);
        if (pending.isEmpty()) {
            return START_AGAIN;
        }
        model.addAttribute("form", new CodeForm());
        return RECOVERY_PAGE;
    }

    @PostMapping("/recovery-code")
    String checkRecoveryCode(@ModelAttribute("form") CodeForm form, BindingResult errors,
            HttpServletRequest request, HttpServletResponse response) {
        Optional<Pending> pending = steps.pending(request);
        if (pending.isEmpty()) {
            return START_AGAIN;
        }
        if (form.recoveryCode(errors) == null) {
            return RECOVERY_PAGE;
        }
        return outcome(twoFactor.verify(pending.get().userId(), form.getCode()), pending.get(), form, errors,
                "twoFactor.recovery.wrong", RECOVERY_PAGE, request, response);
    }

    @GetMapping("/enrol")
    String enrol(@AuthenticationPrincipal WaymarkUser signedIn, HttpServletRequest request, Model model) {
        if (signedIn != null) {
            return "redirect:/";
        }
        Optional<Pending> pending = steps.pending(request);
        if (pending.isEmpty()) {
            return START_AGAIN;
        }
        if (twoFactor.enrolled(pending.get().userId())) {
            return "redirect:/sign-in/code";
        }
        model.addAttribute("form", new CodeForm());
        return enrolPage(pending.get(), request, model);
    }

    @PostMapping("/enrol")
    String confirmEnrolment(@ModelAttribute("form") CodeForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<Pending> pending = steps.pending(request);
        if (pending.isEmpty()) {
            return START_AGAIN;
        }
        if (pending.get().newSecret() == null) {
            return "redirect:/sign-in/enrol";
        }
        String code = form.appCode(errors);
        if (code == null) {
            return enrolPage(pending.get(), request, model);
        }
        TwoFactor.Enrolment enrolment;
        try {
            enrolment = twoFactor.enrol(pending.get().userId(), pending.get().newSecret(), code);
        } catch (ConflictException alreadyEnrolled) {
            return "redirect:/sign-in/code";
        }
        if (!enrolment.done()) {
            form.setCode(null);
            errors.rejectValue("code", "twoFactor.enrol.wrong");
            return enrolPage(pending.get(), request, model);
        }
        if (steps.complete(request, response, pending.get()).isEmpty()) {
            return "redirect:/sign-in?error=inactive";
        }
        redirect.addFlashAttribute("recoveryCodes", enrolment.recoveryCodes());
        redirect.addFlashAttribute("enrolled", true);
        return "redirect:/account/recovery-codes";
    }

    private String enrolPage(Pending pending, HttpServletRequest request, Model model) {
        Pending withSecret = pending.newSecret() == null ? steps.withNewSecret(request, pending) : pending;
        model.addAttribute("secret", withSecret.newSecret());
        return ENROL_PAGE;
    }

    private String outcome(Verdict verdict, Pending pending, CodeForm form, BindingResult errors, String wrong,
            String page, HttpServletRequest request, HttpServletResponse response) {
        return switch (verdict) {
            case ACCEPTED -> steps.complete(request, response, pending).map(target -> "redirect:" + target)
                    .orElse("redirect:/sign-in?error=inactive");
            case WRONG -> {
                form.setCode(null);
                errors.rejectValue("code", wrong);
                yield page;
            }
            case LOCKED -> {
                steps.abandon(request);
                yield "redirect:/sign-in?error=locked";
            }
            case INACTIVE -> {
                steps.abandon(request);
                yield "redirect:/sign-in?error=inactive";
            }
            case NOT_ENROLLED -> "redirect:/sign-in/enrol";
        };
    }
}
