package org.waymark.safeguarding.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.SupportRequestView;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.safeguarding.SupportRequests.PartnerRequest;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The support requests made of the user's agency, newest first, with only what the visit needs
 * to know; acknowledging, arriving and ending them. The list refreshes itself on the page, and
 * is fetched again (a logged read of each check) only when the number waiting has changed.
 */
@PageController
@RequestMapping("/requests")
@RequiredArgsConstructor
class RequestController {

    /** How often the page asks whether anything changed. */
    static final int REFRESH_SECONDS = 20;

    private final SupportRequests requests;
    private final PortTime time;

    @GetMapping
    String list(@AuthenticationPrincipal WaymarkUser user, Model model) {
        cards(user, model);
        return "requests/list";
    }

    /**
     * The cards alone, for the page to replace its own with; nothing (204) while the number of
     * requests waiting is still {@code waiting}, so that an open page does not read every check
     * every few seconds.
     */
    @GetMapping("/cards")
    String refresh(@RequestParam(defaultValue = "-1") long waiting, @AuthenticationPrincipal WaymarkUser user,
            Model model, HttpServletResponse response) {
        if (requests.waitingFor(user) == waiting) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        cards(user, model);
        return "requests/list :: cards";
    }

    /** Each step goes back to the requests page, or to the check's page when {@code checkId} is sent. */
    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, @RequestParam(required = false) UUID checkId,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        return step(checkId, "requests.acknowledged", redirect, () -> requests.acknowledge(id, user));
    }

    @PostMapping("/{id}/arrived")
    String arrived(@PathVariable UUID id, @RequestParam(required = false) UUID checkId,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        return step(checkId, "requests.arrived", redirect, () -> requests.arrived(id, user));
    }

    @PostMapping("/{id}/ended")
    String ended(@PathVariable UUID id, @RequestParam(required = false) UUID checkId,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        return step(checkId, "requests.ended", redirect, () -> requests.ended(id, user));
    }

    private void cards(WaymarkUser user, Model model) {
        List<PartnerRequest> found = requests.ofMyAgency(user);
        Map<String, String> zones = new HashMap<>();
        found.forEach(request -> zones.computeIfAbsent(request.check().port(), time::zone));
        model.addAttribute("requests", found);
        model.addAttribute("zones", zones);
        model.addAttribute("waiting", found.stream().map(PartnerRequest::request).map(SupportRequestView::status)
                .filter(status -> status == org.waymark.safeguarding.SupportStatus.REQUESTED).count());
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
    }

    /** Takes the step and says so, or says which rule stopped it. */
    private static String step(UUID checkId, String saved, RedirectAttributes redirect, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("saved", saved);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return back(checkId);
    }

    private static String back(UUID checkId) {
        return checkId == null ? "redirect:/requests" : "redirect:/checks/" + checkId;
    }
}
