package org.waymark.safeguarding;

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
 * Support requests made before the database held an agency to one open request of a kind per
 * check, taken through the migration on H2 and on PostgreSQL: an open request holds its place,
 * an ended one does not, another kind or agency has a place of its own, and where requests sent
 * at once had left two open the migration does not fail: the first asked holds the place and the
 * other is kept as it was. From then on the database refuses a second open one.
 */
class OneOpenSupportRequestMigrationTest {

    private static final Instant NINE = Instant.parse("2026-09-16T09:00:00Z");

    @Migrations.OnEachDatabase
    void theFirstOpenRequestHoldsItsPlace(String name, String url, String user) throws SQLException {
        Migrations.before("33", url, user);
        UUID charity = UUID.randomUUID();
        UUID sarc = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            UUID check = Migrations.openCheck(db, NINE);
            UUID ended = request(db, check, charity, "NAVIGATOR", "ENDED", NINE);
            UUID first = request(db, check, charity, "NAVIGATOR", "ACKNOWLEDGED", NINE.plusSeconds(60));
            UUID second = request(db, check, charity, "NAVIGATOR", "REQUESTED", NINE.plusSeconds(61));
            UUID interpreter = request(db, check, charity, "INTERPRETER", "REQUESTED", NINE.plusSeconds(61));
            UUID otherAgency = request(db, check, sarc, "NAVIGATOR", "ARRIVED", NINE.plusSeconds(61));

            Migrations.all(url, user);

            assertThat(place(db, first)).isEqualTo(check);
            assertThat(place(db, second)).as("asked at once with the first").isNull();
            assertThat(place(db, ended)).isNull();
            assertThat(place(db, interpreter)).isEqualTo(check);
            assertThat(place(db, otherAgency)).isEqualTo(check);
            assertThatThrownBy(() -> execute(db, "UPDATE support_request SET open_check_id = ? WHERE id = ?", check,
                    second)).isInstanceOf(SQLException.class);
            execute(db, "UPDATE support_request SET open_check_id = NULL WHERE id = ?", first);
            execute(db, "UPDATE support_request SET open_check_id = ? WHERE id = ?", check, second);
            assertThat(place(db, second)).as("once the first has let go").isEqualTo(check);
        }
    }

    /** A request of the agency for support of this kind, as Waymark stored one before the migration; its id. */
    private static UUID request(Connection db, UUID check, UUID agency, String kind, String status,
            Instant requested) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(db, """
                INSERT INTO support_request (id, check_id, operation_id, agency_id, kind, status, requested_at,
                    requested_by, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""", id, check, UUID.randomUUID(), agency, kind, status,
                Timestamp.from(requested), UUID.randomUUID());
        return id;
    }

    private static UUID place(Connection db, UUID request) throws SQLException {
        return Migrations.column(db, "support_request", "open_check_id", request, UUID.class);
    }
}
