package org.waymark.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OutboundMailRepository extends ListCrudRepository<OutboundMail, UUID> {

    List<OutboundMail> findByStatusAndNextAttemptAtLessThanEqualOrderByCreatedAt(MailStatus status, Instant now);

    List<OutboundMail> findByStatusOrderByCreatedAt(MailStatus status);

    List<OutboundMail> findBySupportRequestIdOrderByCreatedAt(UUID supportRequestId);

    @Modifying
    @Query("INSERT INTO escalation (support_request_id, escalated_at) VALUES (:requestId, :at)")
    void markEscalated(UUID requestId, Instant at);

    @Query("SELECT COUNT(*) FROM escalation WHERE support_request_id = :requestId")
    int escalations(UUID requestId);
}
