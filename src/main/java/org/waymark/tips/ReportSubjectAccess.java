package org.waymark.tips;

import java.time.Instant;
import java.util.ArrayList;
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
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.tips.TipsEvents.ReportRead;
import org.waymark.shared.NameMatch;
import org.waymark.shared.OperationId;

/**
 * Reports from the public for a subject access request, for administrators: those whose words or
 * contact details name the person, and a report in full to disclose to them, the read logged.
 * Masked reports are not found.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportSubjectAccess {

    /**
     * A report that may be about the person, or made by them: where the name was found
     * ({@code who}, {@code what}, {@code place}, {@code when}, {@code contact}), and what tells it apart.
     */
    public record Match(UUID reportId, String reference, Instant receivedAt, ReportStatus status,
            OperationId operationId, String operationName, List<String> foundIn) {

        /** Whether the person gave the contact details: then they are theirs to see. */
        public boolean madeByThem() {
            return foundIn.contains("contact");
        }
    }

    private final JdbcClient jdbc;
    private final Triage triage;
    private final Operations operations;
    private final ApplicationEventPublisher events;

    /** The reports whose words or contact details name the person, oldest first. */
    @Transactional(readOnly = true)
    public List<Match> aboutPerson(String name, WaymarkUser admin) {
        requireAdmin(admin);
        Map<UUID, String> operationNames = new HashMap<>();
        return jdbc.sql("""
                SELECT id, reference, received_at, status, operation_id, who, what, place, happened, contact
                FROM public_report WHERE masked_at IS NULL""")
                .query((rs, row) -> {
                    List<String> foundIn = new ArrayList<>();
                    for (String field : List.of("who", "what", "place", "happened", "contact")) {
                        if (NameMatch.matches(name, rs.getString(field))) {
                            foundIn.add(field.equals("happened") ? "when" : field);
                        }
                    }
                    if (foundIn.isEmpty()) {
                        return null;
                    }
                    UUID operation = rs.getObject("operation_id", UUID.class);
                    return new Match(rs.getObject("id", UUID.class), rs.getString("reference"),
                            rs.getTimestamp("received_at").toInstant(), ReportStatus.valueOf(rs.getString("status")),
                            operation == null ? null : new OperationId(operation),
                            operation == null ? null : operationNames.computeIfAbsent(operation,
                                    id -> operations.outline(new OperationId(id)).name()),
                            List.copyOf(foundIn));
                })
                .list().stream().filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(Match::receivedAt)).toList();
    }

    /**
     * The whole report to disclose to the person; the contact details only if they are theirs
     * (whoever else made a report about them is not disclosed). The read is logged.
     */
    public ReportView forSubjectAccess(UUID reportId, boolean withContact, WaymarkUser admin) {
        requireAdmin(admin);
        PublicReport report = triage.load(reportId);
        events.publishEvent(new ReportRead(reportId, withContact ? "SUBJECT_ACCESS_WITH_CONTACT" : "SUBJECT_ACCESS",
                admin.actor(), true));
        return triage.view(report, withContact, admin);
    }

    private static void requireAdmin(WaymarkUser user) {
        if (user == null || !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("subject access requests are answered by administrators");
        }
    }
}
