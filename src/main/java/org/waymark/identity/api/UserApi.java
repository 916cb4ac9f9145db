package org.waymark.identity.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.ApiTokenSummary;
import org.waymark.identity.ApiTokens;
import org.waymark.identity.PasswordPolicy;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.identity.WebSessions;
import org.waymark.identity.WebSessions.WebSession;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.UserId;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
@RequiredArgsConstructor
class UserApi {

    private final Users users;
    private final WebSessions sessions;
    private final ApiTokens tokens;

    /**
     * Without a password, Waymark generates one and returns it once as {@code generatedPassword}.
     * With the role {@code PASSENGER_DATA}, {@code passengerDataReason} says why the user needs it
     * and who authorised it (one line, up to 300 characters), which the audit log keeps; it is
     * required then and ignored otherwise. {@code CARRIER_GATEWAY} is held alone.
     */
    record NewUserRequest(@NotBlank String name, @NotBlank @Email @Size(max = Users.MAX_EMAIL) String email,
            @NotNull UUID agencyId, @NotEmpty Set<@NotNull Role> roles,
            @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password,
            String passengerDataReason) {
    }

    /**
     * The user's details and roles. Adding the role {@code PASSENGER_DATA} to a user who does not
     * hold it needs {@code passengerDataReason}, as when creating them; it is ignored otherwise.
     */
    record UserChangeRequest(@NotBlank String name, @NotBlank @Email @Size(max = Users.MAX_EMAIL) String email,
            @NotNull UUID agencyId, @NotEmpty Set<@NotNull Role> roles, String passengerDataReason) {
    }

    /**
     * A user account. {@code lastSignIn} is the last sign-in or use of an API token (null if
     * there was none); {@code unused} flags an active account without either for the configured
     * time, 90 days unless set. {@code provider} names the identity provider that signs the user in
     * (absent for a local account); {@code awaitingApproval} marks an account made at a first sign-in
     * with a provider that waits for an administrator.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserResponse(UUID id, String name, String email, UUID agencyId, Set<Role> roles, boolean active,
            @JsonInclude(JsonInclude.Include.ALWAYS) Instant lastSignIn, boolean unused, String generatedPassword,
            String provider, boolean awaitingApproval) {
        static UserResponse of(UserSummary user, String generatedPassword) {
            return new UserResponse(user.id().value(), user.name(), user.email(), user.agencyId().value(),
                    user.roles(), user.active(), user.lastSignInAt(), user.unused(), generatedPassword,
                    user.provider(), user.awaitingApproval());
        }
    }

    /** A signed-in web session; {@code id} names it here and is not the secret in its cookie. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionResponse(String id, Instant signedInAt, Instant lastActiveAt, Instant expiresAt, String browser,
            String operatingSystem) {
        static SessionResponse of(WebSession session) {
            return new SessionResponse(session.id(), session.signedInAt(), session.lastActiveAt(),
                    session.expiresAt(), session.browser(), session.system());
        }
    }

    /**
     * An API token, never its value; {@code usable} is false once it is revoked or expired, and
     * while {@code needsSecondFactor}: issued with a password alone when two-factor sign-in is required.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UserTokenResponse(UUID id, String label, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            Instant revokedAt, boolean usable, boolean needsSecondFactor) {
        static UserTokenResponse of(ApiTokenSummary token) {
            return new UserTokenResponse(token.id(), token.label(), token.createdAt(), token.expiresAt(),
                    token.lastUsedAt(), token.revokedAt(), token.usable(), token.needsSecondFactor());
        }
    }

    /** How many sessions or tokens one call ended. */
    record EndedResponse(int ended) {
    }

    @GetMapping
    @Operation(summary = "List users", description = "With unused=true only the accounts flagged as unused; with unused=false only the others.")
    List<UserResponse> list(@RequestParam(required = false) Boolean unused) {
        return users.all().stream().filter(user -> unused == null || user.unused() == unused)
                .map(user -> UserResponse.of(user, null)).toList();
    }

