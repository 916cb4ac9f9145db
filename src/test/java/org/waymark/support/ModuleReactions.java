package org.waymark.support;

import java.time.Duration;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Modules react to each other's events after the event's transaction commits, on another thread;
 * a test that asserts what a reaction did waits for it here first.
 */
public final class ModuleReactions {

    private ModuleReactions() {
    }

    /** Waits until every reaction published so far has run (done publications are deleted). */
    public static void awaitAll(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Awaitility.await("module reactions to finish").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single() == 0);
    }

    /** Waits until this many reactions have failed and wait to be tried again. */
    public static void awaitFailed(DataSource dataSource, int failed) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Awaitility.await("a module reaction to fail").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20)).until(() -> jdbc
                        .sql("SELECT COUNT(*) FROM event_publication WHERE status = 'FAILED'")
                        .query(Long.class).single() == failed);
    }
}
