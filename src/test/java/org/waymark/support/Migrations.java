package org.waymark.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The application's Flyway migrations run on a test database, up to a version or all of them,
 * and the rows a test of a migration writes as they were stored before it and reads back after.
 */
public final class Migrations {

    private Migrations() {
    }

    /**
     * A test of a migration, run on a fresh H2 database and again on a fresh PostgreSQL one, each
     * given to it as its name, URL and user.
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.waymark.support.Migrations#databases")
    public @interface OnEachDatabase {
    }

    /** A fresh H2 database and a fresh PostgreSQL one, each as its name, URL and user: {@link OnEachDatabase}. */
    public static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", TestDatabases.newH2Database(), "sa"),
                Arguments.of("PostgreSQL", TestDatabases.newPostgresDatabase(), "postgres"));
    }

    /** Runs the migrations before {@code version} (whichever other modules have added), as a database of old. */
    public static void before(String version, String url, String user) {
        MigrationVersion first = MigrationVersion.fromVersion(version);
        String last = Arrays.stream(flyway(url, user).load().info().all()).map(MigrationInfo::getVersion)
                .filter(found -> found.compareTo(first) < 0).max(MigrationVersion::compareTo).orElseThrow()
                .getVersion();
        flyway(url, user).target(last).load().migrate();
    }

    /** Runs every migration not run yet, as an upgrade does. */
    public static void all(String url, String user) {
        flyway(url, user).load().migrate();
    }

    /** Runs one statement with these values: a row written as it was stored then, or one the database refuses. */
    public static void execute(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    /** The column of the table's row with this id, read as this type (any column as text); the row must be there. */
    public static <T> T column(Connection db, String table, String column, UUID id, Class<T> type)
            throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("a row of %s with id %s", table, id).isTrue();
                return type == String.class ? type.cast(row.getString(1)) : row.getObject(1, type);
            }
        }
    }

    /**
     * An open enhanced check of an adult potential victim in the arrivals hall, started at this
     * time by someone of some agency in some operation, as checks have been stored since version
     * 14; its id.
     */
    public static UUID openCheck(Connection db, Instant startedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(db, """
                INSERT INTO enhanced_check (id, operation_id, location, category, status, catalogue_version,
                    agency_id, started_by, started_at, name_not_given, under18, version)
                VALUES (?, ?, 'Arrivals hall', 'POTENTIAL_VICTIM', 'OPEN', 1, ?, ?, ?, FALSE, 'NO', 0)""", id,
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Timestamp.from(startedAt));
        return id;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url, String user) {
        Properties properties = new Properties();
        try (InputStream in = Migrations.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Flyway.configure().dataSource(url, user, "")
                .locations(properties.getProperty("spring.flyway.locations").split(","));
    }
}
