package org.waymark.referral.web;

import java.time.Clock;
import java.time.Instant;

import org.springframework.validation.Errors;
import org.waymark.referral.Consent;
import org.waymark.referral.ReferralPackage;
import org.waymark.referral.Referrals.NewReferral;
import org.waymark.shared.DateInput;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleField;
import org.waymark.shared.RuleViolationException;

/**
 * The start of a referral, as typed. A child is referred without consent, so their form asks
 * only for the local authority told; an adult's is the consent step, whose answer decides
 * between an NRM referral and a Duty to Notify.
 */
class StartReferralForm {

    private String explainedBy = "";
    private String language = "";
    private Boolean interpreterUsed;
    @RuleField("consent.at")
    private DateInput consentDate = new DateInput();
    private String consentTime = "";
    @RuleField({ "consent", "consent.given" })
    private Boolean consents;
    private Boolean named;
    @RuleField({ "localAuthority", "localAuthority.name" })
    private String localAuthorityName = "";
    @RuleField("localAuthority.contact")
    private String localAuthorityContact = "";

    /** A new form: the NRM was most likely explained by the user, just now. */
    static StartReferralForm fresh(String userName, Clock clock) {
        StartReferralForm form = new StartReferralForm();
        form.explainedBy = userName == null ? "" : userName;
        form.consentDate = Moment.today(clock);
        form.consentTime = Moment.timeNow(clock);
        return form;
    }

    /** The referral to start, or null with the reasons added to {@code errors}. */
    NewReferral toNewReferral(boolean child, Errors errors) {
        return child ? forChild(errors) : forAdult(errors);
    }

    private NewReferral forChild(Errors errors) {
        if (PlainText.typed(localAuthorityName) == null) {
            errors.rejectValue("localAuthorityName", "referral.missing.localAuthority.name");
        }
        if (PlainText.typed(localAuthorityContact) == null) {
            errors.rejectValue("localAuthorityContact", "referral.missing.localAuthority.contact");
        }
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return new NewReferral(null, null,
                    new ReferralPackage.LocalAuthority(localAuthorityName, localAuthorityContact));
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageCode());
            return null;
        }
    }

    private NewReferral forAdult(Errors errors) {
        if (PlainText.typed(explainedBy) == null) {
            errors.rejectValue("explainedBy", "referral.consent.explainedBy.required");
        }
        if (PlainText.typed(language) == null && !errors.hasFieldErrors("language")) {
            errors.rejectValue("language", "referral.consent.language.required");
        }
        if (interpreterUsed == null && !errors.hasFieldErrors("interpreterUsed")) {
            errors.rejectValue("interpreterUsed", "referral.consent.interpreterUsed.required");
        }
        Instant at = Moment.at(consentDate, consentTime, errors, "consentDate", "consentTime");
        if (consents == null && !errors.hasFieldErrors("consents")) {
            errors.rejectValue("consents", "referral.consent.given.required");
        }
        if (Boolean.FALSE.equals(consents) && named == null && !errors.hasFieldErrors("named")) {
            errors.rejectValue("named", "referrals.start.named.required");
        }
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return new NewReferral(new Consent(consents, explainedBy, language, interpreterUsed, at),
                    Boolean.FALSE.equals(consents) && Boolean.TRUE.equals(named), null);
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageCode());
            return null;
        }
    }

    public String getExplainedBy() {
        return explainedBy;
    }

    public void setExplainedBy(String explainedBy) {
        this.explainedBy = explainedBy == null ? "" : explainedBy;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null ? "" : language;
    }

    public Boolean getInterpreterUsed() {
        return interpreterUsed;
    }

    public void setInterpreterUsed(Boolean interpreterUsed) {
        this.interpreterUsed = interpreterUsed;
    }

    public DateInput getConsentDate() {
        return consentDate;
    }

    public void setConsentDate(DateInput consentDate) {
        this.consentDate = consentDate == null ? new DateInput() : consentDate;
    }

    public String getConsentTime() {
        return consentTime;
    }

    public void setConsentTime(String consentTime) {
        this.consentTime = consentTime == null ? "" : consentTime;
    }

    public Boolean getConsents() {
        return consents;
    }

    public void setConsents(Boolean consents) {
        this.consents = consents;
    }

    public Boolean getNamed() {
        return named;
    }

    public void setNamed(Boolean named) {
        this.named = named;
    }

    public String getLocalAuthorityName() {
        return localAuthorityName;
    }

    public void setLocalAuthorityName(String localAuthorityName) {
        this.localAuthorityName = localAuthorityName == null ? "" : localAuthorityName;
    }

    public String getLocalAuthorityContact() {
        return localAuthorityContact;
    }

    public void setLocalAuthorityContact(String localAuthorityContact) {
        this.localAuthorityContact = localAuthorityContact == null ? "" : localAuthorityContact;
    }
}
