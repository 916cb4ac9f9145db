package org.waymark.engagement.web;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.waymark.engagement.Engagements;
import org.waymark.engagement.Tally;
import org.waymark.flight.FlightStatus;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationChoices;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/**
 * The tally at the gate, made for a phone: +1 and +5 for each conversation. Works as plain
 * forms; with JavaScript, taps are kept on the phone and sent when there is a connection.
 */
@PageController
@RequestMapping("/operations/{operationId}/tally")
@RequiredArgsConstructor
class TallyController {

    private final Engagements engagements;
    private final Flights flights;
    private final Operations operations;
    private final OperationChoices choices;
    private final Clock clock;

    @GetMapping
    String tally(@PathVariable UUID operationId, @RequestParam(required = false) UUID flight,
            @RequestParam(required = false) String location, @AuthenticationPrincipal WaymarkUser user, Model model) {
        OperationId id = new OperationId(operationId);
        OperationView operation = operations.get(id, user);
        if (!engagements.mayRecord(operation, user)) {
            throw new AccessDeniedException("only officers and coordinators of participating agencies tally");
        }
        model.addAttribute("operation", operation);
        if (flight == null && (location == null || location.isBlank())) {
            List<FlightView> monitored = flights.list(id, flights.today(operation), user).stream()
                    .filter(f -> f.status() == FlightStatus.MONITORING).toList();
            model.addAttribute("flights", monitored);
            model.addAttribute("maxLocation", Tally.MAX_LOCATION);
            return "tally/choose";
        }
        if (flight != null) {
            model.addAttribute("flight", flights.get(id, new FlightId(flight), user));
        } else {
            model.addAttribute("location", location.strip());
        }
        // When the count was read, so that a copy of this page kept on the phone is known to be older
        // than the counts the server acknowledged since.
        model.addAttribute("recordedAsOf", clock.millis());
        model.addAttribute("recorded", engagements.recordedAt(id, flight == null ? null : new FlightId(flight),
                location == null ? null : location.strip()));
        // The likely languages as checkboxes, any other from a select: the same languages as a check's.
        OperationChoices.Choices languages = choices.languages(id);
        model.addAttribute("languages", languages.first());
        model.addAttribute("otherLanguages", languages.rest());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("undoable", engagements.undoable(id, user).orElse(null));
        return "tally/tally";
    }

    /** The same without JavaScript: {@code add} is 1 or 5 from the buttons, or "typed" for {@code count}. */
    @PostMapping
    String record(@PathVariable UUID operationId, @RequestParam(required = false) UUID flightId,
            @RequestParam(required = false) String location, @RequestParam(defaultValue = "") String add,
            @RequestParam(defaultValue = "") String count, @RequestParam(required = false) Set<String> languages,
            @RequestParam(required = false) String anotherLanguage, @RequestParam(required = false) String leaflets,
            @RequestParam String idempotencyKey,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        // Enter in the number box submits with the first button, +1: a typed number wins.
        String passengers = "typed".equals(add) || !count.isBlank() ? count : add;
        try {
            var recorded = engagements.record(new OperationId(operationId),
                    tally(flightId, location, passengers, spoken(languages, anotherLanguage), leaflets), idempotencyKey,
                    user);
            redirect.addFlashAttribute("saved", recorded.engagement().passengers());
        } catch (RuleViolationException e) {
            // The key is the page's own, not typed: a bad one says what to do, not how the API takes it.
            redirect.addFlashAttribute("problem", "tally.idempotencyKey.invalid".equals(e.messageCode())
                    ? "tally.page.notSent" : e.messageCode());
        }
        return "redirect:" + back(operationId, flightId, location);
    }

    @PostMapping("/undo")
    String undo(@PathVariable UUID operationId, @RequestParam UUID engagementId,
            @RequestParam(required = false) UUID flightId, @RequestParam(required = false) String location,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        try {
            engagements.undo(new OperationId(operationId), engagementId, user);
            redirect.addFlashAttribute("undone", true);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:" + back(operationId, flightId, location);
    }

    /** The tally as typed or tapped; a count that is not a whole number breaks the rule on its range. */
    static Tally tally(UUID flightId, String location, String passengers, Set<String> languages,
            String leaflets) {
        return new Tally(flightId == null ? null : new FlightId(flightId), flightId == null ? location : null,
                number(passengers, "tally.passengers.range"), languages,
                leaflets == null || leaflets.isBlank() ? 0 : number(leaflets, "tally.leaflets.range"));
    }

    /** The languages ticked, and the one chosen from the select of the others, if any. */
    private static Set<String> spoken(Set<String> ticked, String another) {
        Set<String> languages = new HashSet<>(ticked == null ? Set.of() : ticked);
        if (another != null && !another.isBlank()) {
            languages.add(another);
        }
        return languages;
    }

    private static int number(String text, String problem) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolationException(problem, null);
        }
    }

    private static String back(UUID operationId, UUID flightId, String location) {
        return UriComponentsBuilder.fromPath("/operations/{id}/tally")
                .queryParamIfPresent("flight", java.util.Optional.ofNullable(flightId))
                .queryParamIfPresent("location", java.util.Optional.ofNullable(flightId == null ? location : null))
                .buildAndExpand(operationId).encode().toUriString();
    }
}
