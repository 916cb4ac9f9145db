package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waymark.support.Migrations.execute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.waymark.support.Migrations;

/**
 * Referrals made before the database held a check to one referral in force, taken through the
 * migration on H2 and on PostgreSQL: the referral in force holds its check's place, one withdrawn
 * or set aside does not, and where starts sent at once had left two in force the migration does
 * not fail: the first started holds the place and the other is kept as it was. From then on the
 * database refuses a second place for the check.
 */
class OneReferralInForceMigrationTest {

    private static final Instant NINE = Instant.parse("2026-09-16T09:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.waymark.support.Migrations#databases")
    void theFirstReferralInForceHoldsItsChecksPlace(String name, String url, String user) throws SQLException {
        Migrations.before("32", url, user);
        UUID twice = UUID.randomUUID();
        UUID once = UUID.randomUUID();
        UUID setAside = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID only = UUID.randomUUID();
        UUID discarded = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            Migrations.openCheck(db, twice, NINE);
            Migrations.openCheck(db, once, NINE);
            Migrations.openCheck(db, setAside, NINE);
            referral(db, withdrawn, twice, "WITHDRAWN", NINE);
            referral(db, first, twice, "SUBMITTED", NINE.plusSeconds(60));
            referral(db, second, twice, "DRAFT", NINE.plusSeconds(61));
            referral(db, only, once, "READY", NINE);
            referral(db, discarded, setAside, "DISCARDED", NINE);
        }

        Migrations.all(url, user);

        try (Connection db = DriverManager.getConnection(url, user, "")) {
            assertThat(place(db, first)).isEqualTo(twice);
            assertThat(place(db, second)).as("started at once with the first").isNull();
            assertThat(place(db, withdrawn)).isNull();
            assertThat(place(db, only)).isEqualTo(once);
            assertThat(place(db, discarded)).isNull();
            assertThatThrownBy(() -> referral(db, UUID.randomUUID(), once, "DRAFT", NINE, once))
                    .isInstanceOf(SQLException.class);
            referral(db, UUID.randomUUID(), setAside, "DRAFT", NINE, setAside);
        }
    }

    private static void referral(Connection db, UUID id, UUID check, String status, Instant created)
            throws SQLException {
        execute(db, """
                INSERT INTO referral (id, check_id, operation_id, agency_id, kind, child_referral, named, status,
                    created_at, created_by, version)
                VALUES (?, ?, ?, ?, 'NRM', FALSE, TRUE, ?, ?, ?, 0)""", id, check, UUID.randomUUID(),
                UUID.randomUUID(), status, Timestamp.from(created), UUID.randomUUID());
    }

    /** A referral as Waymark stores one after the migration, holding the place given. */
    private static void referral(Connection db, UUID id, UUID check, String status, Instant created, UUID place)
            throws SQLException {
        execute(db, """
                INSERT INTO referral (id, check_id, operation_id, agency_id, kind, child_referral, named, status,
                    created_at, created_by, version, in_force_check_id)
                VALUES (?, ?, ?, ?, 'NRM', FALSE, TRUE, ?, ?, ?, 0, ?)""", id, check, UUID.randomUUID(),
                UUID.randomUUID(), status, Timestamp.from(created), UUID.randomUUID(), place);
    }

    private static UUID place(Connection db, UUID referral) throws SQLException {
        return Migrations.column(db, "referral", "in_force_check_id", referral, UUID.class);
    }
}
