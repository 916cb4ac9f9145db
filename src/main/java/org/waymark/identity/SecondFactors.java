package org.waymark.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.shared.UserId;

/**
 * The stored second factors. The changes that must not happen twice (a code accepted, a
 * recovery code used) are single conditional updates, so that two requests with the same code
 * at the same moment cannot both succeed.
 */
@Repository
@RequiredArgsConstructor
class SecondFactors {

    private final JdbcClient jdbc;

    /** A user's second factor as stored; {@code secret} is Base32. */
    record Stored(String secret, Instant enrolledAt, long lastUsedStep, int failedAttempts, int recoveryCodesLeft) {
    }

    Optional<Stored> find(UserId user) {
        return jdbc.sql("""
                SELECT f.secret, f.enrolled_at, f.last_used_step, f.failed_attempts,
                       (SELECT COUNT(*) FROM recovery_code c
                        WHERE c.user_account_id = f.user_account_id AND c.used_at IS NULL) AS codes_left
                FROM second_factor f WHERE f.user_account_id = :user""")
                .param("user", user.value())
                .query((rs, row) -> new Stored(rs.getString("secret"), rs.getTimestamp("enrolled_at").toInstant(),
                        rs.getLong("last_used_step"), rs.getInt("failed_attempts"), rs.getInt("codes_left")))
                .optional();
    }

    boolean exists(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM second_factor WHERE user_account_id = :user")
                .param("user", user.value()).query(Long.class).single() > 0;
    }

    /** Stores a new enrolment; a user has at most one, so a second one at the same time fails. */
    void add(UserId user, String secret, Instant enrolledAt, long usedStep, List<String> recoveryCodeHashes) {
        jdbc.sql("""
                INSERT INTO second_factor (user_account_id, secret, enrolled_at, last_used_step, failed_attempts)
                VALUES (:user, :secret, :at, :step, 0)""")
                .param("user", user.value()).param("secret", secret).param("at", Timestamp.from(enrolledAt))
                .param("step", usedStep).update();
        addRecoveryCodes(user, recoveryCodeHashes);
    }

    /** Takes a step's code as used, if no code of this step or a later one was; resets the failures. */
    boolean useStep(UserId user, long step) {
        return jdbc.sql("""
                UPDATE second_factor SET last_used_step = :step, failed_attempts = 0
                WHERE user_account_id = :user AND last_used_step < :step""")
                .param("user", user.value()).param("step", step).update() == 1;
    }

    /** Uses a recovery code, if the user has it and it was not used yet. */
    boolean useRecoveryCode(UserId user, String codeHash, Instant now) {
        boolean used = jdbc.sql("""
                UPDATE recovery_code SET used_at = :now
                WHERE user_account_id = :user AND code_hash = :hash AND used_at IS NULL""")
                .param("user", user.value()).param("hash", codeHash).param("now", Timestamp.from(now))
                .update() == 1;
        if (used) {
            jdbc.sql("UPDATE second_factor SET failed_attempts = 0 WHERE user_account_id = :user")
                    .param("user", user.value()).update();
        }
        return used;
    }

    /** Counts a wrong code; the number of wrong codes in a row, this one included. */
    int countFailure(UserId user) {
        jdbc.sql("UPDATE second_factor SET failed_attempts = failed_attempts + 1 WHERE user_account_id = :user")
                .param("user", user.value()).update();
        return jdbc.sql("SELECT failed_attempts FROM second_factor WHERE user_account_id = :user")
                .param("user", user.value()).query(Integer.class).optional().orElse(0);
    }

    void resetFailures(UserId user) {
        jdbc.sql("UPDATE second_factor SET failed_attempts = 0 WHERE user_account_id = :user")
                .param("user", user.value()).update();
    }

    void replaceRecoveryCodes(UserId user, List<String> codeHashes) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_account_id = :user").param("user", user.value()).update();
        addRecoveryCodes(user, codeHashes);
    }

    /** Forgets the user's second factor and recovery codes; whether there was one. */
    boolean remove(UserId user) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_account_id = :user").param("user", user.value()).update();
        return jdbc.sql("DELETE FROM second_factor WHERE user_account_id = :user").param("user", user.value())
                .update() == 1;
    }

    private void addRecoveryCodes(UserId user, List<String> codeHashes) {
        for (String hash : codeHashes) {
            jdbc.sql("INSERT INTO recovery_code (user_account_id, code_hash) VALUES (:user, :hash)")
                    .param("user", user.value()).param("hash", hash).update();
        }
    }
}
