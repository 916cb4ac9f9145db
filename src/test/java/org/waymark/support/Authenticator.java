package org.waymark.support;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an authenticator app does with the key a person scanned or typed in: the 6-digit code of
 * RFC 6238 for a moment. Written apart from Waymark's own code, so that tests check Waymark
 * against the standard rather than against itself.
 */
public final class Authenticator {

    private Authenticator() {
    }

    /** The code the app shows at this moment for a Base32 key, spaces allowed. */
    public static String code(String base32Key, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Key), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
            int offset = hash[19] & 0xf;
            int value = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
            return String.format(Locale.ROOT, "%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key inside an otpauth URI, as an app reads it from the QR code. */
    public static String keyOf(String otpauthUri) {
        for (String parameter : URI.create(otpauthUri).getRawQuery().split("&")) {
            if (parameter.startsWith("secret=")) {
                return parameter.substring("secret=".length());
            }
        }
        throw new AssertionError("no secret in " + otpauthUri);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replace(" ", "").toUpperCase(Locale.ROOT);
        byte[] bytes = new byte[clean.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                bytes[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return bytes;
    }
}
