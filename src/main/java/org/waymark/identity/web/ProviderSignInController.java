package org.waymark.identity.web;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.identity.ProviderSignOut;
import org.waymark.identity.SignInProviders;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PageController;

/**
 * The way in and out with an identity provider: its button on the sign-in page, which first
 * checks that the provider answers, and its back-channel logout.
 */
@PageController
@RequestMapping("/sign-in/with/{name}")
class ProviderSignInController {

    private final SignInProviders providers;
    private final ProviderSignOut signOut;

    ProviderSignInController(SignInProviders providers, ProviderSignOut signOut) {
        this.providers = providers;
        this.signOut = signOut;
    }

    /** On to the provider's sign-in, or back with a message where it does not answer. */
    @GetMapping
    String start(@PathVariable String name) {
        if (!providers.configured(name)) {
            throw new NotFoundException("signInProvider", name);
        }
        return providers.answering(name) ? "redirect:/oauth2/authorization/" + name
                : "redirect:/sign-in?provider=notAnswering&with=" + name;
    }

    /**
     * OpenID Connect Back-Channel Logout: the provider posts a logout token, and the sessions it
     * names end. A token that is not the provider's is a 400 with the protocol's error.
     */
    @PostMapping(path = "/back-channel-logout", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, String>> backChannelLogout(@PathVariable String name,
            @RequestParam(name = "logout_token", required = false) String logoutToken) {
        try {
            signOut.backChannel(name, logoutToken);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
        } catch (ProviderSignOut.InvalidLogoutToken invalid) {
            return ResponseEntity.badRequest().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", "invalid_request", "error_description", invalid.getMessage()));
        }
    }
}
