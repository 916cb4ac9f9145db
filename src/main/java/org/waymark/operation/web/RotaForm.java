package org.waymark.operation.web;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.springframework.validation.Errors;
import org.waymark.operation.CoverKind;
import org.waymark.operation.Rota;
import org.waymark.shared.AgencyId;
import org.waymark.shared.DateInput;
import org.waymark.shared.RuleField;

/** A slot of partner cover as typed: the agency, the kind, from and to (local date and time), how to reach them. */
public class RotaForm {

    private UUID agencyId;
    private CoverKind kind;
    private DateInput fromDate = new DateInput();
    @RuleField("from")
    private String fromTime = "";
    private DateInput toDate = new DateInput();
    @RuleField("to")
    private String toTime = "";
    private String phone = "";
    private String email = "";

    /** The slot, or null with each mistake added to {@code errors}. */
    Rota.NewSlot toSlot(Errors errors) {
        if (agencyId == null && !errors.hasFieldErrors("agencyId")) {
            errors.rejectValue("agencyId", "rota.agency.notTakingPart");
        }
        if (kind == null && !errors.hasFieldErrors("kind")) {
            errors.rejectValue("kind", "rota.kind.required");
        }
        LocalDateTime from = moment(fromDate, fromTime, "fromDate", "fromTime", errors);
        LocalDateTime to = moment(toDate, toTime, "toDate", "toTime", errors);
        if (errors.hasErrors()) {
            return null;
        }
        return new Rota.NewSlot(new AgencyId(agencyId), null, kind, from, to, phone, email);
    }

    private static LocalDateTime moment(DateInput date, String time, String dateField, String timeField,
            Errors errors) {
        var day = date.toLocalDate();
        if (day.isEmpty()) {
            errors.rejectValue(dateField, "rota.date.invalid");
        }
        LocalTime at = null;
        try {
            String typed = time.strip().replace('.', ':');
            at = LocalTime.parse(typed.length() == 4 ? "0" + typed : typed);
        } catch (DateTimeParseException e) {
            errors.rejectValue(timeField, "rota.time.invalid");
        }
        return day.isPresent() && at != null ? day.get().atTime(at) : null;
    }

    public UUID getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(UUID agencyId) {
        this.agencyId = agencyId;
    }

    public CoverKind getKind() {
        return kind;
    }

    public void setKind(CoverKind kind) {
        this.kind = kind;
    }

    public DateInput getFromDate() {
        return fromDate;
    }

    public void setFromDate(DateInput fromDate) {
        this.fromDate = fromDate;
    }

    public String getFromTime() {
        return fromTime;
    }

    public void setFromTime(String fromTime) {
        this.fromTime = fromTime == null ? "" : fromTime;
    }

    public DateInput getToDate() {
        return toDate;
    }

    public void setToDate(DateInput toDate) {
        this.toDate = toDate;
    }

    public String getToTime() {
        return toTime;
    }

    public void setToTime(String toTime) {
        this.toTime = toTime == null ? "" : toTime;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone == null ? "" : phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email;
    }
}
