package org.waymark.flight;

import static org.waymark.audit.RecordNames.name;
import static org.waymark.audit.RecordNames.uuids;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.RecordNames;

/** Flights named for the audit log as the board shows them: number, other airport and scheduled time. */
@Component
@RequiredArgsConstructor
class FlightRecordNames implements RecordNames {

    private static final DateTimeFormatter SCHEDULED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final JdbcClient jdbc;

    @Override
    public Set<String> recordTypes() {
        return Set.of("FLIGHT");
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MessageSourceResolvable> names(String recordType, Collection<String> recordIds) {
        Map<String, MessageSourceResolvable> names = new HashMap<>();
        List<UUID> ids = uuids(recordIds);
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, flight_number, direction, airport, scheduled FROM flight WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query((rs, row) -> names.put(rs.getString(1), name("audit.name.FLIGHT." + rs.getString(3),
                            rs.getString(2), rs.getString(4),
                            SCHEDULED.format(rs.getTimestamp(5).toLocalDateTime()))))
                    .list();
        }
        return names;
    }
}
