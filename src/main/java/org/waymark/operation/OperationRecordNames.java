package org.waymark.operation;

import static org.waymark.audit.RecordNames.name;
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

/** Operations named for the audit log by their names. */
@Component
@RequiredArgsConstructor
class OperationRecordNames implements RecordNames {

    private final JdbcClient jdbc;

    @Override
    public Set<String> recordTypes() {
        return Set.of("OPERATION");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MessageSourceResolvable> names(String recordType, Collection<String> recordIds) {
        Map<String, MessageSourceResolvable> names = new HashMap<>();
        List<UUID> ids = uuids(recordIds);
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, name FROM operation WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, row) -> names.put(rs.getString(1), name("audit.name.OPERATION", rs.getString(2))))
                    .list();
        }
        return names;
    }
}
