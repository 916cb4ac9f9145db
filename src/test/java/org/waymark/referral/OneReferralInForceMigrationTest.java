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

    @Migrations.OnEachDatabase
    void theFirstReferralInForceHoldsItsChecksPlace(String name, String url, String user) throws SQLException {
        Migrations.before("32", url, user);
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            UUID twice = Migrations.openCheck(db, NINE);
            UUID once = Migrations.openCheck(db, NINE);
            UUID setAside = Migrations.openCheck(db, NINE);
            UUID withdrawn = referral(db, twice, "WITHDRAWN", NINE);
            UUID first = referral(db, twice, "SUBMITTED", NINE.plusSeconds(60));
            UUID second = referral(db, twice, "DRAFT", NINE.plusSeconds(61));
            UUID only = referral(db, once, "READY", NINE);
            UUID discarded = referral(db, setAside, "DISCARDED", NINE);

            Migrations.all(url, user);

            assertThat(place(db, first)).isEqualTo(twice);
            assertThat(place(db, second)).as("started at once with the first").isNull();
            assertThat(place(db, withdrawn)).isNull();
            assertThat(place(db, only)).isEqualTo(once);
            assertThat(place(db, discarded)).isNull();
            assertThatThrownBy(() -> referral(db, once, "DRAFT", NINE, once)).isInstanceOf(SQLException.class);
            referral(db, setAside, "DRAFT", NINE, setAside);
        }
    }

    /** A referral as Waymark stored one before the migration; its id. */
    private static UUID referral(Connection db, UUID check, String status, Instant created) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(db, """
                INSERT INTO referral (id, check_id, operation_id, agency_id, kind, child_referral, named, status,
                    created_at, created_by, version)
                VALUES (?, ?, ?, ?, 'NRM', FALSE, TRUE, ?, ?, ?, 0)""", id, check, UUID.randomUUID(),
                UUID.randomUUID(), status, Timestamp.from(created), UUID.randomUUID());
        return id;
    }

    /** A referral as Waymark stores one after the migration, holding the place given. */
    private static void referral(Connection db, UUID check, String status, Instant created, UUID place)
            throws SQLException {
        execute(db, """
                INSERT INTO referral (id, check_id, operation_id, agency_id, kind, child_referral, named, status,
                    created_at, created_by, version, in_force_check_id)
                VALUES (?, ?, ?, ?, 'NRM', FALSE, TRUE, ?, ?, ?, 0, ?)""", UUID.randomUUID(), check,
                UUID.randomUUID(), UUID.randomUUID(), status, Timestamp.from(created), UUID.randomUUID(), place);
    }

    private static UUID place(Connection db, UUID referral) throws SQLException {
        return Migrations.column(db, "referral", "in_force_check_id", referral, UUID.class);
    }
}
