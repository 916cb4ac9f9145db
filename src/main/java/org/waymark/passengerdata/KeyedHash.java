package org.waymark.passengerdata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Card and frequent flyer numbers kept only as keyed hashes (HMAC-SHA-256), so that two bookings
 * paid with one card can be linked while the number cannot be read back or guessed from the
 * hash: a card number has too few unknown digits for a plain hash. The key comes from
 * {@code WAYMARK_PASSENGER_DATA_HASH_KEY}; without it, a key made at start links bookings taken
 * in until the next start only, and start-up says so. Every node must hash with the same key, at
 * every start: the database keeps the key's fingerprint, and a node given another key, or none
 * after one was given, does not start.
 */
@Component
class KeyedHash implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KeyedHash.class);
    private static final String ALGORITHM = "HmacSHA256";

    /** What the fingerprint is the keyed hash of. */
    private static final String FINGERPRINTED = "Waymark passenger data hash key";

    private final SecretKeySpec key;
    private final boolean configured;
    private final JdbcClient jdbc;
    private final Clock clock;

    KeyedHash(@Value("${waymark.passenger-data.hash-key:}") String configured, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configured = configured != null && !configured.isBlank();
        byte[] bytes;
        if (!this.configured) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            log.warn("WAYMARK_PASSENGER_DATA_HASH_KEY is not set: card and frequent flyer numbers taken in from now"
                    + " on link bookings only until the next start. Set it to a long random secret.");
        } else {
            bytes = configured.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** Once the database is migrated, before the node takes requests: the key is the one the stored hashes were made with. */
    @Override
    public void afterSingletonsInstantiated() {
        Optional<String> stored = stored();
        if (!configured) {
            if (stored.isPresent()) {
                throw new IllegalStateException("WAYMARK_PASSENGER_DATA_HASH_KEY is not set, but the card and frequent"
                        + " flyer hashes in this database were made with a key: set the same key as the other nodes,"
                        + " or bookings will not link by card.");
            }
            return;
        }
        String fingerprint = of(FINGERPRINTED);
        if (stored.isEmpty()) {
            try {
                jdbc.sql("INSERT INTO pd_hash_key (id, fingerprint, set_at) VALUES (1, :fingerprint, :now)")
                        .param("fingerprint", fingerprint).param("now", Timestamp.from(clock.instant())).update();
                return;
            } catch (DuplicateKeyException anotherNodeFirst) {
                stored = stored();
            }
        }
        if (!stored.orElseThrow().equals(fingerprint)) {
            throw new IllegalStateException("WAYMARK_PASSENGER_DATA_HASH_KEY is not the key the card and frequent"
                    + " flyer hashes in this database were made with (another node's, or an earlier start's): with"
                    + " it, bookings paid with one card would not link. Set the same key on every node. To hash with"
                    + " a new key from now on, linking no booking to those taken in before, delete the row of the"
                    + " table pd_hash_key before the first node starts.");
        }
    }

    private Optional<String> stored() {
        return jdbc.sql("SELECT fingerprint FROM pd_hash_key WHERE id = 1").query(String.class).optional();
    }

    /** The keyed hash of a value with spaces and case set aside, in hex; null for null. */
    String of(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            String normal = value.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
            return HexFormat.of().formatHex(mac.doFinal(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
