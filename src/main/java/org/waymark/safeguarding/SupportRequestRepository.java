package org.waymark.safeguarding;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface SupportRequestRepository extends ListCrudRepository<SupportRequest, UUID> {

    List<SupportRequest> findByCheckIdOrderByRequestedAt(UUID checkId);

    List<SupportRequest> findByOperationId(UUID operationId);

    List<SupportRequest> findByOperationIdIn(Collection<UUID> operationIds);

    List<SupportRequest> findByRequestedBy(UUID requestedBy);

    List<SupportRequest> findByAgencyIdOrderByRequestedAtDesc(UUID agencyId);

    boolean existsByCheckIdAndAgencyId(UUID checkId, UUID agencyId);

    long countByAgencyIdAndStatus(UUID agencyId, SupportStatus status);

    List<SupportRequest> findByStatusAndRequestedAtBefore(SupportStatus status, Instant before);
}
