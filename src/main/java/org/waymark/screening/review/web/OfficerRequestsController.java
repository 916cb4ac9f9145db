package org.waymark.screening.review.web;

import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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
            @ModelAttribute ResultForm form, BindingResult errors, @AuthenticationPrincipal WaymarkUser user,
            RedirectAttributes redirect) {
        String flightPage = "redirect:/operations/" + operationId + "/flights/" + flightId;
        FieldError typed = errors.getFieldError();
        if (typed != null) {
            // invisible characters taken out of what was typed: shown to check and send again
            return problem(redirect, flightPage, requestId, typed.getField(), typed.getCode(), form);
        }
        try {
            requests.recordResult(new OperationId(operationId), new FlightId(flightId), requestId,
                    result(form.getResult()), form.getResultNote(), user);
            redirect.addFlashAttribute("saved", "screening.review.result.saved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        } catch (RuleViolationException e) {
            return problem(redirect, flightPage, requestId, e.field(), e.messageCode(), form);
        }
        return flightPage;
    }

    /** The problem shown against the request's own form on the flight's page, with what was typed. */
    private static String problem(RedirectAttributes redirect, String flightPage, UUID requestId, String field,
            String messageCode, ResultForm form) {
        redirect.addFlashAttribute("resultProblem", messageCode);
        redirect.addFlashAttribute("resultFor", requestId);
        redirect.addFlashAttribute("resultField", "resultNote".equals(field) ? "resultNote" : "result");
        redirect.addFlashAttribute("resultNoteTyped", form.getResultNote());
        return flightPage + "#request-" + requestId;
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
