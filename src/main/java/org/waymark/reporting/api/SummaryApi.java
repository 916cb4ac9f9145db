package org.waymark.reporting.api;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.WaymarkUser;
import org.waymark.reporting.Results;
import org.waymark.reporting.Summary;
import org.waymark.shared.OperationId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Results")
class SummaryApi {

    private final Results results;

    SummaryApi(Results results) {
        this.results = results;
    }

    @GetMapping("/api/v1/operations/{id}/summary")
    @Operation(summary = "An operation's results in exact figures", description = "A flight counts as monitored if "
            + "MONITORING or DONE; checks count whatever their status; referrals count once submitted. For "
            + "coordinators, officers and analysts of the agencies taking part.")
    Summary summary(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return results.summary(new OperationId(id), user);
    }
}
