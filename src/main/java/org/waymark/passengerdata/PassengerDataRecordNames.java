package org.waymark.passengerdata;

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

/**
 * Travellers and bookings named for the audit log by their flight alone (number, route and day)
 * and, for a traveller, whether passenger, infant or crew: never a name or a booking's locator.
 */
@Component
@RequiredArgsConstructor
class PassengerDataRecordNames implements RecordNames {

    static final String TRAVELLER = "PASSENGER_DATA_TRAVELLER";
    static final String BOOKING = "PASSENGER_DATA_BOOKING";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final JdbcClient jdbc;

    @Override
    public Set<String> recordTypes() {
        return Set.of(TRAVELLER, BOOKING);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, MessageSourceResolvable> names(String recordType, Collection<String> recordIds) {
        Map<String, MessageSourceResolvable> names = new HashMap<>();
        List<UUID> ids = uuids(recordIds);
        if (ids.isEmpty() || !recordTypes().contains(recordType)) {
            return names;
        }
        boolean traveller = TRAVELLER.equals(recordType);
        String sql = """
                SELECT r.id, %s, f.carrier, f.number, f.origin, f.destination, f.departure_date
                FROM %s r JOIN pd_flight f ON f.id = r.flight_id WHERE r.id IN (:ids)"""
                .formatted(traveller ? "r.type" : "'BOOKING'", traveller ? "pd_traveller" : "pd_booking");
        jdbc.sql(sql).param("ids", ids).query((rs, row) -> names.put(rs.getString(1),
                name("audit.name." + recordType + (traveller ? "." + rs.getString(2) : ""),
                        rs.getString(3) + rs.getString(4), rs.getString(5), rs.getString(6),
                        DAY.format(rs.getDate(7).toLocalDate())))).list();
        return names;
    }
}
