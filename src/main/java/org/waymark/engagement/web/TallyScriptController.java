package org.waymark.engagement.web;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.engagement.Engagements;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.OperationId;

/**
 * A tap sent by the tally page's script (marked by the X-Tally header) from the signed-in page,
 * answered in JSON like the API: a refusal is RFC 9457 problem JSON.
 */
@RestController
@RequestMapping("/operations/{operationId}/tally")
@RequiredArgsConstructor
class TallyScriptController {

    private final Engagements engagements;
    private final Clock clock;
    private final MessageSource messages;

    @PostMapping(headers = "X-Tally=script", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> record(@PathVariable UUID operationId,
            @RequestParam(required = false) UUID flightId, @RequestParam(required = false) String location,
            @RequestParam String passengers, @RequestParam(required = false) Set<String> languages,
            @RequestParam(required = false) String leaflets, @RequestParam String idempotencyKey,
            @AuthenticationPrincipal WaymarkUser user, Locale locale) {
        OperationId id = new OperationId(operationId);
        var recorded = engagements.record(id, TallyController.tally(flightId, location, passengers, languages,
                leaflets), idempotencyKey, user);
        long asOf = clock.millis();
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of(
                "engagementId", recorded.engagement().id(),
                "asOf", asOf,
                "recorded", engagements.recordedAt(id, recorded.engagement().flightId(),
                        recorded.engagement().location()),
                // The undo button's words, from the bundle, that say "1 passenger" or "5 passengers".
                "undoLabel", messages.getMessage("tally.undo.button",
                        new Object[] { recorded.engagement().passengers() }, locale)));
    }
}
