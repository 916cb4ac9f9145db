package org.waymark.passengerdata.edifact;

import java.util.Locale;

/**
 * A way to reach someone on a booking, normalised so that two bookings with the same phone or
 * email compare equal however the airline wrote them.
 *
 * @param kind  phone, email or address
 * @param value normalised: a phone as {@code +} and digits, an email in lower case, an address in
 *              upper case with single spaces
 */
public record Contact(Kind kind, String value) {

    public enum Kind {
        PHONE, EMAIL, ADDRESS
    }

    /** A contact as sent, normalised; null when nothing usable is left. */
    public static Contact of(Kind kind, String sent) {
        if (sent == null || sent.isBlank()) {
            return null;
        }
        String value = switch (kind) {
            case PHONE -> phone(sent);
            case EMAIL -> sent.strip().toLowerCase(Locale.ROOT).replace("//", "@");
            case ADDRESS -> sent.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        };
        return value.isEmpty() ? null : new Contact(kind, value);
    }

    /** {@code 00 44 7700-900123} and {@code +447700900123} alike become {@code +447700900123}. */
    private static String phone(String sent) {
        String digits = sent.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return "";
        }
        boolean international = sent.strip().startsWith("+") || digits.startsWith("00");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        return international ? "+" + digits : digits;
    }
}
