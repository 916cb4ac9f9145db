package org.waymark.screening.watchlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.shared.Actor;
import org.waymark.shared.AgencyId;

import lombok.RequiredArgsConstructor;

/** The watch lists and their entries in the database. */
@Repository
@RequiredArgsConstructor
class WatchListRecords {

    private static final String ENTRY_COLUMNS = """
            id, watch_list_id, family_name, given_names, birth_date, source, owner, review_date,
            consent_recorded_by, consent_recorded_on, note, added_at, removed_at""";

    private final JdbcClient jdbc;

    void insertList(UUID id, WatchListKind kind, String name, Actor actor, String source, Instant at) {
        jdbc.sql("""
                INSERT INTO screening_watch_list (id, kind, name, owner_agency_id, source, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, kind.name(), name, actor.agencyId().value(), source, actor.userId().value(),
                        Timestamp.from(at))
                .update();
    }

    List<WatchList> lists() {
        return jdbc.sql("""
                SELECT l.id, l.kind, l.name, l.owner_agency_id, l.source, l.created_at,
                    (SELECT COUNT(*) FROM screening_watch_list_entry e
                     WHERE e.watch_list_id = l.id AND e.removed_at IS NULL) AS entries
                FROM screening_watch_list l ORDER BY l.name, l.id""")
                .query((rs, n) -> list(rs)).list();
    }

    Optional<WatchList> list(UUID id) {
        return jdbc.sql("""
                SELECT l.id, l.kind, l.name, l.owner_agency_id, l.source, l.created_at,
                    (SELECT COUNT(*) FROM screening_watch_list_entry e
                     WHERE e.watch_list_id = l.id AND e.removed_at IS NULL) AS entries
                FROM screening_watch_list l WHERE l.id = ?""")
                .param(id).query((rs, n) -> list(rs)).optional();
    }

    /**
     * The version this transaction's changes of entries are stamped with. Taking it locks the
     * version's row until the transaction ends, so changes commit in the order of their versions
     * and a node that has read version n committed has seen every change up to n.
     */
    long nextVersion() {
        jdbc.sql("UPDATE screening_watch_list_version SET version = version + 1 WHERE id = 1").update();
        return currentVersion();
    }

    /** The newest version committed (or taken by this transaction). */
    long currentVersion() {
        return jdbc.sql("SELECT version FROM screening_watch_list_version WHERE id = 1").query(Long.class).single();
    }

    void insertEntry(UUID id, UUID watchListId, EntryDetails details, Actor actor, Instant at, long version) {
        jdbc.sql("""
                INSERT INTO screening_watch_list_entry (id, watch_list_id, family_name, given_names, birth_date, source,
                    owner, review_date, consent_recorded_by, consent_recorded_on, note, added_by, added_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, watchListId, details.familyName(), details.givenNames(), details.birthDate(),
                        details.source(), details.owner(), details.reviewDate(), details.consentRecordedBy(),
                        details.consentRecordedOn(), details.note(), actor.userId().value(), Timestamp.from(at),
                        version)
                .update();
    }

    boolean updateEntry(UUID watchListId, UUID id, EntryDetails details, long version) {
        return jdbc.sql("""
                UPDATE screening_watch_list_entry SET family_name = ?, given_names = ?, birth_date = ?, source = ?,
                    owner = ?, review_date = ?, consent_recorded_by = ?, consent_recorded_on = ?, note = ?, version = ?
                WHERE id = ? AND watch_list_id = ? AND removed_at IS NULL""")
                .params(details.familyName(), details.givenNames(), details.birthDate(), details.source(),
                        details.owner(), details.reviewDate(), details.consentRecordedBy(),
                        details.consentRecordedOn(), details.note(), version, id, watchListId)
                .update() == 1;
    }

    boolean removeEntry(UUID watchListId, UUID id, Actor actor, Instant at, long version) {
        return jdbc.sql("""
                UPDATE screening_watch_list_entry SET removed_by = ?, removed_at = ?, version = ?
                WHERE id = ? AND watch_list_id = ? AND removed_at IS NULL""")
                .params(actor.userId().value(), Timestamp.from(at), version, id, watchListId).update() == 1;
    }

    Optional<WatchListEntry> entry(UUID id) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM screening_watch_list_entry WHERE id = ?").param(id)
                .query((rs, n) -> entry(rs)).optional();
    }

