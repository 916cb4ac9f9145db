package org.waymark.passengerdata.edifact;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Dates, flight numbers and codes as passenger data messages write them, read without regular
 * expressions (the reader runs over megabytes of them). Each method returns null for what it cannot
 * read; the reader turns that into a warning.
 */
final class EdifactValues {

    private static final String MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

    private EdifactValues() {
    }

    /**
     * The digits from index {@code from} up to, not including, {@code to} as a number, or -1 when
     * any is not a digit. (No brackets in this comment: the module documentation's reader of
     * comments takes them for its own.)
     */
    static int digits(String s, int from, int to) {
        if (s == null || to > s.length()) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * A date with optional time in an EDIFACT format: {@code 101} YYMMDD, {@code 102} CCYYMMDD,
     * {@code 201} YYMMDDHHMM, {@code 203} CCYYMMDDHHMM; without a format the length decides.
     * Two-digit years are of this century.
     */
    static LocalDateTime dateTime(String value, String format) {
        if (value == null) {
            return null;
        }
        int length = value.length();
        boolean fourDigitYear = "102".equals(format) || "203".equals(format)
                || (format == null && (length == 8 || length == 12));
        int y = fourDigitYear ? digits(value, 0, 4) : digits(value, 0, 2);
        if (y < 0) {
            return null;
        }
        int at = fourDigitYear ? 4 : 2;
        if (!fourDigitYear) {
            y += 2000;
        }
        int month = digits(value, at, at + 2);
        int day = digits(value, at + 2, at + 4);
        int hour = 0;
        int minute = 0;
        if (length >= at + 8) {
            hour = digits(value, at + 4, at + 6);
            minute = digits(value, at + 6, at + 8);
        } else if (length != at + 4) {
            return null;
        }
        return of(y, month, day, hour, minute);
    }

    /** A date of birth, YYMMDD or CCYYMMDD: a two-digit year is the latest century not after {@code notAfter}. */
    static LocalDate birthDate(String value, String format, LocalDate notAfter) {
        if (value == null) {
            return null;
        }
        if (value.length() == 8 || "102".equals(format)) {
            LocalDateTime d = dateTime(value, "102");
            return d == null ? null : d.toLocalDate();
        }
        if (value.length() != 6) {
            return null;
        }
        return pivot(digits(value, 0, 2), digits(value, 2, 4), digits(value, 4, 6), notAfter);
    }

    private static LocalDate pivot(int yy, int month, int day, LocalDate notAfter) {
        if (yy < 0) {
            return null;
        }
        LocalDateTime d = of(2000 + yy, month, day, 0, 0);
        if (d == null) {
            return null;
        }
        LocalDate date = d.toLocalDate();
        LocalDate limit = notAfter == null ? LocalDate.now() : notAfter;
        return date.isAfter(limit) ? date.minusYears(100) : date;
    }

    /** PNRGOV dates: {@code ddMMyy} with an optional {@code HHmm}. */
    static LocalDateTime ddMMyy(String date, String time) {
        if (date == null || date.length() != 6) {
            return null;
        }
        int hour = 0;
        int minute = 0;
        if (time != null) {
            if (time.length() != 4) {
                return null;
            }
            hour = digits(time, 0, 2);
            minute = digits(time, 2, 4);
        }
        int yy = digits(date, 4, 6);
        if (yy < 0) {
            return null;
        }
        return of(2000 + yy, digits(date, 2, 4), digits(date, 0, 2), hour, minute);
    }

    /** SSR DOCS dates: {@code 12JUL84}; birth dates pivot on {@code notAfter}, others are of this century. */
    static LocalDate ddMMMyy(String value, boolean birth, LocalDate notAfter) {
        if (value == null || value.length() != 7) {
            return null;
        }
        int month = MONTHS.indexOf(value.substring(2, 5).toUpperCase(Locale.ROOT));
        if (month < 0 || month % 3 != 0) {
            return null;
        }
        int day = digits(value, 0, 2);
        int yy = digits(value, 5, 7);
        if (birth) {
            return pivot(yy, month / 3 + 1, day, notAfter);
        }
        LocalDateTime d = yy < 0 ? null : of(2000 + yy, month / 3 + 1, day, 0, 0);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDateTime of(int year, int month, int day, int hour, int minute) {
        if (month < 0 || day < 0 || hour < 0 || minute < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A time of the interchange header: date YYMMDD or CCYYMMDD, time HHMM. */
    static LocalDateTime headerTime(String date, String time) {
        if (date == null) {
            return null;
        }
        String value = time == null ? date : date + time;
        return dateTime(value, null);
    }

    /**
     * A flight designator split into carrier and number, the number without leading zeros:
     * {@code W6 04301} and {@code W64301} are {@code W6}, {@code 4301}. {@code carrier} is the
     * carrier if the message names it apart, or null.
     */
    static String[] flight(String designator, String carrier) {
        if (designator == null) {
            return null;
        }
        String id = squeeze(designator);
        String code;
        String number;
        String knownCarrier = carrier == null ? null : squeeze(carrier);
        if (knownCarrier != null && id.length() > knownCarrier.length() && id.startsWith(knownCarrier)) {
            code = knownCarrier;
            number = id.substring(knownCarrier.length());
        } else if (knownCarrier != null && id.length() > 0 && Character.isDigit(id.charAt(0))
                && digits(id, 0, 1) >= 0 && allDigitsPrefix(id) == id.length()) {
            code = knownCarrier;
            number = id;
        } else if (id.length() >= 4 && Character.isLetter(id.charAt(0)) && Character.isLetter(id.charAt(1))
                && Character.isLetter(id.charAt(2)) && Character.isDigit(id.charAt(3))) {
            code = id.substring(0, 3);
            number = id.substring(3);
        } else if (id.length() > 2) {
            code = id.substring(0, 2);
            number = id.substring(2);
        } else {
            return null;
        }
        return new String[] { code, number(number) };
    }

    private static int allDigitsPrefix(String s) {
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A flight number without spaces and leading zeros ({@code 0043} is {@code 43}). */
    static String number(String number) {
        if (number == null) {
            return null;
        }
        String n = squeeze(number);
        int i = 0;
        while (i < n.length() - 1 && n.charAt(i) == '0' && Character.isDigit(n.charAt(i + 1))) {
            i++;
        }
        return n.substring(i);
    }

    /** Upper case without spaces, or null. */
    static String squeeze(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || (c >= 'a' && c <= 'z')) {
                if (b == null) {
                    b = new StringBuilder(value.length()).append(value, 0, i);
                }
                if (c != ' ') {
                    b.append((char) (c - 32));
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        String s = b == null ? value : b.toString();
        return s.isEmpty() ? null : s;
    }

    static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        int n = digits(value, 0, value.length());
        return n < 0 || value.length() > 9 ? null : n;
    }
}
