package org.waymark.tips;

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

/** Reports from the public named for the audit log by the reference the reporter was given. */
@Component
@RequiredArgsConstructor
class ReportRecordNames implements RecordNames {

    private final JdbcClient jdbc;

    @Override
    public Set<String> recordTypes() {
        return Set.of("PUBLIC_REPORT");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MessageSourceResolvable> names(String recordType, Collection<String> recordIds) {
        Map<String, MessageSourceResolvable> names = new HashMap<>();
        List<UUID> ids = uuids(recordIds);
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, reference FROM public_report WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, row) -> names.put(rs.getString(1), name("audit.name.PUBLIC_REPORT", rs.getString(2))))
                    .list();
        }
        return names;
    }
}
