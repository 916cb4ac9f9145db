package org.waymark.engagement;

import java.util.Map;

import org.waymark.support.TestDatabases;

class AcknowledgedTalliesSurviveAKillPostgresTest extends AcknowledgedTalliesSurviveAKillTest {

    private final String url = TestDatabases.newPostgresDatabase();

    @Override
    Map<String, String> database() {
        return Map.of("WAYMARK_DB_URL", url, "WAYMARK_DB_USER", "postgres", "WAYMARK_DB_PASSWORD", "");
    }
}
