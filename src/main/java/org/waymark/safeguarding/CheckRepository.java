package org.waymark.safeguarding;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface CheckRepository extends ListCrudRepository<EnhancedCheck, UUID> {

    List<EnhancedCheck> findByOperationIdOrderByStartedAtDesc(UUID operationId);
}
