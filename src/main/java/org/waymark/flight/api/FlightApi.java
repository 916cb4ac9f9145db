package org.waymark.flight.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.flight.Direction;
import org.waymark.flight.FlightStatus;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.flight.ImportResult;
import org.waymark.flight.ScheduleImport;
import org.waymark.flight.ScheduledFlight;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.shared.UserId;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/operations/{operationId}/flights")
@Tag(name = "Flights")
@RequiredArgsConstructor
class FlightApi {

    private final Flights flights;

    /** {@code scheduled} is local time at the operation's port, such as 2026-09-16T07:35. */
    record FlightRequest(@NotBlank @Size(max = 10) String flightNumber, @Size(max = ScheduledFlight.MAX_AIRLINE) String airline,
            @NotNull Direction direction, @NotBlank @Size(max = 3) String airport,
            @NotNull @JsonFormat(pattern = "uuuu-MM-dd'T'HH:mm") LocalDateTime scheduled,
            @Size(max = ScheduledFlight.MAX_TERMINAL) String terminal,
            @Size(max = ScheduledFlight.MAX_STAND) String stand) {
    }

    /**
     * {@code passengersOnBoard}: passengers on board as the airline's passenger data count them,
     * null where none came; {@code fromPassengerData}: added because passenger data spoke of it.
     */
    record FlightResponse(UUID id, String flightNumber, String airline, Direction direction, String airport,
            String airportName, String country, @JsonFormat(pattern = "uuuu-MM-dd'T'HH:mm") LocalDateTime scheduled,
            String terminal, String stand, FlightStatus status, boolean suggested, Set<UUID> officerIds,
            boolean fromPassengerData, Integer passengersOnBoard) {
        static FlightResponse of(FlightView flight) {
            return new FlightResponse(flight.id().value(), flight.flightNumber(), flight.airline(),
                    flight.direction(), flight.airport().code().value(), flight.airport().name(),
                    flight.airport().country().value(), flight.scheduled(), flight.terminal(), flight.stand(),
                    flight.status(), flight.suggested(),
                    flight.officers().stream().map(UserId::value).collect(Collectors.toSet()),
                    flight.fromPassengerData(), flight.passengersOnBoard());
        }
    }

    record FlightStatusRequest(@NotNull FlightStatus status) {
    }

    record OfficersRequest(@NotNull @Size(max = 100) Set<@NotNull UUID> officerIds) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FlightResponse add(@PathVariable UUID operationId, @Valid @RequestBody FlightRequest request,
            @AuthenticationPrincipal WaymarkUser user) {
        ScheduledFlight flight = new ScheduledFlight(request.flightNumber(), request.airline(), request.direction(),
                request.airport(), request.scheduled(), request.terminal(), request.stand());
        return FlightResponse.of(flights.add(new OperationId(operationId), flight, user));
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(summary = "Import a schedule file", description = "UTF-8 CSV with the header "
            + "flight_number,airline,direction,airport,scheduled (scheduled as YYYY-MM-DDTHH:MM local time), "
            + "up to 50,000 rows. Valid rows land, duplicates are skipped, refused rows are listed by line.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string", example = "flight_number,airline,direction,airport,scheduled\n"
                    + "FR1234,Ryanair,ARRIVAL,SOF,2026-09-17T09:00")))
    ImportResult importSchedule(@PathVariable UUID operationId, InputStream body,
            @AuthenticationPrincipal WaymarkUser user) throws IOException {
        byte[] file = body.readNBytes(ScheduleImport.MAX_BYTES + 1);
        return flights.importSchedule(new OperationId(operationId), file, user, saved -> { });
    }

    @GetMapping
    List<FlightResponse> list(@PathVariable UUID operationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal WaymarkUser user) {
        return flights.list(new OperationId(operationId), date, user).stream().map(FlightResponse::of).toList();
    }

    @GetMapping("/{flightId}")
    FlightResponse get(@PathVariable UUID operationId, @PathVariable UUID flightId,
            @AuthenticationPrincipal WaymarkUser user) {
        return FlightResponse.of(flights.get(new OperationId(operationId), new FlightId(flightId), user));
    }

    @PostMapping("/{flightId}/monitor")
    FlightResponse monitor(@PathVariable UUID operationId, @PathVariable UUID flightId,
            @AuthenticationPrincipal WaymarkUser user) {
        return FlightResponse.of(flights.monitor(new OperationId(operationId), new FlightId(flightId), user));
    }

    @PostMapping("/monitor-suggested")
    Map<String, Integer> monitorSuggested(@PathVariable UUID operationId, @AuthenticationPrincipal WaymarkUser user) {
        return Map.of("monitored", flights.monitorSuggested(new OperationId(operationId), user));
    }

    @PostMapping("/{flightId}/status")
    FlightResponse changeStatus(@PathVariable UUID operationId, @PathVariable UUID flightId,
            @Valid @RequestBody FlightStatusRequest request, @AuthenticationPrincipal WaymarkUser user) {
        return FlightResponse.of(flights.changeStatus(new OperationId(operationId), new FlightId(flightId),
                request.status(), user));
    }

    @PutMapping("/{flightId}/officers")
    FlightResponse assignOfficers(@PathVariable UUID operationId, @PathVariable UUID flightId,
            @Valid @RequestBody OfficersRequest request, @AuthenticationPrincipal WaymarkUser user) {
        return FlightResponse.of(flights.assignOfficers(new OperationId(operationId), new FlightId(flightId),
                request.officerIds().stream().map(UserId::new).collect(Collectors.toSet()), user));
    }
}
