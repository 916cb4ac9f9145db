package org.waymark.flight;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface FlightRepository extends ListCrudRepository<Flight, UUID> {

    List<Flight> findByOperationIdOrderByScheduledAscFlightNumberAsc(UUID operationId);

    Optional<Flight> findByIdAndOperationId(UUID id, UUID operationId);
}
