package org.waymark.safeguarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.waymark.safeguarding.SafeguardingEvents.CheckRead;
import org.waymark.shared.AgencyId;
import org.waymark.shared.CountryCode;
import org.waymark.shared.NameMatch;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;

/**
 * Checks for a subject access request, for administrators: the checks that may be about a named
 * person, and a check in full to disclose to them, the read logged. Masked checks hold no name
 * any more and are not found.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CheckSubjectAccess {

    /**
     * A check that may be about the person, with what tells it apart from others: the name, date
     * of birth and nationality as recorded, the operation, the start and the agency that controls it.
     */
    public record Match(UUID checkId, OperationId operationId, String operationName, AgencyId agencyId,
            String agencyName, Instant startedAt, CheckStatus status, String name, LocalDate dateOfBirth,
            String nationality) {
    }

    private final JdbcClient jdbc;
    private final Checks checks;
    private final Operations operations;
    private final Agencies agencies;
    private final ApplicationEventPublisher events;

    /**
     * The checks whose person's name matches, oldest first; a date of birth or nationality
     * leaves out checks that record another one (checks that record none stay in).
     */
    @Transactional(readOnly = true)
    public List<Match> aboutPerson(String name, LocalDate dateOfBirth, CountryCode nationality, WaymarkUser admin) {
        requireAdmin(admin);
        record Row(UUID id, UUID operationId, UUID agencyId, Instant startedAt, String status, String name,
                LocalDate dateOfBirth, String nationality) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, operation_id, agency_id, started_at, status, name, date_of_birth, nationality
                FROM enhanced_check WHERE name IS NOT NULL AND masked_at IS NULL AND erased_at IS NULL""")
                .query((rs, row) -> new Row(rs.getObject("id", UUID.class), rs.getObject("operation_id", UUID.class),
                        rs.getObject("agency_id", UUID.class), rs.getTimestamp("started_at").toInstant(),
                        rs.getString("status"), rs.getString("name"), rs.getObject("date_of_birth", LocalDate.class),
                        rs.getString("nationality")))
                .list();
        Map<UUID, String> operationNames = new HashMap<>();
        Map<UUID, String> agencyNames = new HashMap<>();
        return rows.stream()
                .filter(row -> NameMatch.matches(name, row.name()))
                .filter(row -> dateOfBirth == null || row.dateOfBirth() == null || dateOfBirth.equals(row.dateOfBirth()))
                .filter(row -> nationality == null || row.nationality() == null
                        || nationality.value().equals(row.nationality()))
                .sorted(Comparator.comparing(Row::startedAt))
                .map(row -> new Match(row.id(), new OperationId(row.operationId()),
                        operationNames.computeIfAbsent(row.operationId(),
                                id -> operations.outline(new OperationId(id)).name()),
                        new AgencyId(row.agencyId()), agencyNames.computeIfAbsent(row.agencyId(),
                                id -> agencies.find(new AgencyId(id)).map(AgencySummary::name).orElse(null)),
                        row.startedAt(), CheckStatus.valueOf(row.status()), row.name(), row.dateOfBirth(),
                        row.nationality()))
                .toList();
    }

    /** The whole check, to disclose to the person it is about; the read is logged as such. */
    public CheckView forSubjectAccess(UUID checkId, WaymarkUser admin) {
        requireAdmin(admin);
        EnhancedCheck check = checks.find(checkId).orElseThrow(() -> new NotFoundException("check", checkId));
        events.publishEvent(new CheckRead(checkId, "SUBJECT_ACCESS", admin.actor(), true));
        return checks.view(check);
    }

    private static void requireAdmin(WaymarkUser user) {
        if (user == null || !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("subject access requests are answered by administrators");
        }
    }
}
