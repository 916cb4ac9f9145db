package org.waymark.referral;

import java.util.List;
import java.util.UUID;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/**
 * Events of the referral module, recorded in the audit log: every start, change, read (refused
 * ones too) and disclosure of a referral (its PDF, and the submission to the Home Office),
 * every decision and every withdrawal of consent. They carry identifiers, never personal data.
 */
public final class ReferralEvents {

    private static final String REFERRAL = "REFERRAL";
    /** The reads that hand the user a copy to take out of Waymark. */
    private static final java.util.Set<String> COPIES = java.util.Set.of("PRINT_VIEW", "SECTIONS_TEXT");

    private ReferralEvents() {
    }

    public record ReferralStarted(UUID referralId, UUID checkId, ReferralKind kind, boolean child, Actor actor)
            implements Auditable {
        public String action() { return "REFERRAL_STARTED"; }
        public String recordType() { return REFERRAL; }
        public String recordId() { return referralId.toString(); }
        public String detail() { return kind + (child ? " (child)" : "") + " from check " + checkId; }
    }

    /**
     * A part changed: {@code PACKAGE}, {@code ACCOUNT_ADDITION} (words added to the person's
     * account), or {@code DISCARDED} (the draft set aside). A change to the package names the
     * fields it changed (by their names in the API), never their values.
     */
    public record ReferralChanged(UUID referralId, String part, List<String> fields, Actor actor)
            implements Auditable {
        public ReferralChanged {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        public ReferralChanged(UUID referralId, String part, Actor actor) {
            this(referralId, part, List.of(), actor);
        }

        public String action() { return "REFERRAL_CHANGED"; }
        public String recordType() { return REFERRAL; }
        public String recordId() { return referralId.toString(); }
        public String detail() { return fields.isEmpty() ? part : part + " fields changed: " + String.join(" ", fields); }
    }

    /**
     * The referral was shown: {@code FULL}, {@code PARTNER_VIEW} or {@code REFUSED}; or a copy
     * was taken out of Waymark, to the user who took it: {@code PRINT_VIEW} (the package to print)
     * or {@code SECTIONS_TEXT} (its sections as plain text, to paste into the Home Office form).
     */
    public record ReferralRead(UUID referralId, String view, Actor actor, boolean succeeded) implements Auditable {
        public String action() { return "REFERRAL_READ"; }
        public String recordType() { return REFERRAL; }
        public String recordId() { return referralId.toString(); }
        public String detail() { return view; }
        public String disclosedTo() { return COPIES.contains(view) ? toUser(actor) : null; }
    }

    /** The package left Waymark as a PDF, to the user who downloaded it. */
    public record ReferralPdfDownloaded(UUID referralId, Actor actor) implements Auditable {
        public String action() { return "REFERRAL_PDF_DOWNLOADED"; }
        public String recordType() { return REFERRAL; }
        public String recordId() { return referralId.toString(); }
        public String disclosedTo() { return toUser(actor); }
    }

    /** Disclosed to the Home Office through its online form. */
    public record ReferralSubmitted(UUID referralId, Actor actor) implements Auditable {
        public String action() { return "REFERRAL_SUBMITTED"; }
        public String recordType() { return REFERRAL; }
        public String recordId() { return referralId.toString(); }
        public String detail() { return "disclosed to the Home Office"; }
        public String disclosedTo() { return "organisation:Home Office"; }
    }

    /** A decision ({@code RG POSITIVE} and so on) or a request to reconsider one. */
    public record ReferralDecisionRecorded(UUID referralId, String decision, Actor actor) implements Auditable {
        public String action() { return "REFERRAL_DECISION_RECORDED"; }
        public String recordType() { return REFERRAL; }
        public String recordId() { return referralId.toString(); }
        public String detail() { return decision; }
    }

    private static String toUser(Actor actor) {
        return actor == null ? null : "user:" + actor.userId().value();
    }

    public record ConsentWithdrawn(UUID referralId, Actor actor) implements Auditable {
        public String action() { return "REFERRAL_CONSENT_WITHDRAWN"; }
        public String recordType() { return REFERRAL; }
        public String recordId() { return referralId.toString(); }
    }
}
