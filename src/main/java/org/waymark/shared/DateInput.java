package org.waymark.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** The day, month and year boxes of a GOV.UK date input, as typed. */
public class DateInput {

    private String day = "";
    private String month = "";
    private String year = "";

    public DateInput() {
    }

    public static DateInput of(LocalDate date) {
        DateInput input = new DateInput();
        if (date != null) {
            input.day = String.valueOf(date.getDayOfMonth());
            input.month = String.valueOf(date.getMonthValue());
            input.year = String.valueOf(date.getYear());
        }
        return input;
    }

    public boolean isBlank() {
        return day.isBlank() && month.isBlank() && year.isBlank();
    }

    /** The date, if the three boxes make a real one with a four-digit year. */
    public Optional<LocalDate> toLocalDate() {
        String d = day.strip();
        String m = month.strip();
        String y = year.strip();
        if (!d.matches("\\d{1,2}") || !m.matches("\\d{1,2}") || !y.matches("\\d{4}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day == null ? "" : day;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month == null ? "" : month;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year == null ? "" : year;
    }
}
