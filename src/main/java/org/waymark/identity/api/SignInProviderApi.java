package org.waymark.identity.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.ProviderMappingView;
import org.waymark.identity.ProviderMappings;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.AgencyId;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The identity providers the deployment configures, as administrators map them: each to the
 * agency of the people it signs in, and the values of its claims to roles.
 */
@RestController
@RequestMapping("/api/v1/sign-in-providers")
@Tag(name = "Sign-in providers")
@RequiredArgsConstructor
class SignInProviderApi {

    private final ProviderMappings mappings;

    /**
     * What a provider maps. {@code groupsClaim} is the claim of its ID tokens that lists a
     * person's groups, {@code groups} when left out; a dotted path such as
     * {@code realm_access.roles} reaches a nested claim. {@code people} gives, for each role a
     * person may hold, the values of that claim that give it; {@code clients} gives, for each role a
     * machine client may hold, the scopes of its tokens that give it. Up to 200 values in each,
     * each up to 200 characters.
     */
    record MappingRequest(UUID agencyId, String groupsClaim, Boolean needsApproval, Boolean required,
            Map<Role, Set<String>> people, Map<Role, Set<String>> clients) {
    }

    /**
     * A provider's mapping; {@code agencyId} is null and {@code mapped} false until an
     * administrator maps it.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MappingResponse(String name, String label, UUID agencyId, String groupsClaim, boolean needsApproval,
            boolean required, Map<Role, Set<String>> people, Map<Role, Set<String>> clients, boolean mapped) {
        static MappingResponse of(ProviderMappingView view) {
            return new MappingResponse(view.name(), view.label(),
                    view.agencyId() == null ? null : view.agencyId().value(), view.groupsClaim(),
                    view.needsApproval(), view.required(), view.people(), view.clients(), view.mapped());
        }
    }

    @GetMapping
    @Operation(summary = "Every configured identity provider, mapped or not", description = "By label.")
    List<MappingResponse> list() {
        return mappings.all().stream().map(MappingResponse::of).toList();
    }

    @GetMapping("/{name}")
    MappingResponse get(@PathVariable String name) {
        return MappingResponse.of(mappings.find(name));
    }

    @PutMapping("/{name}")
    @Operation(summary = "Map an identity provider",
            description = "Requiring it for its agency stops the passwords of the agency's people from signing in.")
    MappingResponse update(@PathVariable String name, @RequestBody MappingRequest request,
            @AuthenticationPrincipal WaymarkUser admin) {
        return MappingResponse.of(mappings.save(name, new ProviderMappings.Change(
                request.agencyId() == null ? null : new AgencyId(request.agencyId()),
                request.groupsClaim() == null ? ProviderMappings.DEFAULT_GROUPS_CLAIM : request.groupsClaim(),
                Boolean.TRUE.equals(request.needsApproval()), Boolean.TRUE.equals(request.required()),
                request.people(), request.clients()), admin.actor()));
    }
}
