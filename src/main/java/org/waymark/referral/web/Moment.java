package org.waymark.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.validation.Errors;
import org.waymark.shared.DateInput;

/**
 * A date and a time typed in two boxes, local time in England: the Home Office's forms and
 * deadlines are in UK time, so every referral page shows and takes times in Europe/London.
 */
final class Moment {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private Moment() {
    }

    static DateInput today(Clock clock) {
        return DateInput.of(LocalDate.now(clock.withZone(UK)));
    }

    static String timeNow(Clock clock) {
        return ZonedDateTime.now(clock.withZone(UK)).format(HOURS_MINUTES);
    }

    /** The day typed, or null with the problem against {@code field}. */
    static LocalDate date(DateInput typed, Errors errors, String field, String problem) {
        Optional<LocalDate> date = typed.toLocalDate();
        if (date.isEmpty()) {
            errors.rejectValue(field, problem);
            return null;
        }
        return date.get();
    }

    /** The moment typed, or null with the problems against {@code dateField} and {@code timeField}. */
    static Instant at(DateInput date, String time, Errors errors, String dateField, String timeField) {
        LocalDate day = date(date, errors, dateField, "referrals.date.invalid");
        LocalTime typed = time(time);
        if (typed == null) {
            errors.rejectValue(timeField, "referrals.time.invalid");
        }
        return day == null || typed == null ? null : day.atTime(typed).atZone(UK).toInstant();
    }

    private static LocalTime time(String text) {
        String typed = text == null ? "" : text.strip().replace('.', ':');
        try {
            return LocalTime.parse(typed.length() == 4 ? "0" + typed : typed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
