package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waymark.operation.ExploitationType;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.RuleViolationException;

/** What the Home Office’s form requires of a package on each path, and what it refuses. */
class ReferralPackageTest {

    static ReferralPackage emptyPackage() {
        return new ReferralPackage(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void anAnonymousDutyToNotifyCarriesNoNameAndNeedsGenderNationalityAndTheReason() {
        ReferralPackage named = new ReferralPackage(null, null, null, null, null, null, null, null, null, null,
                new ReferralPackage.Subject("Elena Petrova", null, null, null, null, null, null, null, null),
                null, null);

        assertThatThrownBy(() -> named.shapedFor(ReferralKind.DUTY_TO_NOTIFY, false, false))
                .isInstanceOf(RuleViolationException.class).extracting("field").isEqualTo("subject.name");
        ReferralPackage anonymous = emptyPackage().shapedFor(ReferralKind.DUTY_TO_NOTIFY, false, false);
        assertThat(anonymous.subject()).isNull();
        assertThat(anonymous.missing(ReferralKind.DUTY_TO_NOTIFY, false, false)).containsKeys(
                "dutyToNotify.gender", "dutyToNotify.nationality", "dutyToNotify.reasonNoConsent")
                .doesNotContainKeys("subject.name", "localAuthority.name");
        assertThat(named.shapedFor(ReferralKind.DUTY_TO_NOTIFY, false, true).missing(ReferralKind.DUTY_TO_NOTIFY,
                false, true)).doesNotContainKey("subject.name").doesNotContainKey("subject.phone");
        ReferralPackage unknownNationality = new ReferralPackage(null, null, null, null, null, null, null, null, null,
                null, null, new ReferralPackage.DutyToNotify(Gender.NOT_KNOWN, "xx", "Afraid of the man with her"), null);
        assertThat(unknownNationality.missing(ReferralKind.DUTY_TO_NOTIFY, false, false))
                .doesNotContainKeys("dutyToNotify.gender", "dutyToNotify.nationality", "dutyToNotify.reasonNoConsent");
        assertThat(unknownNationality.dutyToNotify().nationality()).isEqualTo(ReferralPackage.NATIONALITY_NOT_KNOWN);
    }

    @Test
    void aChildsReferralNeedsTheLocalAuthorityButNoContactDetailsForTheChild() {
        ReferralPackage child = emptyPackage().shapedFor(ReferralKind.NRM, true, true);

        assertThat(child.missing(ReferralKind.NRM, true, true)).containsKeys("localAuthority.name",
                "localAuthority.contact", "subject.name").doesNotContainKeys("subject.phone", "dutyToNotify.gender");
        assertThat(child.dutyToNotify()).isNull();
    }

    @Test
    void aCompleteAdultReferralLacksNothing() {
        ReferralPackage complete = new ReferralPackage(
                new ReferralPackage.Referrer("PC Olu Officer", null, "Essex Police", "olu@essex.example", null),
                new ReferralPackage.Age(Under18.NO, null, 24),
                new ReferralPackage.Account(null, "Offered work in a restaurant", null, null, null, null),
                "T01 Companion holds her boarding pass", null,
                List.of(new ReferralPackage.Exploitation(ExploitationType.SEXUAL, Set.of(ExploitationSubtype.BROTHEL),
                        null)),
                null, null, null, null,
                new ReferralPackage.Subject("Elena Petrova", null, Gender.FEMALE, "bg", "bg", "07700 900123", null,
                        null, null),
                null, null);

        assertThat(complete.shapedFor(ReferralKind.NRM, false, true).missing(ReferralKind.NRM, false, true)).isEmpty();
        assertThat(complete.subject().nationality()).isEqualTo("BG");
    }

    @Test
    void thePackageCannotContradictTheAgeThatChoseItsPath() {
        ReferralPackage unclear = new ReferralPackage(null, new ReferralPackage.Age(Under18.NOT_SURE, null, null),
                null, null, null, null, null, null, null, null, null, null, null);
        ReferralPackage adult = new ReferralPackage(null, new ReferralPackage.Age(Under18.NO, null, 30), null, null,
                null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> unclear.shapedFor(ReferralKind.DUTY_TO_NOTIFY, false, false))
                .isInstanceOf(RuleViolationException.class).hasMessage("referral.age.adult");
        assertThatThrownBy(() -> adult.shapedFor(ReferralKind.NRM, true, true)).hasMessage("referral.age.child");
        assertThat(unclear.shapedFor(ReferralKind.NRM, true, true).age().under18()).isEqualTo(Under18.NOT_SURE);
    }

    @Test
    void theFormsLimitsAndListsAreKept() {
        assertThatThrownBy(() -> new ReferralPackage.Account("a".repeat(15_001), null, null, null, null, null))
                .isInstanceOf(RuleViolationException.class).extracting("field").isEqualTo("account.background");
        assertThat(new ReferralPackage.Account("a".repeat(15_000), null, null, null, null, null).background())
                .hasSize(15_000);
        assertThatThrownBy(() -> new ReferralPackage.Exploitation(ExploitationType.LABOUR,
                Set.of(ExploitationSubtype.BROTHEL), null)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> new ReferralPackage.Places(List.of("Luton"), List.of("XX")))
                .isInstanceOf(RuleViolationException.class).extracting("field").isEqualTo("places.abroad");
        assertThat(new ReferralPackage.Places(List.of(" Luton ", "Luton", ""), List.of("md")))
                .isEqualTo(new ReferralPackage.Places(List.of("Luton"), List.of("MD")));
        List<String> manyTowns = java.util.stream.IntStream.range(0, 40_000).mapToObj(i -> "Town " + i).toList();
        assertThatThrownBy(() -> new ReferralPackage.Places(manyTowns, null)).hasMessage("referral.places.tooMany");
    }
}
