package org.waymark.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface ProviderMappingRepository extends ListCrudRepository<ProviderMapping, String> {

    List<ProviderMapping> findByAgencyId(UUID agencyId);
}
