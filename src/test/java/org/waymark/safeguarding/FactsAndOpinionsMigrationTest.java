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
 * Checks recorded before facts and opinions were told apart, taken through the migration on H2
 * and on PostgreSQL: an outcome note of old becomes the closing officer's opinion, a check
 * without a note gets no nature, nobody is named for an old assessment, and from then on a note
 * cannot be stored without its nature.
 */
class FactsAndOpinionsMigrationTest {

    @Migrations.OnEachDatabase
    void oldNotesBecomeOpinionsAndOldAssessmentsNameNobody(String name, String url, String user)
            throws SQLException {
        Migrations.before("14", url, user);
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            UUID withNote = check(db, "CLOSED", "Leaflet given; she seemed scared", "Frightened of the companion");
            UUID withoutNote = check(db, "CLOSED", null, null);
            UUID open = check(db, "OPEN", null, "Story rehearsed");

            Migrations.all(url, user);

            assertThat(column(db, withNote, "outcome_note_nature")).isEqualTo("OPINION");
            assertThat(column(db, withoutNote, "outcome_note_nature")).isNull();
            assertThat(column(db, open, "outcome_note_nature")).isNull();
            assertThat(column(db, withNote, "assessed_by")).isNull();
            assertThat(column(db, open, "assessed_at")).isNull();
            assertThat(column(db, withNote, "outcome_note")).isEqualTo("Leaflet given; she seemed scared");
            assertThat(column(db, open, "opinion")).isEqualTo("Story rehearsed");
            assertThatThrownBy(() -> check(db, "CLOSED", "A note of unknown nature", null))
                    .isInstanceOf(SQLException.class);
        }
    }

    /** A check with this outcome note and opinion, as checks were stored before the migration; its id. */
    private static UUID check(Connection db, String status, String note, String opinion) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(db, """
                INSERT INTO enhanced_check (id, operation_id, location, category, status, catalogue_version,
                    agency_id, started_by, started_at, name_not_given, under18, opinion, outcome_note, version)
                VALUES (?, ?, 'Arrivals hall', 'POTENTIAL_VICTIM', ?, 1, ?, ?, ?, FALSE, 'NO', ?, ?, 0)""", id,
                UUID.randomUUID(), status, UUID.randomUUID(), UUID.randomUUID(),
                Timestamp.from(Instant.parse("2026-09-16T07:40:00Z")), opinion, note);
        return id;
    }

    private static String column(Connection db, UUID id, String column) throws SQLException {
        return Migrations.column(db, "enhanced_check", column, id, String.class);
    }
}
