package org.waymark.screening.review.api;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.flight.AskedToSpeakWith;
import org.waymark.identity.WaymarkUser;
import org.waymark.screening.review.EngagementRequests;
import org.waymark.screening.review.RequestResult;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/operations/{operationId}/flights/{flightId}/requests")
@Tag(name = "Requests to speak with a passenger")
@RequiredArgsConstructor
class OfficerRequestsApi {

    private final EngagementRequests requests;

    /** A result as the API takes it: SPOKE_WITH, CHECK_STARTED or NOT_FOUND, and a short note. */
    record EngagementResultRequest(String result, String note) {
    }

    @GetMapping
    @Operation(summary = "The flight's requests to speak with a passenger", description = "For the officers assigned"
            + " to the flight and the operation's coordinators (none for other officers); each request listed is"
            + " logged. Only a reviewer's decision makes one.")
    List<AskedToSpeakWith.PassengerRequest> list(@PathVariable UUID operationId, @PathVariable UUID flightId,
            @AuthenticationPrincipal WaymarkUser user) {
        return requests.forFlight(new OperationId(operationId), new FlightId(flightId), user);
    }

    @PostMapping("/{id}/result")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record what came of a request, once", description = "409 when a result was recorded already.")
    void recordResult(@PathVariable UUID operationId, @PathVariable UUID flightId, @PathVariable UUID id,
            @RequestBody EngagementResultRequest request, @AuthenticationPrincipal WaymarkUser user) {
        RequestResult result = null;
        for (RequestResult each : RequestResult.values()) {
            if (each.name().equals(request.result())) {
                result = each;
            }
        }
        requests.recordResult(new OperationId(operationId), new FlightId(flightId), id, result, request.note(), user);
    }
}