    /** The entries of a list still on it, by family name: as many as asked for, after skipping some. */
    List<WatchListEntry> entries(UUID watchListId, long skip, int size) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                 FROM screening_watch_list_entry WHERE watch_list_id = ? AND removed_at IS NULL
                ORDER BY family_name, given_names, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""")
                .params(watchListId, skip, size).query((rs, n) -> entry(rs)).list();
    }

    /**
     * Whether the list holds, besides the entry named (if any), an entry of the same person: the same
     * names and date of birth, spaces trimmed and case folded.
     */
    boolean samePerson(UUID watchListId, EntryDetails details, UUID besides) {
        Person person = Person.of(details);
        String sql = "SELECT id, family_name, given_names, birth_date FROM screening_watch_list_entry"
                + " WHERE watch_list_id = ? AND removed_at IS NULL AND "
                + (details.birthDate() == null ? "birth_date IS NULL" : "birth_date = ?");
        var statement = jdbc.sql(sql).param(watchListId);
        if (details.birthDate() != null) {
            statement = statement.param(details.birthDate());
        }
        return statement.query((rs, n) -> rs.getObject("id", UUID.class).equals(besides) ? null
                : new Person(fold(rs.getString("family_name")), fold(rs.getString("given_names")),
                        date(rs, "birth_date"))).list().contains(person);
    }

    /** The people of the entries still on a list. */
    java.util.Set<Person> people(UUID watchListId) {
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT family_name, given_names, birth_date FROM screening_watch_list_entry
                WHERE watch_list_id = ? AND removed_at IS NULL""").param(watchListId)
                .query((rs, n) -> new Person(fold(rs.getString("family_name")), fold(rs.getString("given_names")),
                        date(rs, "birth_date"))).list());
    }

    /** Who an entry is, to find the same person twice on a list: names trimmed and case folded, and birth date. */
    record Person(String familyName, String givenNames, LocalDate birthDate) {

        static Person of(EntryDetails details) {
            return new Person(fold(details.familyName()), fold(details.givenNames()), details.birthDate());
        }
    }

    private static String fold(String name) {
        return name == null || name.isBlank() ? null
                : name.strip().toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT);
    }

    /** Every entry still on a list, with its list's kind, to build the name index. */
    List<IndexedEntry> allCurrent() {
        return jdbc.sql(INDEXED + "WHERE e.removed_at IS NULL").query((rs, n) -> indexed(rs)).list();
    }

    /** The entries added, changed or removed in versions after this one, removed ones included. */
    List<IndexedEntry> changedAfter(long version) {
        return jdbc.sql(INDEXED + "WHERE e.version > ?").param(version).query((rs, n) -> indexed(rs)).list();
    }

    /** What the index keeps of an entry besides its name. */
    record IndexedEntry(UUID id, UUID watchListId, WatchListKind kind, String familyName, String givenNames,
            LocalDate birthDate, LocalDate reviewDate, boolean removed) {
    }

    private static final String INDEXED = """
            SELECT e.id, e.watch_list_id, l.kind, e.family_name, e.given_names, e.birth_date, e.review_date, e.removed_at
            FROM screening_watch_list_entry e JOIN screening_watch_list l ON l.id = e.watch_list_id
            """;

    private static IndexedEntry indexed(ResultSet rs) throws SQLException {
        return new IndexedEntry(rs.getObject("id", UUID.class), rs.getObject("watch_list_id", UUID.class),
                WatchListKind.valueOf(rs.getString("kind")), rs.getString("family_name"), rs.getString("given_names"),
                date(rs, "birth_date"), date(rs, "review_date"), rs.getTimestamp("removed_at") != null);
    }

    private static WatchList list(ResultSet rs) throws SQLException {
        return new WatchList(rs.getObject("id", UUID.class), WatchListKind.valueOf(rs.getString("kind")),
                rs.getString("name"), new AgencyId(rs.getObject("owner_agency_id", UUID.class)),
                rs.getString("source"), rs.getTimestamp("created_at").toInstant(), rs.getInt("entries"));
    }

    private static WatchListEntry entry(ResultSet rs) throws SQLException {
        Timestamp removed = rs.getTimestamp("removed_at");
        return new WatchListEntry(rs.getObject("id", UUID.class), rs.getObject("watch_list_id", UUID.class),
                new EntryDetails(rs.getString("family_name"), rs.getString("given_names"), date(rs, "birth_date"),
                        rs.getString("source"), rs.getString("owner"), date(rs, "review_date"),
                        rs.getString("consent_recorded_by"), date(rs, "consent_recorded_on"), rs.getString("note")),
                rs.getTimestamp("added_at").toInstant(), removed == null ? null : removed.toInstant());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
