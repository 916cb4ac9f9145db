package org.waymark.platform;

import java.util.List;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.identity.ProviderMappings;
import org.waymark.identity.SignInProviders;
import org.waymark.shared.PageController;

import jakarta.servlet.http.HttpSession;

@PageController
class SignInController {

    static final String TYPED_EMAIL = "waymark.signIn.email";

    private final SignInProviders providers;
    private final ProviderMappings mappings;

    SignInController(SignInProviders providers, ProviderMappings mappings) {
        this.providers = providers;
        this.mappings = mappings;
    }

    /** Where an identity provider sends the browser back after signing out there too. */
    @GetMapping("/signed-out")
    String signedOut() {
        return "redirect:/sign-in?signedOut";
    }

    /** The address many people try first: it is the sign-in page, and after it, the start. */
    @GetMapping("/login")
    String login() {
        return "redirect:/sign-in";
    }

    @GetMapping("/sign-in")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String with, HttpSession session, Model model) {
        Object typed = session.getAttribute(TYPED_EMAIL);
        session.removeAttribute(TYPED_EMAIL);
        model.addAttribute("email", typed == null ? "" : typed);
        model.addAttribute("error", error == null ? null : switch (error) {
            case "locked" -> "signIn.error.locked";
            case "inactive" -> "signIn.error.inactive";
            case "gateway" -> "signIn.error.gateway";
            case "providerRequired" -> "signIn.error.providerRequired";
            default -> "signIn.error.failed";
        });
        List<SignInProviders.Offered> offered = mappings.offered();
        model.addAttribute("providers", offered);
        // A provider named in the address is shown by its configured label only, never as typed; the
        // error links to its button where the page has one.
        model.addAttribute("providerLabel", providers.configured(with) ? providers.label(with) : null);
        model.addAttribute("providerAnchor", offered.stream().anyMatch(button -> button.name().equals(with))
                ? "#provider-" + with : offered.isEmpty() ? "#email" : "#providers");
        // Without a configured provider to name, only the plain failure reads well.
        model.addAttribute("providerError", provider == null ? null
                : "signIn.provider." + (ProviderSignInFailureHandler.REASONS.contains(provider)
                        && providers.configured(with) ? provider : "failed"));
        return "sign-in";
    }
}
