package org.waymark.safeguarding.web;

import java.util.UUID;

import org.springframework.validation.Errors;
import org.waymark.safeguarding.SupportKind;

/** A request for a navigator, SARC worker or interpreter from an agency taking part. */
class SupportForm {

    private UUID agencyId;
    private SupportKind kind;

    boolean check(Errors errors) {
        if (agencyId == null && !errors.hasFieldErrors("agencyId")) {
            errors.rejectValue("agencyId", "support.agency.notTakingPart");
        }
        if (kind == null && !errors.hasFieldErrors("kind")) {
            errors.rejectValue("kind", "support.kind.required");
        }
        return !errors.hasErrors();
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
}
