package org.waymark.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface ApiTokenRepository extends ListCrudRepository<ApiToken, UUID> {

    List<ApiToken> findByUserIdOrderByCreatedAtDesc(UUID userId);
}
