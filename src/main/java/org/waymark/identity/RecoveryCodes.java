package org.waymark.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.waymark.shared.UserId;

/**
 * Single-use recovery codes: 16 characters from 31 that cannot be mistaken for one another
 * (about 79 bits), shown in groups of four such as {@code k7mq-2xhp-9t4c-wn3f}. Only a SHA-256
 * digest of the user's id and the code is kept. A slow password hash is not needed: it protects
 * secrets people choose, which are easy to guess, and these are random and far too many to try;
 * checking one stays a single quick lookup.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    static final int LENGTH = 16;
    private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int n = 0; n < COUNT; n++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < LENGTH; i++) {
                if (i > 0 && i % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The code as typed without spaces, hyphens and capitals; null unless it can be a recovery code. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }

    /** The digest kept for a code; the code must be normalised. */
    static String hash(UserId user, String normalisedCode) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((user.value() + ":" + normalisedCode).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
