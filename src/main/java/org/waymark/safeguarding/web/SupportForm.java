package org.waymark.safeguarding.web;

import java.util.UUID;

import org.springframework.validation.Errors;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.SupportRequests;
import org.waymark.shared.AgencyId;

/**
 * A request for a navigator, SARC worker or interpreter from an agency taking part, with where
 * to meet and the number to call the officer on (their account's, unless they change it).
 */
class SupportForm {

    private UUID agencyId;
    private SupportKind kind;
    private String meetingPoint = "";
    private String requesterPhone = "";

    /** A new request's form, offering the number on the officer's account. */
    static SupportForm withPhone(String phone) {
        SupportForm form = new SupportForm();
        form.setRequesterPhone(phone);
        return form;
    }

    boolean check(Errors errors) {
        if (agencyId == null && !errors.hasFieldErrors("agencyId")) {
            errors.rejectValue("agencyId", "support.agency.notTakingPart");
        }
        if (kind == null && !errors.hasFieldErrors("kind")) {
            errors.rejectValue("kind", "support.kind.required");
        }
        return !errors.hasErrors();
    }

    SupportRequests.NewRequest toRequest() {
        return new SupportRequests.NewRequest(new AgencyId(agencyId), kind, meetingPoint, requesterPhone);
    }

    public UUID getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(UUID agencyId) {
        this.agencyId = agencyId;
    }

    public SupportKind getKind() {
        return kind;
    }

    public void setKind(SupportKind kind) {
        this.kind = kind;
    }

    public String getMeetingPoint() {
        return meetingPoint;
    }

    public void setMeetingPoint(String meetingPoint) {
        this.meetingPoint = meetingPoint == null ? "" : meetingPoint;
    }

    public String getRequesterPhone() {
        return requesterPhone;
    }

    public void setRequesterPhone(String requesterPhone) {
        this.requesterPhone = requesterPhone == null ? "" : requesterPhone;
    }
}
