package org.waymark.safeguarding.web;

import java.util.UUID;

import org.springframework.validation.Errors;
import org.waymark.safeguarding.Checks.NewCheck;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.FlightId;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleField;
import org.waymark.shared.RuleViolationException;

/**
 * The start of a check, as typed: where it happens ({@code where} is a flight's id, or
 * {@link #PLACE} with the place typed in {@code location}), why the person is in it, and
 * whether they are under 18.
 */
class StartCheckForm {

    static final String PLACE = "PLACE";
    @RuleField("flightId")
    private String where = "";
    private String location = "";
    private PersonCategory category;
    private Under18 under18;

    /** The check to start, or null with the reasons added to {@code errors}. */
    NewCheck toNewCheck(Errors errors) {
        FlightId flight = null;
        String place = null;
        if (where.isBlank()) {
            errors.rejectValue("where", "checks.where.required");
        } else if (PLACE.equals(where)) {
            place = PlainText.typed(location);
            if (place == null) {
                errors.rejectValue("location", "checks.location.required");
            }
        } else {
            try {
                flight = new FlightId(UUID.fromString(where));
            } catch (IllegalArgumentException e) {
                errors.rejectValue("where", "checks.where.required");
            }
        }
        if (category == null && !errors.hasFieldErrors("category")) {
            errors.rejectValue("category", "check.category.required");
        }
        if (under18 == null && !errors.hasFieldErrors("under18")) {
            errors.rejectValue("under18", "check.person.under18.required");
        }
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return new NewCheck(flight, place, category, Person.unknown(under18));
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageCode());
            return null;
        }
    }

    public String getWhere() {
        return where;
    }

    public void setWhere(String where) {
        this.where = where == null ? "" : where;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location == null ? "" : location;
    }

    public PersonCategory getCategory() {
        return category;
    }

    public void setCategory(PersonCategory category) {
        this.category = category;
    }

    public Under18 getUnder18() {
        return under18;
    }

    public void setUnder18(Under18 under18) {
        this.under18 = under18;
    }
}
