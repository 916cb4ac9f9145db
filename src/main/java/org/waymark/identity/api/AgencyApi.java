package org.waymark.identity.api;

import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

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
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NotFoundException;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "Agencies")
@RequiredArgsConstructor
class AgencyApi {

    private final Agencies agencies;

    /** {@code firstResponder} may be left out: the type then decides it. */
    record AgencyRequest(@NotBlank String name, @NotNull AgencyType type, Boolean firstResponder) {
    }

    record AgencyResponse(UUID id, String name, AgencyType type, boolean firstResponder) {
        static AgencyResponse of(AgencySummary agency) {
            return new AgencyResponse(agency.id().value(), agency.name(), agency.type(), agency.firstResponder());
        }
    }

    @GetMapping
    List<AgencyResponse> list() {
        return agencies.all().stream().map(AgencyResponse::of).toList();
    }

    @GetMapping("/{id}")
    AgencyResponse get(@PathVariable UUID id) {
        return agencies.find(new AgencyId(id)).map(AgencyResponse::of)
                .orElseThrow(() -> new NotFoundException("agency", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AgencyResponse create(@Valid @RequestBody AgencyRequest request, @AuthenticationPrincipal WaymarkUser user) {
        return AgencyResponse.of(agencies.create(request.name(), request.type(), request.firstResponder(),
                user.actor()));
    }

    @PutMapping("/{id}")
    AgencyResponse update(@PathVariable UUID id, @Valid @RequestBody AgencyRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return AgencyResponse.of(agencies.update(new AgencyId(id), request.name(), request.type(),
                request.firstResponder(), user.actor()));
    }
}
