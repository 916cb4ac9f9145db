package org.waymark.safeguarding;

import static org.waymark.audit.RecordNames.name;
import static org.waymark.audit.RecordNames.time;
import static org.waymark.audit.RecordNames.uuids;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.RecordNames;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.operation.Operations;
import org.waymark.shared.AgencyId;
import org.waymark.shared.OperationId;

/**
 * Checks, support requests and indicators named for the audit log: a check by its operation,
 * when it started and the person's category, never anything of the person; a request by what
 * was asked of which agency for which check; an indicator by its code and wording.
 */
@Component
@RequiredArgsConstructor
class CheckRecordNames implements RecordNames {

    private final JdbcClient jdbc;
    private final Operations operations;
    private final Agencies agencies;

    @Override
    public Set<String> recordTypes() {
        return Set.of("ENHANCED_CHECK", "SUPPORT_REQUEST", "INDICATOR");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MessageSourceResolvable> names(String recordType, Collection<String> recordIds) {
        Map<String, MessageSourceResolvable> names = new HashMap<>();
        if (recordIds.isEmpty()) {
            return names;
        }
        if (recordType.equals("INDICATOR")) {
            jdbc.sql("SELECT code, wording FROM indicator WHERE code IN (:codes)").param("codes", recordIds)
                    .query((rs, row) -> names.put(rs.getString(1), name("audit.name.INDICATOR", rs.getString(1),
                            rs.getString(2))))
                    .list();
            return names;
        }
        List<UUID> ids = uuids(recordIds);
        if (ids.isEmpty()) {
            return names;
        }
        Map<UUID, String> operationNames = new HashMap<>();
        if (recordType.equals("ENHANCED_CHECK")) {
            jdbc.sql("SELECT id, operation_id, started_at, category FROM enhanced_check WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query((rs, row) -> names.put(rs.getString(1), name("audit.name.ENHANCED_CHECK",
                            operationName(rs.getObject(2, UUID.class), operationNames),
                            time(rs.getTimestamp(3).toInstant()), name("category." + rs.getString(4)))))
                    .list();
        } else if (recordType.equals("SUPPORT_REQUEST")) {
            Map<UUID, String> agencyNames = new HashMap<>();
            jdbc.sql("""
                    SELECT r.id, r.kind, r.agency_id, c.operation_id, c.started_at
                    FROM support_request r JOIN enhanced_check c ON c.id = r.check_id WHERE r.id IN (:ids)""")
                    .param("ids", ids)
                    .query((rs, row) -> names.put(rs.getString(1), name("audit.name.SUPPORT_REQUEST",
                            name("supportKind." + rs.getString(2)),
                            agencyNames.computeIfAbsent(rs.getObject(3, UUID.class), id -> agencies
                                    .find(new AgencyId(id)).map(AgencySummary::name).orElse("")),
                            operationName(rs.getObject(4, UUID.class), operationNames),
                            time(rs.getTimestamp(5).toInstant()))))
                    .list();
        }
        return names;
    }

    private String operationName(UUID operationId, Map<UUID, String> known) {
        return known.computeIfAbsent(operationId, id -> operations.outline(new OperationId(id)).name());
    }
}
