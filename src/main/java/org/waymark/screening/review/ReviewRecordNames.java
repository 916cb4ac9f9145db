package org.waymark.screening.review;

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

/**
 * Hits and requests named for the audit log by what found them and when: never the passenger's
 * name or seat.
 */
@Component
@RequiredArgsConstructor
class ReviewRecordNames implements RecordNames {

    private final JdbcClient jdbc;

    @Override
    public Set<String> recordTypes() {
        return Set.of(ReviewEvents.HIT, ReviewEvents.REQUEST);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MessageSourceResolvable> names(String recordType, Collection<String> recordIds) {
        Map<String, MessageSourceResolvable> names = new HashMap<>();
        List<UUID> ids = uuids(recordIds);
        if (ids.isEmpty() || !recordTypes().contains(recordType)) {
            return names;
        }
        if (ReviewEvents.HIT.equals(recordType)) {
            jdbc.sql("SELECT id, title, found_at FROM screening_hit WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, row) -> names.put(rs.getString(1), name("audit.name." + ReviewEvents.HIT,
                            rs.getString(2), time(Hits.instant(rs, "found_at"))))).list();
        } else {
            jdbc.sql("SELECT id, asked_at FROM screening_request WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, row) -> names.put(rs.getString(1), name("audit.name." + ReviewEvents.REQUEST,
                            time(Hits.instant(rs, "asked_at"))))).list();
        }
        return names;
    }
}
