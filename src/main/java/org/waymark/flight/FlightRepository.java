package org.waymark.flight;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface FlightRepository extends ListCrudRepository<Flight, UUID> {

    List<Flight> findByOperationIdOrderByScheduledAscFlightNumberAsc(UUID operationId);

    List<Flight> findByOperationIdAndScheduledDateOrderByScheduledAscFlightNumberAsc(UUID operationId,
            LocalDate date);

    Optional<Flight> findByIdAndOperationId(UUID id, UUID operationId);
}
