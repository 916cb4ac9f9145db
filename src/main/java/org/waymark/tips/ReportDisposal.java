package org.waymark.tips;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.Disposal;

/**
 * The disposal of reports from the public at the end of their retention period, for the
 * retention schedule, which decides what is due and when: masking replaces what the reporter
 * wrote, their contact details and the triage notes with {@link Disposal#MARKER}; deleting
 * removes the report whole, as no figure counts reports.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportDisposal {

    /** A report and the moment its period runs from: its receipt, or its masking. */
    public record Due(UUID reportId, Instant since) {
    }

    private final JdbcClient jdbc;

    /**
     * Reports not masked yet, received before {@code unlinkedBefore} if not linked to an
     * operation, or before {@code linkedBefore} if linked to one; oldest first.
     */
    @Transactional(readOnly = true)
    public List<Due> toMask(Instant unlinkedBefore, Instant linkedBefore) {
        return jdbc.sql("""
                SELECT id, received_at FROM public_report WHERE masked_at IS NULL
                AND ((operation_id IS NULL AND received_at < :unlinked) OR (operation_id IS NOT NULL AND received_at < :linked))
                ORDER BY received_at, id""")
                .param("unlinked", Timestamp.from(unlinkedBefore)).param("linked", Timestamp.from(linkedBefore))
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
    }

    /** Reports masked before {@code before}, oldest first. */
    @Transactional(readOnly = true)
    public List<Due> toDelete(Instant before) {
        return jdbc.sql("SELECT id, masked_at FROM public_report WHERE masked_at < :before ORDER BY masked_at, id")
                .param("before", Timestamp.from(before))
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
    }

    /** The report with this id, or this reference as the reporter quotes it. */
    @Transactional(readOnly = true)
    public Optional<UUID> find(String idOrReference) {
        String typed = idOrReference == null ? "" : idOrReference.strip();
        try {
            UUID id = UUID.fromString(typed);
            return jdbc.sql("SELECT id FROM public_report WHERE id = :id").param("id", id).query(UUID.class)
                    .optional();
        } catch (IllegalArgumentException notAnId) {
            return jdbc.sql("SELECT id FROM public_report WHERE reference = :reference")
                    .param("reference", typed.toUpperCase(java.util.Locale.ROOT)).query(UUID.class).optional();
        }
    }

    /** Replaces the report's words, contact details and notes with the marker; whether it was masked now. */
    public boolean mask(UUID reportId, Instant now) {
        int masked = jdbc.sql("""
                UPDATE public_report SET what = :marker,
                    place = CASE WHEN place IS NULL THEN NULL ELSE :marker END,
                    happened = CASE WHEN happened IS NULL THEN NULL ELSE :marker END,
                    who = CASE WHEN who IS NULL THEN NULL ELSE :marker END,
                    contact = CASE WHEN contact IS NULL THEN NULL ELSE :marker END,
                    masked_at = :now, version = version + 1
                WHERE id = :id AND masked_at IS NULL""")
                .param("marker", Disposal.MARKER).param("now", Timestamp.from(now)).param("id", reportId).update();
        if (masked == 0) {
            return false;
        }
        jdbc.sql("UPDATE public_report_note SET text = :marker WHERE public_report_id = :id")
                .param("marker", Disposal.MARKER).param("id", reportId).update();
        return true;
    }

    /** Deletes a masked report and its notes; whether it was deleted now. */
    public boolean delete(UUID reportId) {
        jdbc.sql("""
                DELETE FROM public_report_note WHERE public_report_id = :id
                AND EXISTS (SELECT 1 FROM public_report WHERE id = :id AND masked_at IS NOT NULL)""")
                .param("id", reportId).update();
        return jdbc.sql("DELETE FROM public_report WHERE id = :id AND masked_at IS NOT NULL").param("id", reportId)
                .update() > 0;
    }
}
