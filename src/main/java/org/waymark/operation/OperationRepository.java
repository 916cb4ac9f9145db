package org.waymark.operation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OperationRepository extends ListCrudRepository<Operation, UUID> {

    @Query("""
            SELECT o.* FROM operation o
            WHERE EXISTS (SELECT 1 FROM operation_agency a WHERE a.operation_id = o.id AND a.agency_id = :agencyId)
            ORDER BY o.start_date DESC, o.name""")
    List<Operation> findWithParticipant(UUID agencyId);

    List<Operation> findAllByOrderByStartDateDescName();

    @Query("""
            SELECT o.status FROM operation o
            WHERE o.id = :id
              AND EXISTS (SELECT 1 FROM operation_agency a WHERE a.operation_id = o.id AND a.agency_id = :agencyId)""")
    Optional<String> findStatusWithParticipant(UUID id, UUID agencyId);

    @Query("""
            SELECT o.port FROM operation o
            WHERE o.id = :id AND o.status <> 'CLOSED'
              AND EXISTS (SELECT 1 FROM operation_agency a WHERE a.operation_id = o.id AND a.agency_id = :agencyId)""")
    Optional<String> findOpenPortWithParticipant(UUID id, UUID agencyId);
}
