package org.waymark.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.referral.ReferralDisposal;
import org.waymark.retention.RetentionEvents.HoldLifted;
import org.waymark.retention.RetentionEvents.HoldPlaced;
import org.waymark.safeguarding.CheckDisposal;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;
import org.waymark.tips.ReportDisposal;

/**
 * Holds on records under review, placed and lifted by administrators with a reason, each in the
 * audit log. A held record is not disposed of; a hold on a referral holds its check too, and the
 * other way round, as they are disposed of together.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Holds {

    public static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final CheckDisposal checks;
    private final ReferralDisposal referrals;
    private final ReportDisposal reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Places a hold on the record: a check or a referral by its id, a report from the public by
     * its id or its reference.
     */
    public Hold place(HeldType type, String record, String reason, WaymarkUser admin) {
        requireAdmin(admin);
        if (type == null) {
            throw new RuleViolationException("retention.hold.type.required", "recordType");
        }
        String why = PlainText.typed(reason);
        if (why == null) {
            throw new RuleViolationException("retention.hold.reason.required", "reason");
        }
        PlainText.check(why, MAX_REASON, "retention.hold.reason.tooLong", "reason");
        UUID id = find(type, record)
                .orElseThrow(() -> new RuleViolationException("retention.hold.record.unknown", "recordId"));
        if (active(type).contains(id)) {
            throw new ConflictException("retention.hold.already", "recordId");
        }
        Hold hold = new Hold(UUID.randomUUID(), type, id, why, clock.instant(), admin.id().value(), null, null);
        jdbc.sql("""
                INSERT INTO retention_hold (id, record_type, record_id, reason, placed_at, placed_by)
                VALUES (:id, :type, :record, :reason, :at, :by)""")
                .param("id", hold.id()).param("type", type.name()).param("record", id).param("reason", why)
                .param("at", Timestamp.from(hold.placedAt())).param("by", hold.placedBy()).update();
        events.publishEvent(new HoldPlaced(hold.id(), type, id, admin.actor()));
        return hold;
    }

    /** Lifts a hold that stands; the record is disposed of at the next run if it is due. */
    public Hold lift(UUID holdId, WaymarkUser admin) {
        requireAdmin(admin);
        Hold hold = find(holdId).orElseThrow(() -> new NotFoundException("hold", holdId));
        if (!hold.active()) {
            throw new ConflictException("retention.hold.lifted", null);
        }
        jdbc.sql("UPDATE retention_hold SET lifted_at = :at, lifted_by = :by WHERE id = :id AND lifted_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("by", admin.id().value()).param("id", holdId)
                .update();
        events.publishEvent(new HoldLifted(holdId, hold.recordType(), hold.recordId(), admin.actor()));
        return find(holdId).orElseThrow();
    }

    /** The holds that stand, newest first. */
    @Transactional(readOnly = true)
    public List<Hold> standing() {
        return jdbc.sql("SELECT * FROM retention_hold WHERE lifted_at IS NULL ORDER BY placed_at DESC, id")
                .query((rs, row) -> hold(rs)).list();
    }

    @Transactional(readOnly = true)
    public Optional<Hold> find(UUID holdId) {
        return jdbc.sql("SELECT * FROM retention_hold WHERE id = :id").param("id", holdId)
                .query((rs, row) -> hold(rs)).optional();
    }

    /** The records of the type that a standing hold keeps. */
    @Transactional(readOnly = true)
    Set<UUID> active(HeldType type) {
        return Set.copyOf(jdbc.sql("SELECT record_id FROM retention_hold WHERE record_type = :type AND lifted_at IS NULL")
                .param("type", type.name()).query(UUID.class).list());
    }

    /** What the run must leave alone: the held checks, and the checks of the held referrals. */
    @Transactional(readOnly = true)
    Held held() {
        Set<UUID> checkIds = new HashSet<>(active(HeldType.ENHANCED_CHECK));
        active(HeldType.REFERRAL).forEach(referral -> referrals.checkOf(referral).ifPresent(checkIds::add));
        return new Held(Set.copyOf(checkIds), active(HeldType.PUBLIC_REPORT));
    }

    /** The checks (with their referrals) and the reports a standing hold keeps. */
    record Held(Set<UUID> checks, Set<UUID> reports) {
    }

    private Optional<UUID> find(HeldType type, String record) {
        if (type == HeldType.PUBLIC_REPORT) {
            return reports.find(record);
        }
        UUID id;
        try {
            id = UUID.fromString(record == null ? "" : record.strip());
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return switch (type) {
            case ENHANCED_CHECK -> checks.exists(id) ? Optional.of(id) : Optional.empty();
            default -> referrals.checkOf(id).map(check -> id);
        };
    }

    private static void requireAdmin(WaymarkUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("holds are placed and lifted by administrators");
        }
    }

    private static Hold hold(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp lifted = rs.getTimestamp("lifted_at");
        return new Hold(rs.getObject("id", UUID.class), HeldType.valueOf(rs.getString("record_type")),
                rs.getObject("record_id", UUID.class), rs.getString("reason"),
                rs.getTimestamp("placed_at").toInstant(), rs.getObject("placed_by", UUID.class),
                lifted == null ? null : lifted.toInstant(), rs.getObject("lifted_by", UUID.class));
    }
}
