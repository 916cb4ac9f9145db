package org.waymark.passengerdata;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.flight.Direction;
import org.waymark.flight.Flights;
import org.waymark.flight.Flights.ReportedFlight;
import org.waymark.flight.PassengersOnBoard;
import org.waymark.operation.Operations;
import org.waymark.operation.Operations.AtPort;
import org.waymark.shared.AirportCode;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/**
 * Links the flights passenger data speak of to the flights of operations: an arrival at an
 * operation's port, or a departure from it, on a day within its dates, while it is planned or
 * active, is the operation's flight of the same carrier and number, day at the port and
 * direction; where the operation has none and adds flights from passenger data, the flight is
 * added to it. Each link is kept once, however often a message for the flight comes; a flight
 * an operation lists later is linked by the next message for it. Gives each operation's flights
 * their passengers on board: counts, never who.
 */
@Component
@RequiredArgsConstructor
class FlightLinks implements PassengersOnBoard {

    private static final Logger log = LoggerFactory.getLogger(FlightLinks.class);

    private final JdbcClient jdbc;
    private final Operations operations;
    private final Flights flights;
    private final Clock clock;

    /** A flight of the passenger data as its row says: where from and to, and when at each end. */
    record DataFlight(UUID id, String carrier, String number, LocalDate departureDate, String origin,
            String destination, LocalDateTime departureLocal, LocalDateTime arrivalLocal) {

        /** How it is seen at a port: arriving there, leaving it, or neither. */
        Optional<ReportedFlight> at(AirportCode port) {
            if (port.value().equals(destination)) {
                LocalDate day = arrivalLocal != null ? arrivalLocal.toLocalDate()
                        : departureLocal == null ? departureDate : null;
                return day == null ? Optional.empty()
                        : Optional.of(new ReportedFlight(carrier, number, Direction.ARRIVAL, origin, day, arrivalLocal));
            }
            if (port.value().equals(origin)) {
                LocalDate day = departureLocal != null ? departureLocal.toLocalDate() : departureDate;
                return Optional.of(new ReportedFlight(carrier, number, Direction.DEPARTURE, destination, day,
                        departureLocal));
            }
            return Optional.empty();
        }
    }

    /**
     * Links each of these flights of the passenger data to the operations' flights it is. Runs
     * after the message is applied and in no transaction of its own: each flight and operation
     * goes on alone, and one that fails is logged and left for the next message.
     */
    void link(Collection<UUID> pdFlights) {
        for (UUID id : pdFlights.stream().distinct().toList()) {
            try {
                load(id).ifPresent(this::link);
            } catch (RuntimeException e) {
                log.error("Passenger data flight {} was not linked to operations' flights", id, e);
            }
        }
    }

    private void link(DataFlight flight) {
        List<AirportCode> ports = new ArrayList<>();
        for (String code : new String[] { flight.destination(), flight.origin() }) {
            if (code != null && AirportCode.isValid(code)) {
                ports.add(new AirportCode(code));
            }
        }
        for (AirportCode port : ports) {
            Optional<ReportedFlight> reported = flight.at(port);
            if (reported.isEmpty()) {
                continue;
            }
            LocalDate day = reported.get().date();
            for (AtPort operation : operations.plannedOrActiveAt(port, day, day)) {
                try {
                    link(flight, operation, reported.get());
                } catch (RuntimeException e) {
                    log.error("Passenger data flight {} was not linked to operation {}", flight.id(), operation.id(),
                            e);
                }
            }
        }
    }

    private void link(DataFlight flight, AtPort operation, ReportedFlight reported) {
        Optional<FlightId> target;
        try {
            target = flights.fromPassengerData(operation.id(), reported, operation.addFlightsFromPassengerData());
        } catch (DataIntegrityViolationException addedAtOnce) {
            // Another message added the same flight at the same moment: it is there now.
            target = flights.fromPassengerData(operation.id(), reported, false);
        }
        if (target.isEmpty()) {
            return;
        }
        UUID flightId = target.get().value();
        int updated = jdbc.sql("""
                UPDATE pd_flight_link SET flight_id = :flight
                WHERE pd_flight_id = :pdFlight AND operation_id = :operation AND flight_id <> :flight""")
                .param("flight", flightId).param("pdFlight", flight.id()).param("operation", operation.id().value())
                .update();
        if (updated > 0 || linked(flight.id(), operation.id())) {
            return;
        }
        try {
            jdbc.sql("""
                    INSERT INTO pd_flight_link (pd_flight_id, operation_id, flight_id, linked_at)
                    VALUES (:pdFlight, :operation, :flight, :at)""")
                    .param("pdFlight", flight.id()).param("operation", operation.id().value())
                    .param("flight", flightId).param("at", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException linkedAtOnce) {
            // linked by another message at the same moment
        }
    }

    private boolean linked(UUID pdFlight, OperationId operation) {
        return jdbc.sql("SELECT COUNT(*) FROM pd_flight_link WHERE pd_flight_id = :pdFlight AND operation_id = :operation")
                .param("pdFlight", pdFlight).param("operation", operation.value()).query(Integer.class).single() > 0;
    }

    private Optional<DataFlight> load(UUID id) {
        return jdbc.sql("""
                SELECT id, carrier, number, departure_date, origin, destination, departure_local, arrival_local
                FROM pd_flight WHERE id = :id""").param("id", id)
                .query((rs, row) -> new DataFlight(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6),
                        rs.getObject(7, LocalDateTime.class), rs.getObject(8, LocalDateTime.class)))
                .optional();
    }

    /**
     * Passengers on board each of the operation's flights that a message has been applied to:
     * where more than one flight of the passenger data is linked to one (the same flight told
     * from two origins), the largest count, so that nobody is counted twice.
     */
    @Override
    public Map<FlightId, Integer> byFlight(OperationId operation) {
        Map<FlightId, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT l.flight_id, MAX(f.passengers) FROM pd_flight_link l JOIN pd_flight f ON f.id = l.pd_flight_id
                WHERE l.operation_id = :operation AND (f.api_message_id IS NOT NULL OR f.pnr_message_id IS NOT NULL)
                GROUP BY l.flight_id""")
                .param("operation", operation.value())
                .query(rs -> {
                    counts.put(new FlightId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
        return counts;
    }
}
