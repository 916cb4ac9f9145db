package org.waymark.identity.web;

import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The add and edit agency form. First Responder left unanswered follows the type. */
class AgencyForm {

    @NotBlank(message = "{agency.name.required}")
    private String name;

    @NotNull(message = "{agency.type.required}")
    private AgencyType type;

    private Boolean firstResponder;

    static AgencyForm of(AgencySummary agency) {
        AgencyForm form = new AgencyForm();
        form.name = agency.name();
        form.type = agency.type();
        form.firstResponder = agency.firstResponder();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public AgencyType getType() {
        return type;
    }

    public void setType(AgencyType type) {
        this.type = type;
    }

    public Boolean getFirstResponder() {
        return firstResponder;
    }

    public void setFirstResponder(Boolean firstResponder) {
        this.firstResponder = firstResponder;
    }
}
