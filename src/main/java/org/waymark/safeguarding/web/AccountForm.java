package org.waymark.safeguarding.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.validation.Errors;
import org.waymark.operation.ExploitationType;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Checks;

/** The suspected forms of exploitation, what the person said, and the officer's opinion, apart. */
class AccountForm {

    private Set<ExploitationType> suspectedTypes = EnumSet.noneOf(ExploitationType.class);
    private String account = "";
    private String opinion = "";

    static AccountForm of(CheckView check) {
        AccountForm form = new AccountForm();
        form.setSuspectedTypes(check.suspectedTypes());
        form.account = check.account() == null ? "" : check.account();
        form.opinion = check.opinion() == null ? "" : check.opinion();
        return form;
    }

    /** Both texts are measured here, so that the page names both when both are too long. */
    void check(Errors errors) {
        if (account.strip().length() > Checks.MAX_NARRATIVE) {
            errors.rejectValue("account", "check.account.tooLong");
        }
        if (opinion.strip().length() > Checks.MAX_NARRATIVE) {
            errors.rejectValue("opinion", "check.opinion.tooLong");
        }
    }

    public Set<ExploitationType> getSuspectedTypes() {
        return suspectedTypes;
    }

    public void setSuspectedTypes(Set<ExploitationType> suspectedTypes) {
        this.suspectedTypes = EnumSet.noneOf(ExploitationType.class);
        if (suspectedTypes != null) {
            this.suspectedTypes.addAll(suspectedTypes);
        }
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account == null ? "" : account;
    }

    public String getOpinion() {
        return opinion;
    }

    public void setOpinion(String opinion) {
        this.opinion = opinion == null ? "" : opinion;
    }
}
