package org.waymark.screening.review.web;

import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.review.EngagementRequests;
import org.waymark.screening.review.RequestResult;
import org.waymark.shared.ConflictException;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.shared.PageController;
import org.waymark.shared.RuleViolationException;

/** An officer records, on their flight's page, what came of a request to speak with a passenger. */
@PageController
@RequestMapping("/operations/{operationId}/flights/{flightId}/requests")
@RequiredArgsConstructor
class OfficerRequestsController {

    private final EngagementRequests requests;

    @PostMapping("/{requestId}/result")
    String recordResult(@PathVariable UUID operationId, @PathVariable UUID flightId, @PathVariable UUID requestId,
            @RequestParam(required = false) String result, @RequestParam(required = false) String resultNote,
            @AuthenticationPrincipal WaymarkUser user, RedirectAttributes redirect) {
        String flightPage = "redirect:/operations/" + operationId + "/flights/" + flightId;
        try {
            requests.recordResult(new OperationId(operationId), new FlightId(flightId), requestId, result(result),
                    resultNote, user);
            redirect.addFlashAttribute("saved", "screening.review.result.saved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        } catch (RuleViolationException e) {
            // shown against the request's own form, with what was typed
            redirect.addFlashAttribute("resultProblem", e.messageCode());
            redirect.addFlashAttribute("resultFor", requestId);
            redirect.addFlashAttribute("resultField", "resultNote".equals(e.field()) ? "resultNote" : "result");
            redirect.addFlashAttribute("resultNoteTyped", resultNote);
            return flightPage + "#request-" + requestId;
        }
        return flightPage;
    }

    private static RequestResult result(String value) {
        for (RequestResult result : RequestResult.values()) {
            if (result.name().equals(value)) {
                return result;
            }
        }
        return null;
    }
}
