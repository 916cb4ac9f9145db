package org.waymark.identity.api;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.WaymarkUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens")
class TokenApi {

    private final ApiTokens tokens;

    TokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(@Size(max = 80) String label, @Min(1) @Max(ApiTokens.MAX_DAYS) Integer days) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a bearer token", description = "Authenticate with HTTP Basic (email and password)."
            + " The token is shown only in this response.", security = @SecurityRequirement(name = "basic"))
    TokenResponse issue(@AuthenticationPrincipal WaymarkUser user,
            @Valid @RequestBody(required = false) TokenRequest request) {
        var issued = request == null ? tokens.issue(user, null, null)
                : tokens.issue(user, request.label(), request.days());
        return new TokenResponse(issued.token(), issued.expiresAt());
    }
}
