package org.waymark.flight;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Another node of a cluster, for tests: its own schedule imports on the same database as the
 * application under test, with a clock of its own. Close it with destroy.
 */
public final class AnotherNode {

    private AnotherNode() {
    }

    public static ImportJobs importJobs(DataSource database, Flights flights, JsonMapper json, Clock clock) {
        return new ImportJobs(flights, JdbcClient.create(database), new DataSourceTransactionManager(database), json,
                clock);
    }

    /** The node's heartbeat, now rather than when it is next due. */
    public static void beat(ImportJobs imports) {
        imports.beat();
    }
}
