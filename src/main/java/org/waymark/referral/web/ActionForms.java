package org.waymark.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.validation.Errors;
import org.waymark.referral.DecisionResult;
import org.waymark.referral.DecisionType;
import org.waymark.shared.DateInput;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleField;

/**
 * The small forms that move a referral on once its package is done: marking it submitted,
 * recording a decision or a request to reconsider one, and a partner's addition to the account.
 * Each is shown on the referral's page, and on a page of its own when it must name a mistake.
 */
final class ActionForms {

    private ActionForms() {
    }

    /** The Home Office's reference and when the form was sent, which starts the 5 working days. */
    static class Submission {

        private String homeOfficeReference = "";
        @RuleField("submittedAt")
        private DateInput submittedDate = new DateInput();
        private String submittedTime = "";

        static Submission now(Clock clock) {
            Submission form = new Submission();
            form.submittedDate = Moment.today(clock);
            form.submittedTime = Moment.timeNow(clock);
            return form;
        }

        /** When it was submitted, or null with the reasons added to {@code errors}. */
        Instant at(Errors errors) {
            if (PlainText.typed(homeOfficeReference) == null) {
                errors.rejectValue("homeOfficeReference", "referral.reference.required");
            }
            return Moment.at(submittedDate, submittedTime, errors, "submittedDate", "submittedTime");
        }

        public String getHomeOfficeReference() {
            return homeOfficeReference;
        }

        public void setHomeOfficeReference(String homeOfficeReference) {
            this.homeOfficeReference = homeOfficeReference == null ? "" : homeOfficeReference;
        }

        public DateInput getSubmittedDate() {
            return submittedDate;
        }

        public void setSubmittedDate(DateInput submittedDate) {
            this.submittedDate = submittedDate == null ? new DateInput() : submittedDate;
        }

        public String getSubmittedTime() {
            return submittedTime;
        }

        public void setSubmittedTime(String submittedTime) {
            this.submittedTime = submittedTime == null ? "" : submittedTime;
        }
    }

    /** A reasonable or conclusive grounds decision, positive or negative, on a day. */
    static class Decision {

        private DecisionType type;
        private DecisionResult result;
        private DateInput date = new DateInput();

        /** A new form for the decision that is awaited, dated today. */
        static Decision awaiting(DecisionType awaited, Clock clock) {
            Decision form = new Decision();
            form.type = awaited;
            form.date = Moment.today(clock);
            return form;
        }

        /** The day of the decision, or null with the reasons added to {@code errors}. */
        LocalDate day(Errors errors) {
            if (type == null && !errors.hasFieldErrors("type")) {
                errors.rejectValue("type", "referral.decision.type.required");
            }
            if (result == null && !errors.hasFieldErrors("result")) {
                errors.rejectValue("result", "referral.decision.result.required");
            }
            return Moment.date(date, errors, "date", "referrals.date.invalid");
        }

        public DecisionType getType() {
            return type;
        }

        public void setType(DecisionType type) {
            this.type = type;
        }

        public DecisionResult getResult() {
            return result;
        }

        public void setResult(DecisionResult result) {
            this.result = result;
        }

        public DateInput getDate() {
            return date;
        }

        public void setDate(DateInput date) {
            this.date = date == null ? new DateInput() : date;
        }
    }

    /** The day a negative decision was asked to be reconsidered. */
    static class Reconsideration {

        private DateInput date = new DateInput();

        static Reconsideration today(Clock clock) {
            Reconsideration form = new Reconsideration();
            form.date = Moment.today(clock);
            return form;
        }

        LocalDate day(Errors errors) {
            return Moment.date(date, errors, "date", "referrals.date.invalid");
        }

        public DateInput getDate() {
            return date;
        }

        public void setDate(DateInput date) {
            this.date = date == null ? new DateInput() : date;
        }
    }

    /** Words a partner adds to the person's account, attributed to their agency. */
    static class Addition {

        static final int MAX = 5_000;

        private String text = "";

        boolean check(Errors errors) {
            if (PlainText.typed(text) == null) {
                errors.rejectValue("text", "referral.addition.required");
            } else if (text.strip().length() > MAX) {
                errors.rejectValue("text", "referral.addition.tooLong");
            }
            return !errors.hasErrors();
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text == null ? "" : text;
        }
    }
}