    @GetMapping("/{id}")
    UserResponse get(@PathVariable UUID id) {
        return users.find(new UserId(id)).map(user -> UserResponse.of(user, null))
                .orElseThrow(() -> new NotFoundException("user", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse create(@Valid @RequestBody NewUserRequest request, @AuthenticationPrincipal WaymarkUser admin) {
        var created = users.create(request.name(), request.email(), new AgencyId(request.agencyId()),
                request.roles(), request.password(), request.passengerDataReason(), admin.actor());
        return UserResponse.of(created.user(), created.generatedPassword());
    }

    @PutMapping("/{id}")
    UserResponse update(@PathVariable UUID id, @Valid @RequestBody UserChangeRequest request,
            @AuthenticationPrincipal WaymarkUser admin) {
        return UserResponse.of(users.update(new UserId(id), request.name(), request.email(),
                new AgencyId(request.agencyId()), request.roles(), request.passengerDataReason(), admin.actor()),
                null);
    }

    /**
     * Gives the user a new password, returned once as {@code generatedPassword}; it ends any
     * lock-out and takes away their authenticator app, which they set up again at their next sign-in.
     */
    @PostMapping("/{id}/password-reset")
    UserResponse resetPassword(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin) {
        var reset = users.resetPassword(new UserId(id), admin.actor());
        return UserResponse.of(reset.user(), reset.generatedPassword());
    }

    @PostMapping("/{id}/deactivate")
    UserResponse deactivate(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin) {
        return UserResponse.of(users.deactivate(new UserId(id), admin.actor()), null);
    }

    /**
     * Opens the account again and ends any lock-out; for an account made at a first sign-in with
     * a provider that waits for approval, this is the administrator's approval.
     */
    @PostMapping("/{id}/reactivate")
    @Operation(summary = "Reactivate or approve a user's account")
    UserResponse reactivate(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin) {
        return UserResponse.of(users.reactivate(new UserId(id), admin.actor()), null);
    }

    @GetMapping("/{id}/sessions")
    @Operation(summary = "The user's signed-in web sessions", description = "The most recently active first.")
    List<SessionResponse> sessions(@PathVariable UUID id) {
        return sessions.of(existing(id), null).stream().map(SessionResponse::of).toList();
    }

    @DeleteMapping("/{id}/sessions/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End one of the user's web sessions",
            description = "The browser that holds it is signed out at its next request.")
    void endSession(@PathVariable UUID id, @PathVariable @Size(max = 64) @Pattern(regexp = "[0-9a-f]+") String sessionId,
            @AuthenticationPrincipal WaymarkUser admin) {
        if (!sessions.end(existing(id), sessionId, admin.actor())) {
            throw new NotFoundException("session", sessionId);
        }
    }

    @DeleteMapping("/{id}/sessions")
    @Operation(summary = "End all of the user's web sessions")
    EndedResponse endSessions(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin) {
        return new EndedResponse(sessions.endAll(existing(id), null, admin.actor()));
    }

    @GetMapping("/{id}/tokens")
    @Operation(summary = "The user's API tokens", description = "Newest first, with those revoked or expired.")
    List<UserTokenResponse> tokens(@PathVariable UUID id) {
        return tokens.of(existing(id)).stream().map(UserTokenResponse::of).toList();
    }

    @PostMapping("/{id}/tokens/{tokenId}/revoke")
    @Operation(summary = "Revoke one of the user's API tokens", description = "It is refused from its next use on.")
    UserTokenResponse revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId,
            @AuthenticationPrincipal WaymarkUser admin) {
        UserId user = existing(id);
        tokens.revoke(user, tokenId, admin.actor());
        return tokens.of(user).stream().filter(token -> token.id().equals(tokenId)).map(UserTokenResponse::of)
                .findFirst().orElseThrow(() -> new NotFoundException("token", tokenId));
    }

    @PostMapping("/{id}/tokens/revoke")
    @Operation(summary = "Revoke all of the user's API tokens")
    EndedResponse revokeTokens(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser admin) {
        return new EndedResponse(tokens.revokeAll(existing(id), admin.actor()));
    }

    private UserId existing(UUID id) {
        UserId user = new UserId(id);
        if (users.find(user).isEmpty()) {
            throw new NotFoundException("user", id);
        }
        return user;
    }
}
