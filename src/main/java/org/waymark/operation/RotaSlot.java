package org.waymark.operation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One stretch of partner cover: an agency (and, if known, the person) on call for a kind of
 * support, from {@code startsAt} to {@code endsAt} in local time at the port. (A null version
 * tells the repository that the slot is new.)
 */
@Table("rota_slot")
record RotaSlot(@Id UUID id, UUID operationId, UUID agencyId, UUID userId, CoverKind kind, LocalDateTime startsAt,
        LocalDateTime endsAt, String phone, String email, Instant createdAt, UUID createdBy, @Version Long version) {
}
