package org.waymark.operation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface RotaSlotRepository extends ListCrudRepository<RotaSlot, UUID> {

    List<RotaSlot> findByOperationIdOrderByStartsAtAscKind(UUID operationId);
}
