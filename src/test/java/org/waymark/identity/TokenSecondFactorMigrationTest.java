package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.Migrations.execute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.waymark.support.Migrations;

/**
 * Tokens made before Waymark noted whether a second factor was given, taken through the
 * migration on H2 and on PostgreSQL: a token made after its owner set up an authenticator app
 * (which happens only while two-factor sign-in is required) goes on working, while one made
 * before, or by someone who never set up an app, counts as made with a password alone.
 */
class TokenSecondFactorMigrationTest {

    private static final Instant ENROLLED = Instant.parse("2026-10-01T09:00:00Z");

    @Migrations.OnEachDatabase
    void tokensMadeAfterTheAppWasSetUpCountAsMadeWithIt(String name, String url, String user)
            throws SQLException {
        Migrations.before("31", url, user);
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            UUID agency = UUID.randomUUID();
            execute(db, "INSERT INTO agency (id, name, name_key, type, first_responder, created_at, version) "
                    + "VALUES (?, 'Essex Police', 'essex police', 'POLICE', TRUE, ?, 0)", agency, at(ENROLLED));
            UUID enrolled = account(db, agency, "enrolled@waymark.test");
            UUID neverEnrolled = account(db, agency, "never@waymark.test");
            execute(db, "INSERT INTO second_factor (user_account_id, secret, enrolled_at, last_used_step, "
                    + "failed_attempts) VALUES (?, 'JBSWY3DPEHPK3PXP', ?, 0, 0)", enrolled, at(ENROLLED));
            UUID before = token(db, enrolled, ENROLLED.minus(Duration.ofDays(1)));
            UUID after = token(db, enrolled, ENROLLED.plus(Duration.ofDays(1)));
            UUID withoutApp = token(db, neverEnrolled, ENROLLED.plus(Duration.ofDays(1)));

            Migrations.all(url, user);

            assertThat(secondFactor(db, after)).as("made after the app was set up").isTrue();
            assertThat(secondFactor(db, before)).as("made before the app was set up").isFalse();
            assertThat(secondFactor(db, withoutApp)).as("its owner never set up an app").isFalse();
        }
    }

    /** An account of the agency made 30 days before the app was set up; its id. */
    private static UUID account(Connection db, UUID agency, String email) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(db, "INSERT INTO user_account (id, name, email, agency_id, password_hash, active, failed_attempts, "
                + "created_at, version) VALUES (?, 'Test Officer', ?, ?, '{argon2}x', TRUE, 0, ?, 0)", id, email, agency,
                at(ENROLLED.minus(Duration.ofDays(30))));
        return id;
    }

    /** A token of the owner made at this time, for a year; its id. */
    private static UUID token(Connection db, UUID owner, Instant created) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(db, "INSERT INTO api_token (id, user_id, label, token_hash, created_at, expires_at, version) "
                + "VALUES (?, ?, 'API token', ?, ?, ?, 0)", id, owner, id.toString().replace("-", ""), at(created),
                at(created.plus(Duration.ofDays(365))));
        return id;
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }

    private static boolean secondFactor(Connection db, UUID token) throws SQLException {
        return Migrations.column(db, "api_token", "second_factor", token, Boolean.class);
    }

}
