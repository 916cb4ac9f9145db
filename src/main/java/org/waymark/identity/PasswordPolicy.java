package org.waymark.identity;

import java.security.SecureRandom;

import org.waymark.shared.RuleViolationException;

/** What a password must be, and how Waymark makes one when nobody chose it. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    static void check(String password, String field) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new RuleViolationException("password.tooShort", field);
        }
        if (password.length() > MAX_LENGTH) {
            throw new RuleViolationException("password.tooLong", field);
        }
    }

    /** A random password of 20 characters that avoids look-alike letters. */
    public static String generate() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
