package org.waymark.safeguarding.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.validation.Errors;
import org.waymark.safeguarding.AdviceKind;
import org.waymark.shared.RuleField;

/** Advice or support given: what, an optional note, and the time if it was not just now. */
class AdviceForm {

    private AdviceKind kind;
    private String note = "";
    @RuleField("at")
    private String time = "";

    /** Checks what the form itself can; false with the reasons added to {@code errors}. */
    boolean check(Errors errors) {
        if (kind == null && !errors.hasFieldErrors("kind")) {
            errors.rejectValue("kind", "check.advice.kind.required");
        }
        if (!time.isBlank() && parsedTime() == null) {
            errors.rejectValue("time", "checks.advice.time.invalid");
        }
        return !errors.hasErrors();
    }

    boolean hasTime() {
        return !time.isBlank();
    }

    /**
     * The time typed, local at the port, as the latest such moment not in the future: advice
     * given at 23:50 and recorded after midnight was given yesterday.
     */
    Instant at(ZoneId zone, Clock clock) {
        LocalTime typed = parsedTime();
        if (typed == null) {
            return null;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant at = today.atTime(typed).atZone(zone).toInstant();
        return at.isAfter(now.plusSeconds(60)) ? today.minusDays(1).atTime(typed).atZone(zone).toInstant() : at;
    }

    private LocalTime parsedTime() {
        return timeOfDay(time);
    }

    /** A time of day as officers type it (07:40, 7:40 or 07.40); null if it is none. */
    static LocalTime timeOfDay(String text) {
        String typed = text.strip().replace('.', ':');
        try {
            return LocalTime.parse(typed.length() == 4 ? "0" + typed : typed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public AdviceKind getKind() {
        return kind;
    }

    public void setKind(AdviceKind kind) {
        this.kind = kind;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null ? "" : note;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time == null ? "" : time;
    }
}
