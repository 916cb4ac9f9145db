package org.waymark.flight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.waymark.shared.ConflictException;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.shared.UserId;

/** A flight the operation may meet: an arrival from, or a departure to, another airport. */
class Flight {

    @Id
    private final UUID id;
    private final UUID operationId;
    private final String flightNumber;
    private final String airline;
    private final Direction direction;
    /** The other airport: origin of an arrival, destination of a departure. */
    private final String airport;
    /** The other airport's country: what a focus on countries is about. */
    private final String country;
    /** Local time at the operation's port. */
    private final LocalDateTime scheduled;
    /** The day of {@link #scheduled}, kept for the one-flight-a-day rule. */
    private final LocalDate scheduledDate;
    private final String terminal;
    private final String stand;
    private FlightStatus status;
    private final Instant createdAt;
    /** Added because passenger data spoke of it, not by a person or a schedule file. */
    private final boolean fromPassengerData;
    @MappedCollection(idColumn = "flight_id")
    private Set<Officer> officers;
    @Version
    private Long version;

    Flight(UUID id, UUID operationId, String flightNumber, String airline, Direction direction, String airport,
            String country, LocalDateTime scheduled, LocalDate scheduledDate, String terminal, String stand,
            FlightStatus status, Instant createdAt, boolean fromPassengerData, Set<Officer> officers, Long version) {
        this.id = id;
        this.operationId = operationId;
        this.flightNumber = flightNumber;
        this.airline = airline;
        this.direction = direction;
        this.airport = airport;
        this.country = country;
        this.scheduled = scheduled;
        this.scheduledDate = scheduledDate;
        this.terminal = terminal;
        this.stand = stand;
        this.status = status;
        this.createdAt = createdAt;
        this.fromPassengerData = fromPassengerData;
        this.officers = officers;
        this.version = version;
    }

    static Flight schedule(OperationId operation, ScheduledFlight flight, Airport other, Instant now) {
        return schedule(operation, flight, other, now, false);
    }

    /** A flight the operation had not listed, added because passenger data spoke of it. */
    static Flight fromPassengerData(OperationId operation, ScheduledFlight flight, Airport other, Instant now) {
        return schedule(operation, flight, other, now, true);
    }

    private static Flight schedule(OperationId operation, ScheduledFlight flight, Airport other, Instant now,
            boolean fromPassengerData) {
        return new Flight(UUID.randomUUID(), operation.value(), flight.flightNumber(), flight.airline(),
                flight.direction(), other.code().value(), other.country().value(), flight.scheduled(),
                flight.scheduled().toLocalDate(), flight.terminal(), flight.stand(), FlightStatus.SCHEDULED, now,
                fromPassengerData, Set.of(), null);
    }

    /** Chooses the flight for the operation; a cancelled or finished one stays as it is. */
    boolean monitor() {
        if (status != FlightStatus.SCHEDULED) {
            return false;
        }
        status = FlightStatus.MONITORING;
        return true;
    }

    void changeStatus(FlightStatus next) {
        if (status == FlightStatus.CANCELLED && next != FlightStatus.CANCELLED) {
            throw new ConflictException("flight.cancelled", "status");
        }
        status = next;
    }

    void assign(Set<UserId> users) {
        this.officers = users.stream().map(user -> new Officer(user.value())).collect(Collectors.toSet());
    }

    FlightId id() {
        return new FlightId(id);
    }

    OperationId operationId() {
        return new OperationId(operationId);
    }

    String country() {
        return country;
    }

    /** The day it is scheduled, local at the port. */
    LocalDate scheduledDate() {
        return scheduledDate;
    }

    FlightStatus status() {
        return status;
    }

    FlightView view(Airports airports, Set<String> focusCountries) {
        Set<UserId> assigned = new HashSet<>();
        officers.forEach(officer -> assigned.add(new UserId(officer.userId())));
        return new FlightView(id(), flightNumber, airline, direction, airports.find(airport).orElseThrow(),
                scheduled, terminal, stand, status, focusCountries.contains(country), Set.copyOf(assigned),
                fromPassengerData, null);
    }

    @Table("flight_officer")
    record Officer(UUID userId) {
    }
}
