package org.waymark.safeguarding.api;

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

    record NewRequest(UUID agencyId, SupportKind kind) {
    }

    /** A request to the caller's agency, with what the visit needs to know of its check. */
    record PartnerRequestJson(UUID id, UUID checkId, UUID operationId, UUID agencyId, String agencyName,
            SupportKind kind, org.waymark.safeguarding.SupportStatus status, java.time.Instant requestedAt,
            java.time.Instant acknowledgedAt, java.time.Instant arrivedAt, java.time.Instant endedAt,
            Long secondsToAcknowledge, Long secondsToArrive, CheckJsonPartner check) {
        static PartnerRequestJson of(SupportRequests.PartnerRequest found) {
            SupportRequestJson r = SupportRequestJson.of(found.request());
            return new PartnerRequestJson(r.id(), r.checkId(), r.operationId(), r.agencyId(), r.agencyName(),
                    r.kind(), r.status(), r.requestedAt(), r.acknowledgedAt(), r.arrivedAt(), r.endedAt(),
                    r.secondsToAcknowledge(), r.secondsToArrive(), CheckJsonPartner.of(found.check()));
        }
    }

    @PostMapping("/api/v1/checks/{checkId}/support-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask a partner agency taking part for a navigator, SARC worker or interpreter")
    SupportRequestJson request(@PathVariable UUID checkId, @RequestBody NewRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return SupportRequestJson.of(requests.request(checkId,
                request.agencyId() == null ? null : new AgencyId(request.agencyId()), request.kind(), user));
    }

    /** The figures in seconds; a median or 90th percentile is null until a request is answered. */
    record ResponseTimesJson(UUID operationId, List<SupportRequestJson> requests, List<AgencyJson> byAgency) {

        record AgencyJson(UUID agencyId, String agencyName, int requests, SpreadJson toAcknowledge,
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
                            agency.agencyName(), agency.requests(), SpreadJson.of(agency.toAcknowledge()),
                            SpreadJson.of(agency.toArrive()))).toList());
        }
    }

    @GetMapping("/api/v1/operations/{operationId}/response-times")
    @Operation(summary = "How fast help came", description = "Each support request of the operation, and per agency "
            + "the median and 90th percentile (nearest rank) from request to acknowledgement and to arrival, in "
            + "seconds. For officers and coordinators of first responders taking part, and analysts.")
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
    SupportRequestJson acknowledge(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return SupportRequestJson.of(requests.acknowledge(id, user));
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
