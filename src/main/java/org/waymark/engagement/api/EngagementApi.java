package org.waymark.engagement.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.engagement.Engagement;
import org.waymark.engagement.Engagements;
import org.waymark.engagement.Tally;
import org.waymark.engagement.Totals;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/operations/{operationId}/engagements")
@Tag(name = "Engagements")
@RequiredArgsConstructor
class EngagementApi {

    private final Engagements engagements;

    /** A flight or a location (such as "Arrivals hall"), not both. */
    record TallyRequest(UUID flightId, @Size(max = Tally.MAX_LOCATION) String location, @NotNull Integer passengers,
            @Size(max = 20) Set<@NotNull @Size(max = 3) String> languages, Integer leaflets) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EngagementResponse(UUID id, UUID flightId, String location, int passengers, List<String> languages,
            int leaflets, Instant recordedAt, Instant undoableUntil) {
        static EngagementResponse of(Engagement e) {
            return new EngagementResponse(e.id(), e.flightId() == null ? null : e.flightId().value(), e.location(),
                    e.passengers(), e.languages(), e.leaflets(), e.recordedAt(), e.undoableUntil());
        }
    }

    record FlightTotalResponse(UUID flightId, long passengers) {
    }

    record TotalsResponse(long passengers, long leaflets, List<FlightTotalResponse> byFlight) {
    }

    @PostMapping
    @Operation(summary = "Record a tally", description = "Send a fresh Idempotency-Key (8 to 100 letters, digits, "
            + "- or _) with each tally: 201 the first time, 200 with the same body when the same key comes again "
            + "with the same tally, 422 when it comes with another.")
    ResponseEntity<EngagementResponse> record(@PathVariable UUID operationId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody TallyRequest request, @AuthenticationPrincipal WaymarkUser user) {
        Tally tally = new Tally(request.flightId() == null ? null : new FlightId(request.flightId()),
                request.location(), request.passengers(), request.languages(),
                request.leaflets() == null ? 0 : request.leaflets());
        var recorded = engagements.record(new OperationId(operationId), tally, key, user);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(EngagementResponse.of(recorded.engagement()));
    }

    @PostMapping("/{engagementId}/undo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void undo(@PathVariable UUID operationId, @PathVariable UUID engagementId,
            @AuthenticationPrincipal WaymarkUser user) {
        engagements.undo(new OperationId(operationId), engagementId, user);
    }

    @GetMapping("/total")
    TotalsResponse total(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user) {
        Totals totals = engagements.totals(new OperationId(operationId), user);
        return new TotalsResponse(totals.passengers(), totals.leaflets(), totals.byFlight().stream()
                .map(f -> new FlightTotalResponse(f.flightId().value(), f.passengers())).toList());
    }
}
