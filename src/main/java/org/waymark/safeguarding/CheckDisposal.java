package org.waymark.safeguarding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.Disposal;

/**
 * The disposal of checks at the end of their retention period, for the retention schedule,
 * which decides what is due and when: masking replaces the person's details with
 * {@link Disposal#MARKER} and empties the rest; erasing then removes what is left of the person,
 * the indicators and the advice. The figures (operation, flight, start, status, outcomes and
 * support requests) stay, so that an operation's results read the same.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CheckDisposal {

    /** A check and the moment its period runs from: its closing (its start while open), or its masking. */
    public record Due(UUID checkId, Instant since) {
    }

    private final JdbcClient jdbc;

    /** Checks not masked yet that closed (or, left open, started) before {@code before}, oldest first. */
    @Transactional(readOnly = true)
    public List<Due> toMask(Instant before) {
        return jdbc.sql("""
                SELECT id, COALESCE(closed_at, started_at) FROM enhanced_check
                WHERE masked_at IS NULL AND COALESCE(closed_at, started_at) < :before
                ORDER BY COALESCE(closed_at, started_at), id""")
                .param("before", Timestamp.from(before))
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
    }

    /** Checks masked before {@code before} and not erased yet, oldest first. */
    @Transactional(readOnly = true)
    public List<Due> toErase(Instant before) {
        return jdbc.sql("""
                SELECT id, masked_at FROM enhanced_check
                WHERE masked_at < :before AND erased_at IS NULL ORDER BY masked_at, id""")
                .param("before", Timestamp.from(before))
                .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
    }

    /** Whether there is such a check that has not been erased. */
    @Transactional(readOnly = true)
    public boolean exists(UUID checkId) {
        return jdbc.sql("SELECT COUNT(*) FROM enhanced_check WHERE id = :id AND erased_at IS NULL")
                .param("id", checkId).query(Long.class).single() > 0;
    }

    /**
     * Replaces the person's details, the account, the opinion and every note with the marker,
     * and empties the details that are not text; returns whether it was masked now (false if
     * it already was, or there is no such check). A masked check no longer changes.
     */
    public boolean mask(UUID checkId, Instant now) {
        int masked = jdbc.sql("""
                UPDATE enhanced_check SET
                    name = CASE WHEN name IS NULL THEN NULL ELSE :marker END,
                    age = NULL, date_of_birth = NULL, gender = NULL, nationality = NULL,
                    interpreter_language = NULL, interpreter_mode = NULL, travelling_with = NULL,
                    travelling_with_relationship = CASE WHEN travelling_with_relationship IS NULL THEN NULL ELSE :marker END,
                    final_destination = CASE WHEN final_destination IS NULL THEN NULL ELSE :marker END,
                    account = CASE WHEN account IS NULL THEN NULL ELSE :marker END,
                    opinion = CASE WHEN opinion IS NULL THEN NULL ELSE :marker END,
                    outcome_note = CASE WHEN outcome_note IS NULL THEN NULL ELSE :marker END,
                    masked_at = :now, version = version + 1
                WHERE id = :id AND masked_at IS NULL""")
                .param("marker", Disposal.MARKER).param("now", Timestamp.from(now)).param("id", checkId).update();
        if (masked == 0) {
            return false;
        }
        jdbc.sql("UPDATE check_indicator SET note = :marker WHERE check_id = :id AND note IS NOT NULL")
                .param("marker", Disposal.MARKER).param("id", checkId).update();
        jdbc.sql("UPDATE check_advice SET note = :marker WHERE check_id = :id AND note IS NOT NULL")
                .param("marker", Disposal.MARKER).param("id", checkId).update();
        jdbc.sql("DELETE FROM check_language WHERE check_id = :id").param("id", checkId).update();
        return true;
    }

    /**
     * Erases what is left of a masked check's person, indicators, advice and suspected forms of
     * exploitation; returns whether it was erased now. What the figures count stays, and the
     * check is no longer shown to anyone.
     */
    public boolean erase(UUID checkId, Instant now) {
        int erased = jdbc.sql("""
                UPDATE enhanced_check SET name = NULL, travelling_with_relationship = NULL, final_destination = NULL,
                    account = NULL, opinion = NULL, outcome_note = NULL, location = NULL, erased_at = :now,
                    version = version + 1
                WHERE id = :id AND masked_at IS NOT NULL AND erased_at IS NULL""")
                .param("now", Timestamp.from(now)).param("id", checkId).update();
        if (erased == 0) {
            return false;
        }
        for (String table : List.of("check_indicator", "check_advice", "check_language", "check_exploitation_type")) {
            jdbc.sql("DELETE FROM " + table + " WHERE check_id = :id").param("id", checkId).update();
        }
        return true;
    }
}
