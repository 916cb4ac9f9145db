package org.waymark.platform;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.shared.PageController;

import jakarta.servlet.http.HttpSession;

@PageController
class SignInController {

    static final String TYPED_EMAIL = "waymark.signIn.email";

    /** The address many people try first: it is the sign-in page, and after it, the start. */
    @GetMapping("/login")
    String login() {
        return "redirect:/sign-in";
    }

    @GetMapping("/sign-in")
    String signIn(@RequestParam(required = false) String error, HttpSession session, Model model) {
        Object typed = session.getAttribute(TYPED_EMAIL);
        session.removeAttribute(TYPED_EMAIL);
        model.addAttribute("email", typed == null ? "" : typed);
        model.addAttribute("error", error == null ? null : switch (error) {
            case "locked" -> "signIn.error.locked";
            case "inactive" -> "signIn.error.inactive";
            case "gateway" -> "signIn.error.gateway";
            default -> "signIn.error.failed";
        });
        return "sign-in";
    }
}
