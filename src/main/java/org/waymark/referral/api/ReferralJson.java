package org.waymark.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.waymark.referral.Consent;
import org.waymark.referral.DecisionResult;
import org.waymark.referral.DecisionType;
import org.waymark.referral.PackageDocument;
import org.waymark.referral.PartnerReferralView;
import org.waymark.referral.ReferralKind;
import org.waymark.referral.ReferralPackage;
import org.waymark.referral.ReferralStatus;
import org.waymark.referral.ReferralSummary;
import org.waymark.referral.ReferralView;
import org.waymark.safeguarding.FactOrOpinion;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON shapes of referrals. */
final class ReferralJson {

    private ReferralJson() {
    }

    /**
     * The whole referral. {@code rgDueDate} is set once it is submitted; {@code missing} lists
     * what the form still requires.
     */
    record Full(String view, UUID id, UUID checkId, UUID operationId, ReferralKind kind, boolean childReferral,
            boolean namedWithConsent, ReferralStatus status, Consent consent, Instant consentWithdrawnAt,
            @JsonProperty("package") ReferralPackage content,
            List<ReferralView.Addition> accountAdditions, List<Missing> missing, String homeOfficeReference,
            Instant submittedAt, LocalDate rgDueDate, boolean overdue, LocalDate recoveryPeriodEnds,
            LocalDate moveOnSupportEnds, List<ReferralView.DecisionView> decisions, Instant createdAt,
            Instant disposedAt) {

        static Full of(ReferralView referral, MessageSource messages) {
            return new Full(referral.view(), referral.id(), referral.checkId(), referral.operationId().value(),
                    referral.kind(), referral.childReferral(), referral.kind() == ReferralKind.DUTY_TO_NOTIFY
                            && referral.named(),
                    referral.status(), referral.consent(), referral.consentWithdrawnAt(), referral.content(),
                    referral.accountAdditions(), referral.missing().entrySet().stream()
                            .map(missing -> new Missing(missing.getKey(), messages.getMessage(missing.getValue(),
                                    null, missing.getValue(), Locale.UK)))
                            .toList(),
                    referral.homeOfficeReference(), referral.submittedAt(), referral.rgDueDate(), referral.overdue(),
                    referral.recoveryPeriodEnds(), referral.moveOnSupportEnds(), referral.decisions(),
                    referral.createdAt(), referral.disposedAt());
        }
    }

    record Missing(String field, String message) {
    }

    /** What a partner asked for support sees: the referral's standing and their own additions. */
    record Partner(String view, UUID id, UUID checkId, ReferralKind kind, ReferralStatus status,
            List<ReferralView.Addition> accountAdditions, boolean mayAdd) {

        static Partner of(PartnerReferralView referral) {
            return new Partner(referral.view(), referral.id(), referral.checkId(), referral.kind(), referral.status(),
                    referral.ownAdditions(), referral.mayAdd());
        }
    }

    /** The answer to starting a referral: the path Waymark chose. */
    record Started(UUID id, ReferralKind kind, boolean childReferral, boolean namedWithConsent,
            ReferralStatus status) {

        static Started of(ReferralView referral) {
            return new Started(referral.id(), referral.kind(), referral.childReferral(),
                    referral.kind() == ReferralKind.DUTY_TO_NOTIFY && referral.named(), referral.status());
        }
    }

    record ListedReferral(UUID id, UUID checkId, UUID operationId, String operationName, ReferralKind kind,
            boolean childReferral, ReferralStatus status, String homeOfficeReference, Instant submittedAt,
            LocalDate rgDueDate, boolean overdue, Instant createdAt) {

        static ListedReferral of(ReferralSummary referral) {
            return new ListedReferral(referral.id(), referral.checkId(), referral.operationId().value(),
                    referral.operationName(), referral.kind(), referral.childReferral(), referral.status(),
                    referral.homeOfficeReference(), referral.submittedAt(), referral.rgDueDate(), referral.overdue(),
                    referral.createdAt());
        }
    }

    /**
     * A section of the package as plain text, to paste into the Home Office's form; {@code nature}
     * says whether it holds facts or the referrer's assessment, and {@code whose} whose that is.
     */
    record SectionText(String id, String heading, String text, FactOrOpinion nature, String whose) {

        static SectionText of(PackageDocument.Section section) {
            return new SectionText(section.id(), section.heading(), section.plainText(), section.nature(),
                    section.whose());
        }
    }

    record ReferralStartRequest(Consent consent, Boolean namedWithConsent,
            ReferralPackage.LocalAuthority localAuthority) {
    }

    record SubmissionRequest(String homeOfficeReference, Instant submittedAt) {
    }

    record DecisionRequest(DecisionType type, DecisionResult result, LocalDate date) {
    }

    record ReconsiderationRequest(LocalDate date) {
    }

    record WithdrawalRequest(Instant at) {
    }

    record AdditionRequest(String text) {
    }
}
