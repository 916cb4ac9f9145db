package org.waymark.screening.rules.store;

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

/** Screening rules named for the audit log by their newest version's title, and groups by their names. */
@Component
@RequiredArgsConstructor
class RuleRecordNames implements RecordNames {

    static final String RULE = "SCREENING_RULE";
    static final String GROUP = "SCREENING_GROUP";

    private final JdbcClient jdbc;

    @Override
    public Set<String> recordTypes() {
        return Set.of(RULE, GROUP);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MessageSourceResolvable> names(String recordType, Collection<String> recordIds) {
        Map<String, MessageSourceResolvable> names = new HashMap<>();
        if (RULE.equals(recordType)) {
            List<UUID> ids = uuids(recordIds);
            if (!ids.isEmpty()) {
                jdbc.sql("""
                        SELECT r.id, v.title FROM screening_rule r JOIN screening_rule_version v
                            ON v.rule_id = r.id AND v.version_no = r.current_version WHERE r.id IN (:ids)""")
                        .param("ids", ids)
                        .query((rs, row) -> names.put(rs.getString(1), name("audit.name." + RULE, rs.getString(2))))
                        .list();
            }
        } else if (GROUP.equals(recordType) && !recordIds.isEmpty()) {
            jdbc.sql("SELECT code, name FROM screening_group WHERE code IN (:codes)").param("codes", recordIds)
                    .query((rs, row) -> names.put(rs.getString(1), name("audit.name." + GROUP, rs.getString(2))))
                    .list();
        }
        return names;
    }
}
