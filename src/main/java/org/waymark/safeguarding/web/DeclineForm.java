package org.waymark.safeguarding.web;

/** Why the partner cannot come; the rules on the reason are the request's own. */
class DeclineForm {

    private String reason = "";

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason == null ? "" : reason;
    }
}
