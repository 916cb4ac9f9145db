package org.waymark.identity.api;

import java.net.URI;
import java.time.Instant;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.Role;
import org.waymark.identity.TwoFactor;
import org.waymark.identity.WaymarkUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens")
@RequiredArgsConstructor
class TokenApi {

    private final ApiTokens tokens;
    private final TwoFactor twoFactor;

    record TokenRequest(@Size(max = ApiTokens.MAX_LABEL) String label, @Min(1) @Max(ApiTokens.MAX_DAYS) Integer days) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping
    @Operation(summary = "Issue a bearer token", description = "Authenticate with HTTP Basic (email and password)."
            + " Where two-factor sign-in is required, also send the 6-digit code of your authenticator app (or one"
            + " of your recovery codes) in the X-Waymark-OTP header. The token is shown only in this response.",
            security = @SecurityRequirement(name = "basic"))
    @ApiResponse(responseCode = "201", description = "The token",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "401", description = "Wrong email or password; or a code missing, wrong or used"
            + " before; or no authenticator app set up yet", content = @Content(
                    mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> issue(@AuthenticationPrincipal WaymarkUser user,
            @Parameter(description = "The code of your authenticator app, or a recovery code")
            @RequestHeader(name = TwoFactor.HEADER, required = false) String otp,
            @Valid @RequestBody(required = false) TokenRequest request) {
        if (twoFactor.required() && !Role.machine(user.roles())) {
            TwoFactor.Verdict verdict = twoFactor.verify(user.id(), otp);
            if (verdict != TwoFactor.Verdict.ACCEPTED) {
                return refused(verdict, otp);
            }
        }
        var issued = request == null ? tokens.issue(user, null, null)
                : tokens.issue(user, request.label(), request.days());
        return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse(issued.token(), issued.expiresAt()));
    }

    private static ResponseEntity<ProblemDetail> refused(TwoFactor.Verdict verdict, String otp) {
        String detail = switch (verdict) {
            case NOT_ENROLLED -> "Two-factor sign-in is required and you have not set up an authenticator app yet."
                    + " Sign in on the website once to set it up.";
            case LOCKED -> "Your account is locked for 15 minutes after too many wrong passwords or codes.";
            case INACTIVE -> "Your account has been deactivated.";
            default -> otp == null || otp.isBlank()
                    ? "Two-factor sign-in is required: send the 6-digit code of your authenticator app in the "
                            + TwoFactor.HEADER + " header."
                    : "The code in the " + TwoFactor.HEADER + " header is wrong or was used before."
                            + " Send the code your authenticator app shows now.";
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setInstance(URI.create("/api/v1/tokens"));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Waymark\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
