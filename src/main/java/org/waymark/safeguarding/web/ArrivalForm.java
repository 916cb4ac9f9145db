package org.waymark.safeguarding.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.validation.Errors;
import org.waymark.shared.RuleField;

/** When the partner expects to arrive: a time of day at the port. */
class ArrivalForm {

    @RuleField("expectedArrival")
    private String time = "";

    /** Checks the time is one; false with the reason added to {@code errors}. */
    boolean check(Errors errors) {
        if (parsedTime() == null && !errors.hasFieldErrors("time")) {
            errors.rejectValue("time", time.isBlank() ? "support.expectedArrival.required"
                    : "requests.arrival.time.invalid");
        }
        return !errors.hasErrors();
    }

    /**
     * The time typed, local at the port, as its next such moment: 00:20 typed at 23:50 is after
     * midnight. A time of the last hour stays today, for the request to refuse as past rather
     * than take as tomorrow.
     */
    Instant at(ZoneId zone, Clock clock) {
        LocalTime typed = parsedTime();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant at = today.atTime(typed).atZone(zone).toInstant();
        return at.isBefore(now.minusSeconds(3600)) ? today.plusDays(1).atTime(typed).atZone(zone).toInstant() : at;
    }

    private LocalTime parsedTime() {
        return AdviceForm.timeOfDay(time);
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time == null ? "" : time;
    }
}
