package org.waymark.identity.api;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.PasswordPolicy;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.UserId;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserApi {

    private final Users users;

    UserApi(Users users) {
        this.users = users;
    }

    /** Without a password, Waymark generates one and returns it once as {@code generatedPassword}. */
    record NewUserRequest(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email,
            @NotNull UUID agencyId, @NotEmpty Set<@NotNull Role> roles,
            @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password) {
    }

    record UserChangeRequest(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email,
            @NotNull UUID agencyId, @NotEmpty Set<@NotNull Role> roles) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserResponse(UUID id, String name, String email, UUID agencyId, Set<Role> roles, boolean active,
            String generatedPassword) {
        static UserResponse of(UserSummary user, String generatedPassword) {
            return new UserResponse(user.id().value(), user.name(), user.email(), user.agencyId().value(),
                    user.roles(), user.active(), generatedPassword);
        }
    }

    @GetMapping
    List<UserResponse> list() {
        return users.all().stream().map(user -> UserResponse.of(user, null)).toList();
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
                request.roles(), request.password(), admin.actor());
        return UserResponse.of(created.user(), created.generatedPassword());
    }

    @PutMapping("/{id}")
    UserResponse update(@PathVariable UUID id, @Valid @RequestBody UserChangeRequest request,
            @AuthenticationPrincipal WaymarkUser admin) {
        return UserResponse.of(users.update(new UserId(id), request.name(), request.email(),
                new AgencyId(request.agencyId()), request.roles(), admin.actor()), null);
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
}
