package org.waymark.safeguarding.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.safeguarding.ResponseTimes;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.safeguarding.api.CheckJson.CheckJsonPartner;
import org.waymark.safeguarding.api.CheckJson.SupportRequestJson;
import org.waymark.shared.AgencyId;
import org.waymark.shared.OperationId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Support requests")
@RequiredArgsConstructor
class SupportRequestApi {

    private final SupportRequests requests;

    /**
     * What to ask for; {@code meetingPoint} (where the officer waits) and {@code requesterPhone}
     * (the number the partner calls) are optional. Without {@code requesterPhone} the request
     * offers the number on the caller's account; an empty one offers none.
     */
    record NewRequest(UUID agencyId, SupportKind kind, String meetingPoint, String requesterPhone) {
    }

    /** When the partner expects to arrive; optional when acknowledging. */
    record ExpectedArrival(Instant expectedArrival) {
    }

    /** Why the partner cannot come. */
    record Decline(String reason) {
    }

    /** A request to the caller's agency, with what the visit needs to know of its check. */
    record PartnerRequestJson(UUID id, UUID checkId, UUID operationId, UUID agencyId, String agencyName,
            SupportKind kind, org.waymark.safeguarding.SupportStatus status, Instant requestedAt,
            Instant acknowledgedAt, Instant arrivedAt, Instant endedAt, Long secondsToAcknowledge,
            Long secondsToArrive, UUID requestedBy, String requesterName, String requesterPhone, String meetingPoint,
            Instant expectedArrival, Instant declinedAt, String declineReason, CheckJsonPartner check) {
        static PartnerRequestJson of(SupportRequests.PartnerRequest found) {
            SupportRequestJson r = SupportRequestJson.of(found.request());
            return new PartnerRequestJson(r.id(), r.checkId(), r.operationId(), r.agencyId(), r.agencyName(),
                    r.kind(), r.status(), r.requestedAt(), r.acknowledgedAt(), r.arrivedAt(), r.endedAt(),
                    r.secondsToAcknowledge(), r.secondsToArrive(), r.requestedBy(), r.requesterName(),
                    r.requesterPhone(), r.meetingPoint(), r.expectedArrival(), r.declinedAt(), r.declineReason(),
                    CheckJsonPartner.of(found.check()));
        }
    }

    @PostMapping("/api/v1/checks/{checkId}/support-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask a partner agency taking part for a navigator, SARC worker or interpreter",
            description = "With where to meet (meetingPoint, up to " + SupportRequests.MAX_MEETING_POINT
                    + " characters) and the number to call the officer on (requesterPhone, up to "
                    + Users.MAX_PHONE + " characters of digits, spaces, brackets and dashes): both optional; "
                    + "without requesterPhone, the number on the caller's account.")
    SupportRequestJson request(@PathVariable UUID checkId, @RequestBody NewRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        String phone = request.requesterPhone() == null ? requests.phoneOf(user) : request.requesterPhone();
        return SupportRequestJson.of(requests.request(checkId, new SupportRequests.NewRequest(
                request.agencyId() == null ? null : new AgencyId(request.agencyId()), request.kind(),
                request.meetingPoint(), phone), user));
    }

    /** The figures in seconds; a median or 90th percentile is null until a request is answered. */
    record ResponseTimesJson(UUID operationId, List<SupportRequestJson> requests, List<AgencyJson> byAgency) {

        record AgencyJson(UUID agencyId, String agencyName, int requests, int declined, SpreadJson toAcknowledge,
                SpreadJson toArrive) {
        }

        record SpreadJson(int count, Long medianSeconds, Long p90Seconds) {
            static SpreadJson of(ResponseTimes.Spread spread) {
                return new SpreadJson(spread.count(), spread.median() == null ? null : spread.median().toSeconds(),
                        spread.p90() == null ? null : spread.p90().toSeconds());
            }
        }

        static ResponseTimesJson of(ResponseTimes times) {
            return new ResponseTimesJson(times.operationId().value(),
                    times.requests().stream().map(SupportRequestJson::of).toList(),
                    times.byAgency().stream().map(agency -> new AgencyJson(agency.agencyId().value(),
                            agency.agencyName(), agency.requests(), agency.declined(),
                            SpreadJson.of(agency.toAcknowledge()), SpreadJson.of(agency.toArrive()))).toList());
        }
    }

    @GetMapping("/api/v1/operations/{operationId}/response-times")
    @Operation(summary = "How fast help came", description = "Each support request of the operation, and per agency "
            + "the median and 90th percentile (nearest rank) from request to acknowledgement and to arrival, in "
            + "seconds, and how many it declined. For officers and coordinators of first responders taking part, and analysts.")
    ResponseTimesJson responseTimes(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user) {
        return ResponseTimesJson.of(requests.responseTimes(new OperationId(operationId), user));
    }

    @GetMapping("/api/v1/support-requests")
    @Operation(summary = "Requests made of the caller's agency, newest first",
            description = "Each with the partner's view of its check; every check shown is a logged read.")
    List<PartnerRequestJson> mine(@AuthenticationPrincipal WaymarkUser user) {
        return requests.ofMyAgency(user).stream().map(PartnerRequestJson::of).toList();
    }

    @PostMapping("/api/v1/support-requests/{id}/acknowledge")
    @Operation(summary = "Answer a request to the caller's agency",
            description = "Optionally with when the partner expects to arrive (expectedArrival), from now to "
                    + SupportRequests.LATEST_EXPECTED_HOURS + " hours ahead.")
    SupportRequestJson acknowledge(@PathVariable UUID id, @RequestBody(required = false) ExpectedArrival body,
            @AuthenticationPrincipal WaymarkUser user) {
        return SupportRequestJson.of(requests.acknowledge(id, body == null ? null : body.expectedArrival(), user));
    }

    @PostMapping("/api/v1/support-requests/{id}/expected-arrival")
    @Operation(summary = "Say, or say again, when the partner expects to arrive",
            description = "From now to " + SupportRequests.LATEST_EXPECTED_HOURS + " hours ahead; acknowledges a request nobody had answered. A request the "
                    + "partner has arrived for, or declined, is a conflict (409).")
    SupportRequestJson expectedArrival(@PathVariable UUID id, @RequestBody ExpectedArrival body,
            @AuthenticationPrincipal WaymarkUser user) {
        return SupportRequestJson.of(requests.expectArrival(id, body.expectedArrival(), user));
    }

    @PostMapping("/api/v1/support-requests/{id}/decline")
    @Operation(summary = "Decline a request to the caller's agency, saying why",
            description = "The reason (up to " + SupportRequests.MAX_DECLINE_REASON + " characters, on one line) is "
                    + "shown to the officer who asked and to the lead agency's coordinators. Declining twice, or "
                    + "after the partner arrived, is a conflict (409). The agency may be asked again.")
    SupportRequestJson decline(@PathVariable UUID id, @RequestBody Decline body,
            @AuthenticationPrincipal WaymarkUser user) {
        return SupportRequestJson.of(requests.decline(id, body.reason(), user));
    }

    @PostMapping("/api/v1/support-requests/{id}/arrived")
    SupportRequestJson arrived(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return SupportRequestJson.of(requests.arrived(id, user));
    }

    @PostMapping("/api/v1/support-requests/{id}/ended")
    SupportRequestJson ended(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return SupportRequestJson.of(requests.ended(id, user));
    }
}
