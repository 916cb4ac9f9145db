package org.waymark.safeguarding.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.safeguarding.SupportRequests.FollowedRequest;
import org.waymark.safeguarding.SupportRequests.PartnerRequest;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The support requests made of the user's agency, newest first, with only what the visit needs
 * to know; acknowledging them, saying when the partner will arrive, declining them with a
 * reason, arriving and ending them. Below, the requests the user follows: those they asked for
 * and, for a coordinator, those of the operations their agency leads. The page refreshes itself,
 * and fetches the requests again (a logged read of each check shown to the partner) only when
 * the number waiting, or anything followed, has changed.
 */
@PageController
@RequestMapping("/requests")
@RequiredArgsConstructor
class RequestController {

    /** How often the page asks whether anything changed. */
    static final int REFRESH_SECONDS = 20;

    private final SupportRequests requests;
    private final PortTime time;
    private final Clock clock;

    @GetMapping
    String list(@AuthenticationPrincipal WaymarkUser user, Model model) {
        cards(user, model);
        return "requests/list";
    }

    /**
     * The cards alone, for the page to replace its own with; nothing (204) while the number of
     * requests waiting is still {@code waiting} and what the user follows still has the mark
     * {@code following}, so that an open page does not read every check every few seconds.
     */
    @GetMapping("/cards")
    String refresh(@RequestParam(defaultValue = "-1") long waiting, @RequestParam(defaultValue = "0") int following,
            @AuthenticationPrincipal WaymarkUser user, Model model, HttpServletResponse response) {
        if (requests.waitingFor(user) == waiting && requests.followedMark(user) == following) {
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

    // When the partner will arrive

    @GetMapping("/{id}/arrival")
    String arrivalForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        FollowedRequest answering = answering(id, user, model);
        ArrivalForm form = new ArrivalForm();
        if (answering.request().expectedArrival() != null) {
            form.setTime(java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .format(answering.request().expectedArrival().atZone(zone(answering))));
        }
        model.addAttribute("form", form);
        return "requests/arrival";
    }

    @PostMapping("/{id}/arrival")
    String arrival(@PathVariable UUID id, @ModelAttribute("form") ArrivalForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        FollowedRequest answering = answering(id, user, model);
        if (form.check(errors)) {
            try {
                requests.expectArrival(id, form.at(zone(answering), clock), user);
                redirect.addFlashAttribute("saved", "requests.arrival.saved");
                return "redirect:/requests";
            } catch (RuleViolationException e) {
                errors.rejectValue(e.field(), e.messageCode());
            }
        }
        return "requests/arrival";
    }

    // Declining, with a reason

    @GetMapping("/{id}/decline")
    String declineForm(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user, Model model) {
        answering(id, user, model);
        model.addAttribute("form", new DeclineForm());
        return "requests/decline";
    }

    @PostMapping("/{id}/decline")
    String decline(@PathVariable UUID id, @ModelAttribute("form") DeclineForm form, BindingResult errors,
            @AuthenticationPrincipal WaymarkUser user, Model model, RedirectAttributes redirect) {
        try {
            requests.decline(id, form.getReason(), user);
            redirect.addFlashAttribute("saved", "requests.declined");
            return "redirect:/requests";
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageCode());
        }
        answering(id, user, model);
        return "requests/decline";
    }

    /** The request being answered, with where its check is and nothing of the person; only for the agency asked. */
    private FollowedRequest answering(UUID id, WaymarkUser user, Model model) {
        FollowedRequest answering = requests.toAnswer(id, user);
        model.addAttribute("answering", answering);
        model.addAttribute("zone", zone(answering).getId());
        model.addAttribute("now", clock.instant());
        model.addAttribute("maxReason", SupportRequests.MAX_DECLINE_REASON);
        return answering;
    }

    private ZoneId zone(FollowedRequest request) {
        return ZoneId.of(time.zone(request.port()));
    }

    private void cards(WaymarkUser user, Model model) {
        List<PartnerRequest> found = requests.ofMyAgency(user);
        List<FollowedRequest> followed = requests.followedBy(user);
        Map<String, String> zones = new HashMap<>();
        found.forEach(request -> zones.computeIfAbsent(request.check().port(), time::zone));
        followed.forEach(request -> zones.computeIfAbsent(request.port(), time::zone));
        model.addAttribute("requests", found);
        model.addAttribute("followed", followed);
        model.addAttribute("zones", zones);
        model.addAttribute("now", clock.instant());
        model.addAttribute("partner", user.hasRole(Role.PARTNER));
        model.addAttribute("coordinator", user.hasRole(Role.COORDINATOR));
        model.addAttribute("follows", user.hasRole(Role.OFFICER) || user.hasRole(Role.COORDINATOR));
        model.addAttribute("waiting", found.stream().map(PartnerRequest::request)
                .filter(request -> request.status() == org.waymark.safeguarding.SupportStatus.REQUESTED).count());
        model.addAttribute("followingMark", requests.followedMark(user));
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
