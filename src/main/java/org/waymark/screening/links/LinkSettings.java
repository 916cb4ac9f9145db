package org.waymark.screening.links;

import java.sql.Timestamp;
import java.time.Clock;

import lombok.RequiredArgsConstructor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;

/**
 * Each operation's flag size: a group of linked bookings with more people than it is flagged, and
 * becomes a hit to review. Set by those who see passenger data for the operation, on its links page.
 */
@Component
@RequiredArgsConstructor
public class LinkSettings {

    /** The flag size of an operation that has not set its own. */
    public static final int DEFAULT_FLAG_SIZE = 4;
    /** The smallest and largest flag sizes that may be set. */
    public static final int SMALLEST = 1;
    public static final int LARGEST = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    /** The operation's flag size, or the default. */
    @Transactional(readOnly = true)
    public int flagSize(OperationId operation) {
        return jdbc.sql("SELECT flag_size FROM screening_link_setting WHERE operation_id = :operation")
                .param("operation", operation.value()).query(Integer.class).optional().orElse(DEFAULT_FLAG_SIZE);
    }

    /**
     * Sets the operation's flag size; the caller has checked that the user may. Two people setting
     * it at once: each statement stands alone, and an insert that finds the other's row updates it.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void setFlagSize(OperationId operation, int flagSize, WaymarkUser user) {
        if (flagSize < SMALLEST || flagSize > LARGEST) {
            throw new RuleViolationException("screening.links.flagSize.range", "flagSize");
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (update(operation, flagSize, user, now) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO screening_link_setting (operation_id, flag_size, changed_at, changed_by)
                        VALUES (:operation, :size, :now, :user)""").param("size", flagSize).param("now", now)
                        .param("user", user.id().value()).param("operation", operation.value()).update();
            } catch (DuplicateKeyException setByAnother) {
                update(operation, flagSize, user, now);
            }
        }
    }

    private int update(OperationId operation, int flagSize, WaymarkUser user, Timestamp now) {
        return jdbc.sql("""
                UPDATE screening_link_setting SET flag_size = :size, changed_at = :now, changed_by = :user
                WHERE operation_id = :operation""").param("size", flagSize).param("now", now)
                .param("user", user.id().value()).param("operation", operation.value()).update();
    }
}
