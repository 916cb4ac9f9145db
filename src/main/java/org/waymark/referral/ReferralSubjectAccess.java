package org.waymark.referral;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.referral.ReferralEvents.ReferralRead;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NameMatch;
import org.waymark.shared.OperationId;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Referrals for a subject access request, for administrators: those made from the person's
 * checks, and those whose package names the person; and a referral in full to disclose to them,
 * the read logged. Masked referrals are not found.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReferralSubjectAccess {

    /**
     * A referral that may be about the person: the name in its package (none for an anonymous
     * Duty to Notify), whether it was found through one of the person's checks, and what tells it
     * apart.
     */
    public record Match(UUID referralId, UUID checkId, OperationId operationId, String operationName,
            AgencyId agencyId, String agencyName, Instant createdAt, ReferralKind kind, ReferralStatus status,
            String name, boolean fromCheck) {
    }

    private final JdbcClient jdbc;
    private final Referrals referrals;
    private final JsonMapper json;
    private final Operations operations;
    private final Agencies agencies;
    private final ApplicationEventPublisher events;

    /**
     * The referrals made from any of {@code checkIds}, and those whose package names the person
     * (with the same date of birth and nationality when both are known), oldest first.
     */
    @Transactional(readOnly = true)
    public List<Match> aboutPerson(String name, java.time.LocalDate dateOfBirth, String nationality,
            Collection<UUID> checkIds, WaymarkUser admin) {
        requireAdmin(admin);
        Set<UUID> checks = Set.copyOf(checkIds);
        record Row(UUID id, UUID checkId, UUID operationId, UUID agencyId, Instant createdAt, String kind,
                String status, String content) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, check_id, operation_id, agency_id, created_at, kind, status, package_content
                FROM referral WHERE masked_at IS NULL AND erased_at IS NULL""")
                .query((rs, row) -> new Row(rs.getObject("id", UUID.class), rs.getObject("check_id", UUID.class),
                        rs.getObject("operation_id", UUID.class), rs.getObject("agency_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("kind"), rs.getString("status"),
                        rs.getString("package_content")))
                .list();
        Map<UUID, String> operationNames = new HashMap<>();
        Map<UUID, String> agencyNames = new HashMap<>();
        return rows.stream().map(row -> {
            ReferralPackage.Subject subject = subject(row.content());
            String named = subject == null ? null : subject.name();
            boolean fromCheck = checks.contains(row.checkId());
            boolean byName = NameMatch.matches(name, named)
                    && (dateOfBirth == null || subject.dateOfBirth() == null
                            || dateOfBirth.equals(subject.dateOfBirth()))
                    && (nationality == null || subject.nationality() == null
                            || nationality.equals(subject.nationality()));
            if (!fromCheck && !byName) {
                return null;
            }
            return new Match(row.id(), row.checkId(), new OperationId(row.operationId()),
                    operationNames.computeIfAbsent(row.operationId(),
                            id -> operations.outline(new OperationId(id)).name()),
                    new AgencyId(row.agencyId()), agencyNames.computeIfAbsent(row.agencyId(),
                            id -> agencies.find(new AgencyId(id)).map(AgencySummary::name).orElse(null)),
                    row.createdAt(), ReferralKind.valueOf(row.kind()), ReferralStatus.valueOf(row.status()), named,
                    fromCheck);
        }).filter(java.util.Objects::nonNull).sorted(Comparator.comparing(Match::createdAt)).toList();
    }

    /** The whole referral with its package, to disclose to the person it is about; the read is logged. */
    public ReferralView forSubjectAccess(UUID referralId, WaymarkUser admin) {
        requireAdmin(admin);
        Referral referral = referrals.load(referralId);
        events.publishEvent(new ReferralRead(referralId, "SUBJECT_ACCESS", admin.actor(), true));
        return referrals.view(referral, referrals.content(referral));
    }

    private ReferralPackage.Subject subject(String content) {
        if (content == null || content.isBlank()) {
            return null;
        }
        try {
            return json.readValue(content, ReferralPackage.class).subject();
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    private static void requireAdmin(WaymarkUser user) {
        if (user == null || !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("subject access requests are answered by administrators");
        }
    }
}
