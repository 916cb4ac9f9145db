package org.waymark.shared;

import java.util.regex.Pattern;

/** A three-letter IATA airport code, such as {@code STN}. */
public record AirportCode(String value) {

    private static final Pattern IATA = Pattern.compile("[A-Z]{3}");

    public AirportCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a three-letter IATA airport code");
        }
    }

    public static boolean isValid(String code) {
        return code != null && IATA.matcher(code).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
