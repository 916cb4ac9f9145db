package org.waymark.flight.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.springframework.validation.Errors;
import org.waymark.flight.Direction;
import org.waymark.flight.ScheduledFlight;
import org.waymark.shared.DateInput;
import org.waymark.shared.RuleField;
import org.waymark.shared.RuleViolationException;

/** The add a flight form, as typed. */
class FlightForm {

    private String flightNumber = "";
    private String airline = "";
    private Direction direction;
    private String airport = "";
    @RuleField("scheduled")
    private DateInput date = new DateInput();
    private String time = "";
    private String terminal = "";
    private String stand = "";

    /** The flight, or null with the reasons added to {@code errors}. */
    ScheduledFlight toFlight(Errors errors) {
        var day = date.toLocalDate();
        if (date.isBlank() || day.isEmpty()) {
            errors.rejectValue("date", date.isBlank() ? "flight.scheduled.required" : "operation.startDate.invalid");
        }
        LocalTime at = null;
        try {
            at = LocalTime.parse(time.strip().length() == 4 ? "0" + time.strip() : time.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue("time", "flight.scheduled.invalid");
        }
        if (direction == null && !errors.hasFieldErrors("direction")) {
            // A value that is not a direction was already told as such: one message for the field.
            errors.rejectValue("direction", "flight.direction.required");
        }
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return new ScheduledFlight(flightNumber, airline, direction, airport, day.get().atTime(at), terminal, stand);
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageCode());
            return null;
        }
    }

    public String getFlightNumber() {
        return flightNumber;
    }

    public void setFlightNumber(String flightNumber) {
        this.flightNumber = flightNumber == null ? "" : flightNumber;
    }

    public String getAirline() {
        return airline;
    }

    public void setAirline(String airline) {
        this.airline = airline == null ? "" : airline;
    }

    public Direction getDirection() {
        return direction;
    }

    public void setDirection(Direction direction) {
        this.direction = direction;
    }

    public String getAirport() {
        return airport;
    }

    public void setAirport(String airport) {
        this.airport = airport == null ? "" : airport;
    }

    public DateInput getDate() {
        return date;
    }

    public void setDate(DateInput date) {
        this.date = date == null ? new DateInput() : date;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time == null ? "" : time;
    }

    public String getTerminal() {
        return terminal;
    }

    public void setTerminal(String terminal) {
        this.terminal = terminal == null ? "" : terminal;
    }

    public String getStand() {
        return stand;
    }

    public void setStand(String stand) {
        this.stand = stand == null ? "" : stand;
    }
}
