package org.waymark.safeguarding.web;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.shared.PageController;

/**
 * Gives every page the {@code safeguarding} links (the header's requests count, the operation
 * and flight pages' links to checks), so that those modules need not know of this one. Nothing
 * is read until a template asks.
 */
@ControllerAdvice(annotations = PageController.class)
@RequiredArgsConstructor
class SafeguardingPageAdvice {

    private final Checks checks;
    private final SupportRequests requests;

    @ModelAttribute("safeguarding")
    SafeguardingLinks safeguarding(@AuthenticationPrincipal WaymarkUser user) {
        return new SafeguardingLinks(checks, requests, user);
    }
}
