package org.waymark.passengerdata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Card and frequent flyer numbers kept only as keyed hashes (HMAC-SHA-256), so that two bookings
 * paid with one card can be linked while the number cannot be read back or guessed from the
 * hash: a card number has too few unknown digits for a plain hash. The key comes from
 * {@code WAYMARK_PASSENGER_DATA_HASH_KEY}; without it, a key made at start links bookings taken
 * in until the next start only, and start-up says so.
 */
@Component
class KeyedHash {

    private static final Logger log = LoggerFactory.getLogger(KeyedHash.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    KeyedHash(@Value("${waymark.passenger-data.hash-key:}") String configured) {
        byte[] bytes;
        if (configured == null || configured.isBlank()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            log.warn("WAYMARK_PASSENGER_DATA_HASH_KEY is not set: card and frequent flyer numbers taken in from now"
                    + " on link bookings only until the next start. Set it to a long random secret.");
        } else {
            bytes = configured.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
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
