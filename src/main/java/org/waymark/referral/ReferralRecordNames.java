package org.waymark.referral;

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
import org.waymark.operation.Operations;
import org.waymark.shared.OperationId;

/**
 * Referrals named for the audit log: their kind, operation and when they were started, and the
 * Home Office's reference once submitted; never anything of the person.
 */
@Component
@RequiredArgsConstructor
class ReferralRecordNames implements RecordNames {

    private final JdbcClient jdbc;
    private final Operations operations;

    @Override
    public Set<String> recordTypes() {
        return Set.of("REFERRAL");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MessageSourceResolvable> names(String recordType, Collection<String> recordIds) {
        Map<String, MessageSourceResolvable> names = new HashMap<>();
        List<UUID> ids = uuids(recordIds);
        if (ids.isEmpty()) {
            return names;
        }
        Map<UUID, String> operationNames = new HashMap<>();
        jdbc.sql("""
                SELECT id, kind, child_referral, operation_id, created_at, home_office_reference FROM referral
                WHERE id IN (:ids)""").param("ids", ids)
                .query((rs, row) -> {
                    String kind = rs.getBoolean(3) ? "referrals.kind.child" : "referrals.kind." + rs.getString(2);
                    String operation = operationNames.computeIfAbsent(rs.getObject(4, UUID.class),
                            id -> operations.outline(new OperationId(id)).name());
                    String reference = rs.getString(6);
                    return names.put(rs.getString(1), reference == null
                            ? name("audit.name.REFERRAL", name(kind), operation, time(rs.getTimestamp(5).toInstant()))
                            : name("audit.name.REFERRAL.submitted", name(kind), operation,
                                    time(rs.getTimestamp(5).toInstant()), reference));
                })
                .list();
        return names;
    }
}
