package org.waymark.screening.review.api;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.passengerdata.Purpose;
import org.waymark.screening.review.Decision;
import org.waymark.screening.review.Hits;
import org.waymark.shared.OperationId;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/screening")
@Tag(name = "Screening review")
@RequiredArgsConstructor
class ReviewApi {

    private final Hits hits;
    private final Operations operations;
    private final Clock clock;

    /**
     * An operation's queue: counts always (expired: nobody decided before the passenger data was
     * masked); the hits (null without a purpose) only with one, each logged with it.
     */
    record QueueAnswer(UUID operation, int open, int decided, int expired, List<Hits.QueueRow> hits) {
    }

    /** A decision as the API takes it; decision is ASK, NO_CONCERN or REFER_ELSEWHERE. */
    record HitDecisionRequest(String decision, String description, String why, String note, String referredTo) {
    }

    @GetMapping("/operations/{id}/hits")
    @Operation(summary = "An operation's review queue", description = "For those with the passenger data role whose"
            + " agency takes part in the operation. Without a purpose, the counts only. With purpose (THE_OPERATION,"
            + " MISSING_PERSON or SAFEGUARDING) and purposeText (up to 200 characters), the hits too: open first, each"
            + " by departure then priority; every hit listed is logged with the purpose.")
    QueueAnswer queue(@PathVariable UUID id, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String purposeText, @AuthenticationPrincipal WaymarkUser user) {
        OperationId operation = new OperationId(id);
        if (PlainText.typed(purpose) == null && PlainText.typed(purposeText) == null) {
            Hits.Counts counts = hits.counts(operation, user);
            return new QueueAnswer(id, counts.open(), counts.decided(), counts.expired(), null);
        }
        hits.counts(operation, user);
        Purpose.Kind kind = null;
        for (Purpose.Kind each : Purpose.Kind.values()) {
            if (each.name().equals(purpose)) {
                kind = each;
            }
        }
        if (kind == null) {
            throw new RuleViolationException("pd.purpose.kind.required", "purpose");
        }
        String text = PlainText.typed(purposeText);
        if (text == null) {
            throw new RuleViolationException("pd.purpose.text.required", "purposeText");
        }
        if (text.length() > Purpose.MAX_TEXT) {
            throw new RuleViolationException("pd.purpose.text.tooLong", "purposeText");
        }
        Hits.Queue queue = hits.queue(operation, new Purpose(kind, id, operations.outline(operation).name(), text,
                clock.instant()), user);
        return new QueueAnswer(id, queue.open(), queue.decided(), queue.expired(), queue.hits());
    }

    @PostMapping("/hits/{id}/decision")
    @Operation(summary = "Decide on a hit, once", description = "decision ASK needs description and why (up to 500"
            + " characters each) and makes the request officers of the flight see; NO_CONCERN takes an optional note;"
            + " REFER_ELSEWHERE needs referredTo (up to 200). 422 names each field at fault; 409 when the hit was"
            + " decided already.")
    Hits.Decided decide(@PathVariable UUID id, @RequestBody HitDecisionRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        Decision.Kind kind = null;
        for (Decision.Kind each : Decision.Kind.values()) {
            if (each.name().equals(request.decision())) {
                kind = each;
            }
        }
        hits.operationOf(id, user);
        if (kind == null) {
            throw new RuleViolationException("screening.review.decision.required", "decision");
        }
        return hits.decide(id, new Decision(kind, request.description(), request.why(), request.note(),
                request.referredTo()), user);
    }
}
