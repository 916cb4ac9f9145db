package org.waymark.passengerdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.waymark.support.DatabaseTests;

/**
 * A node given another hash key than the one the database's card hashes were made with, or none
 * after one was given, does not start: bookings paid with one card would silently stop linking,
 * node by node. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest
@TestPropertySource(properties = { "waymark.scheduling.enabled=false" })
class KeyedHashTest extends DatabaseTests {

    private static final String KEY = "the-first-nodes-key-of-32-characters";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @BeforeEach
    @AfterEach
    void noKeyYet() {
        jdbc.sql("DELETE FROM pd_hash_key").update();
    }

    @Test
    void everyNodeHashesWithTheKeyTheFirstOneStartedWith() {
        KeyedHash first = node(KEY);
        KeyedHash second = node(KEY);

        assertThat(second.of("4111 1111 1111 1111")).isEqualTo(first.of("4111111111111111"));
        assertThat(jdbc.sql("SELECT fingerprint FROM pd_hash_key").query(String.class).single())
                .as("a fingerprint, not the key").doesNotContain(KEY).hasSize(64);
    }

    @Test
    void aNodeWithAnotherKeyOrNoneDoesNotStart() {
        node(KEY);

        assertThatThrownBy(() -> node("another-nodes-key-of-32-characters-long"))
                .hasMessageContaining("WAYMARK_PASSENGER_DATA_HASH_KEY is not the key").hasMessageContaining("pd_hash_key");
        assertThatThrownBy(() -> node("")).hasMessageContaining("WAYMARK_PASSENGER_DATA_HASH_KEY is not set");
        node(KEY);
    }

    @Test
    void withoutAKeyEverNodesStartWithAKeyOfTheirOwnAsBefore() {
        node("");
        node("");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_hash_key").query(Long.class).single()).isZero();
    }

    /** A node starting with the key: its check run as at the end of its start. */
    private KeyedHash node(String key) {
        KeyedHash hash = new KeyedHash(key, jdbc, clock);
        hash.afterSingletonsInstantiated();
        return hash;
    }
}
