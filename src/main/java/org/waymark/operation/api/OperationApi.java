package org.waymark.operation.api;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.OperationDetails;
import org.waymark.operation.OperationStatus;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.shared.AgencyId;
import org.waymark.shared.AirportCode;
import org.waymark.shared.CountryCode;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/operations")
@Tag(name = "Operations")
@RequiredArgsConstructor
class OperationApi {

    private final Operations operations;

    /**
     * The lead agency (the caller's) is always among the participating agencies.
     * {@code addFlightsFromPassengerData}: whether flights that passenger data speak of, at the port
     * within the dates, are added to the operation when it has not listed them; false when left out.
     */
    record OperationRequest(@NotBlank String name, @NotBlank @Size(max = 3) String port,
            @NotNull LocalDate startDate, @NotNull LocalDate endDate,
            @Size(max = 6) Set<@NotNull ExploitationType> focusExploitationTypes,
            @Size(max = 250) Set<@NotNull @Size(max = 2) String> focusCountries,
            @Size(max = 100) Set<@NotNull UUID> agencyIds, Boolean addFlightsFromPassengerData) {

        OperationDetails details() {
            String portCode = port.strip().toUpperCase(Locale.ROOT);
            if (!AirportCode.isValid(portCode)) {
                throw new RuleViolationException("operation.port.invalid", "port");
            }
            Set<CountryCode> countries = focusCountries == null ? Set.of() : focusCountries.stream().map(typed -> {
                String code = typed.strip().toUpperCase(Locale.ROOT);
                if (!CountryCode.isValid(code)) {
                    throw new RuleViolationException("operation.focusCountries.unknown", "focusCountries");
                }
                return new CountryCode(code);
            }).collect(Collectors.toSet());
            Set<AgencyId> agencies = agencyIds == null ? Set.of()
                    : agencyIds.stream().map(AgencyId::new).collect(Collectors.toSet());
            return new OperationDetails(name, new AirportCode(portCode), startDate, endDate, focusExploitationTypes,
                    countries, agencies, Boolean.TRUE.equals(addFlightsFromPassengerData));
        }
    }

    record StatusRequest(@NotNull OperationStatus status) {
    }

    /** Partners and analysts get the outline only: the focus and agency fields are left out for them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OperationResponse(UUID id, String name, String port, LocalDate startDate, LocalDate endDate,
            OperationStatus status, UUID leadAgencyId, Set<ExploitationType> focusExploitationTypes,
            List<String> focusCountries, List<UUID> agencyIds, Boolean addFlightsFromPassengerData) {

        static OperationResponse of(OperationView view) {
            var plan = view.plan();
            return new OperationResponse(view.id().value(), view.name(), view.port().value(), view.startDate(),
                    view.endDate(), view.status(), plan == null ? null : plan.leadAgency().value(),
                    plan == null ? null : plan.focusExploitationTypes(),
                    plan == null ? null : plan.focusCountries().stream().map(CountryCode::value).sorted().toList(),
                    plan == null ? null
                            : plan.agencyIds().stream().map(AgencyId::value)
                                    .sorted(Comparator.comparing(UUID::toString)).toList(),
                    plan == null ? null : plan.addFlightsFromPassengerData());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OperationResponse create(@Valid @RequestBody OperationRequest request, @AuthenticationPrincipal WaymarkUser user) {
        return OperationResponse.of(operations.create(request.details(), user));
    }

    @GetMapping
    List<OperationResponse> list(@AuthenticationPrincipal WaymarkUser user) {
        return operations.visibleTo(user).stream().map(OperationResponse::of).toList();
    }

    @GetMapping("/{id}")
    OperationResponse get(@PathVariable UUID id, @AuthenticationPrincipal WaymarkUser user) {
        return OperationResponse.of(operations.get(new OperationId(id), user));
    }

    @PutMapping("/{id}")
    OperationResponse update(@PathVariable UUID id, @Valid @RequestBody OperationRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return OperationResponse.of(operations.update(new OperationId(id), request.details(), user));
    }

    @PostMapping("/{id}/status")
    OperationResponse changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        return OperationResponse.of(operations.changeStatus(new OperationId(id), request.status(), user));
    }
}
