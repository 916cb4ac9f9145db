package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.shared.ConflictException;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;

/** The rules of a referral that the law and the Home Office set, with the clock in the test's hands. */
class ReferralTest {

    private static final UUID OFFICER = UUID.randomUUID();
    private static final Consent CONSENTS = new Consent(true, "PC Olu Officer", "bg", true,
            london(2026, 12, 21, 10, 0));
    private static final Consent REFUSES = new Consent(false, "PC Olu Officer", "bg", true,
            london(2026, 12, 21, 10, 0));

    @Test
    void theLawDecidesThePathFromTheAgeAndTheConsent() {
        var authority = new ReferralPackage.LocalAuthority("Essex County Council", "Duty team, 0345 603 7627");

        assertThat(Referral.Path.decide(true, null, null, authority))
                .isEqualTo(new Referral.Path(ReferralKind.NRM, true, true));
        assertThat(Referral.Path.decide(false, CONSENTS, null, null))
                .isEqualTo(new Referral.Path(ReferralKind.NRM, false, true));
        assertThat(Referral.Path.decide(false, REFUSES, null, null))
                .isEqualTo(new Referral.Path(ReferralKind.DUTY_TO_NOTIFY, false, false));
        assertThat(Referral.Path.decide(false, REFUSES, true, null))
                .isEqualTo(new Referral.Path(ReferralKind.DUTY_TO_NOTIFY, false, true));

        assertThatThrownBy(() -> Referral.Path.decide(true, CONSENTS, null, null))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("localAuthority");
        assertThatThrownBy(() -> Referral.Path.decide(false, null, null, null))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("consent");
    }

