package org.waymark.operation;

import java.time.LocalDateTime;
import java.util.UUID;

import org.waymark.shared.AgencyId;
import org.waymark.shared.UserId;

/** A slot of partner cover, with the names of the agency and of the person on call (if known). */
public record RotaSlotView(UUID id, AgencyId agencyId, String agencyName, UserId userId, String userName,
        CoverKind kind, LocalDateTime from, LocalDateTime to, String phone, String email) {
}
