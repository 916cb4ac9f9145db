package org.waymark.referral;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface ReferralRepository extends ListCrudRepository<Referral, UUID> {

    List<Referral> findByCheckIdOrderByCreatedAt(UUID checkId);

    List<Referral> findByOperationIdInOrderByCreatedAtDesc(Collection<UUID> operationIds);
}