    @Test
    void theReasonableGroundsDecisionIsDueFiveWorkingDaysLaterOverChristmasAndTheWeekend() {
        Referral referral = ready(CONSENTS);
        Instant submitted = london(2026, 12, 23, 16, 30);

        referral.submit("NRM-2026-000123", submitted, Map.of(), OFFICER, submitted.plusSeconds(60));

        // 24 Dec, then 29, 30, 31 Dec and 4 Jan: the 25th, 28th (Boxing Day’s substitute) and 1 Jan are holidays.
        assertThat(referral.rgDueDate()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(referral.overdue(LocalDate.of(2027, 1, 4))).isFalse();
        assertThat(referral.overdue(LocalDate.of(2027, 1, 5))).isTrue();
    }

    @Test
    void aReferralSubmittedLateOnFridayEveningInLondonCountsFromThatFriday() {
        // 23:30 in London on Friday 11 September 2026 is 22:30 UTC the same day.
        Instant submitted = london(2026, 9, 11, 23, 30);
        Referral referral = ready(new Consent(true, "PC Olu Officer", "en", false, submitted.minusSeconds(7200)),
                submitted.minusSeconds(3600));

        referral.submit("NRM-1", submitted, Map.of(), OFFICER, submitted);

        assertThat(referral.rgDueDate()).isEqualTo(LocalDate.of(2026, 9, 18));
    }

    @Test
    void aPositiveReasonableGroundsDecisionOpensThirtyDaysOfRecoveryThenConclusiveGroundsFollow() {
        Referral referral = submitted(CONSENTS);

        assertThatThrownBy(() -> referral.decide(DecisionType.CG, DecisionResult.POSITIVE, LocalDate.of(2026, 12, 22),
                OFFICER, london(2026, 12, 24, 9, 0))).isInstanceOf(ConflictException.class);
        referral.decide(DecisionType.RG, DecisionResult.POSITIVE, LocalDate.of(2026, 12, 23), OFFICER,
                london(2026, 12, 24, 9, 0));

        assertThat(referral.status()).isEqualTo(ReferralStatus.RG_POSITIVE);
        assertThat(referral.recoveryPeriodEnds()).contains(LocalDate.of(2027, 1, 22));
        assertThat(referral.overdue(LocalDate.of(2027, 3, 1))).isFalse();

        referral.decide(DecisionType.CG, DecisionResult.POSITIVE, LocalDate.of(2027, 2, 10), OFFICER,
                london(2027, 2, 11, 9, 0));
        assertThat(referral.status()).isEqualTo(ReferralStatus.CG_POSITIVE);
        assertThat(referral.moveOnSupportEnds()).contains(LocalDate.of(2027, 3, 27));
    }

    @Test
    void aNegativeDecisionCanBeReconsideredAndDecidedAgain() {
        Referral referral = submitted(CONSENTS);
        Instant now = london(2026, 12, 30, 9, 0);
        referral.decide(DecisionType.RG, DecisionResult.NEGATIVE, LocalDate.of(2026, 12, 24), OFFICER, now);

        assertThatThrownBy(() -> referral.decide(DecisionType.RG, DecisionResult.POSITIVE,
                LocalDate.of(2026, 12, 29), OFFICER, now)).isInstanceOf(ConflictException.class);
        referral.requestReconsideration(LocalDate.of(2026, 12, 29), OFFICER, now);
        assertThat(referral.status()).isEqualTo(ReferralStatus.RECONSIDERATION_REQUESTED);
        assertThatThrownBy(() -> referral.decide(DecisionType.CG, DecisionResult.POSITIVE,
                LocalDate.of(2026, 12, 30), OFFICER, now)).isInstanceOf(ConflictException.class);

        referral.decide(DecisionType.RG, DecisionResult.POSITIVE, LocalDate.of(2026, 12, 30), OFFICER, now);
        assertThat(referral.status()).isEqualTo(ReferralStatus.RG_POSITIVE);
        assertThat(referral.recoveryPeriodEnds()).contains(LocalDate.of(2027, 1, 29));
    }

    @Test
    void aSubmissionCannotComeBeforeTheConsent() {
        Referral referral = ready(CONSENTS);

        assertThatThrownBy(() -> referral.submit("NRM-1", CONSENTS.at().minusSeconds(60), Map.of(), OFFICER,
                CONSENTS.at().plusSeconds(3600))).isInstanceOf(RuleViolationException.class)
                .extracting("field").isEqualTo("submittedAt");
    }

    @Test
    void decisionDatesFollowTheSubmissionAndAreNotInTheFuture() {
        Referral referral = submitted(CONSENTS);
        Instant now = london(2026, 12, 24, 9, 0);

        assertThatThrownBy(() -> referral.decide(DecisionType.RG, DecisionResult.POSITIVE,
                LocalDate.of(2026, 12, 22), OFFICER, now)).isInstanceOf(RuleViolationException.class)
                .extracting("field").isEqualTo("date");
        assertThatThrownBy(() -> referral.decide(DecisionType.RG, DecisionResult.POSITIVE,
                LocalDate.of(2026, 12, 25), OFFICER, now)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aDutyToNotifyHasNoDecisionsAndNoConsentToWithdraw() {
        Referral referral = submitted(REFUSES);
        Instant now = london(2026, 12, 24, 9, 0);

        assertThatThrownBy(() -> referral.decide(DecisionType.RG, DecisionResult.POSITIVE,
                LocalDate.of(2026, 12, 24), OFFICER, now)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("dutyToNotify");
        assertThatThrownBy(() -> referral.withdrawConsent(null, now)).isInstanceOf(ConflictException.class);
    }

    @Test
    void withdrawnConsentIsRecordedWithItsTimeAndStopsTheSubmission() {
        Referral referral = ready(CONSENTS);
        Instant withdrawn = london(2026, 12, 22, 11, 15);

        referral.withdrawConsent(withdrawn, withdrawn.plusSeconds(600));

        assertThat(referral.status()).isEqualTo(ReferralStatus.WITHDRAWN);
        assertThat(referral.consentWithdrawnAt()).isEqualTo(withdrawn);
        assertThatThrownBy(() -> referral.submit("NRM-1", withdrawn.plusSeconds(900), Map.of(), OFFICER,
                withdrawn.plusSeconds(900))).isInstanceOf(ConflictException.class).hasMessageContaining("withdrawn");
        assertThatThrownBy(() -> referral.edit(ReferralPackageTest.emptyPackage(), "{}"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anIncompletePackageIsRefusedWithEverythingItLacks() {
        Referral referral = ready(CONSENTS);
        Map<String, String> missing = ReferralPackageTest.emptyPackage()
                .shapedFor(ReferralKind.NRM, false, true).missing(ReferralKind.NRM, false, true);

        assertThatThrownBy(() -> referral.submit("NRM-1", london(2026, 12, 22, 9, 0), missing, OFFICER,
                london(2026, 12, 22, 10, 0)))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.fields().keySet())
                        .contains("referrer.name", "account.background", "indicators", "exploitation", "subject.name",
                                "subject.phone"));
        assertThat(referral.status()).isEqualTo(ReferralStatus.READY);
    }

    /** A referral whose package the form would take (completeness is ReferralPackageTest’s business). */
    private static Referral ready(Consent consent) {
        return ready(consent, london(2026, 12, 21, 10, 30));
    }

    private static Referral ready(Consent consent, Instant created) {
        Referral.Path path = Referral.Path.decide(false, consent, false, null);
        return new Referral(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), path.kind(),
                false, path.named(), ReferralStatus.READY, consent.given(), consent.explainedBy(), consent.language(),
                consent.interpreterUsed(), consent.at(), "{}", created, OFFICER, null);
    }

    private static Referral submitted(Consent consent) {
        Referral referral = ready(consent);
        Instant at = london(2026, 12, 23, 16, 30);
        referral.submit("NRM-2026-000123", at, Map.of(), OFFICER, at);
        return referral;
    }

    static Instant london(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, Referral.ENGLAND).toInstant();
    }
}
