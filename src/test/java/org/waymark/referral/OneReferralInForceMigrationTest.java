package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
            check(db, twice);
            check(db, once);
            check(db, setAside);
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

    private static void check(Connection db, UUID id) throws SQLException {
        execute(db, """
                INSERT INTO enhanced_check (id, operation_id, location, category, status, catalogue_version,
                    agency_id, started_by, started_at, name_not_given, under18, version)
                VALUES (?, ?, 'Arrivals hall', 'POTENTIAL_VICTIM', 'OPEN', 1, ?, ?, ?, FALSE, 'NO', 0)""", id,
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Timestamp.from(NINE));
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
        try (PreparedStatement select = db.prepareStatement("SELECT in_force_check_id FROM referral WHERE id = ?")) {
            select.setObject(1, referral);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private static void execute(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
