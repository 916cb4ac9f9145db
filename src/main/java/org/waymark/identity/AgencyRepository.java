package org.waymark.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface AgencyRepository extends ListCrudRepository<Agency, UUID> {

    boolean existsByNameKey(String nameKey);

    boolean existsByNameKeyAndIdNot(String nameKey, UUID id);

    List<Agency> findAllByOrderByName();
}
