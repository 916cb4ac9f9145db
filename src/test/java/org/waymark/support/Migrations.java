package org.waymark.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.provider.Arguments;

/** The application's Flyway migrations run on a test database, up to a version or all of them. */
public final class Migrations {

    private Migrations() {
    }

    /**
     * A fresh H2 database and a fresh PostgreSQL one, each as its name, URL and user, for a test
     * of a migration on both: {@code @MethodSource("org.waymark.support.Migrations#databases")}.
     */
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
