package org.waymark.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.operation.ExploitationType;
import org.waymark.shared.AgencyId;
import org.waymark.shared.ConflictException;
import org.waymark.shared.CountryCode;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;
import org.waymark.shared.UserId;

class EnhancedCheckTest {

    static final Instant NOW = Instant.parse("2026-09-16T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 9, 16);
    static final UserId OFFICER = new UserId(UUID.randomUUID());

    @Test
    void aPersonWhoseAgeIsUnclearIsTreatedAsAChild() {
        assertThat(Person.unknown(Under18.NOT_SURE).treatedAsChild()).isTrue();
        assertThat(Person.unknown(Under18.YES).treatedAsChild()).isTrue();
        assertThat(Person.unknown(Under18.NO).treatedAsChild()).isFalse();
    }

    @Test
    void underEighteenMustAgreeWithTheAgeAndTheDateOfBirth() {
        assertThatThrownBy(() -> person(Under18.NO, 16, null)).isInstanceOf(RuleViolationException.class)
                .hasMessage("check.person.under18.contradictsAge");
        assertThatThrownBy(() -> person(Under18.YES, 30, null)).hasMessage("check.person.under18.contradictsAge");
        assertThatThrownBy(() -> check(Under18.NO).describe(person(Under18.NO, null, TODAY.minusYears(17)), TODAY))
                .hasMessage("check.person.under18.contradictsDateOfBirth");
        assertThat(person(Under18.NOT_SURE, 17, null).age()).isEqualTo(17);
        assertThatThrownBy(() -> check(Under18.NO).describe(person(Under18.NO, 40, TODAY.minusYears(26)), TODAY))
                .hasMessage("check.person.age.contradictsDateOfBirth");
        assertThatThrownBy(() -> new Person(null, false, null, null, Under18.NO, null, null, Set.of(), null, null, 0,
                "says he is her cousin", null)).hasMessage("check.person.relationship.alone");
    }

    @Test
    void contradictoryOutcomesAreRefusedAndTheCheckStaysOpen() {
        EnhancedCheck check = check(Under18.NO);
        check.describe(new Person("Elena", false, null, null, Under18.NO, Gender.FEMALE, new CountryCode("BG"),
                Set.of(), null, null, null, null, null), TODAY);

        assertThatThrownBy(() -> check.close(EnumSet.of(Outcome.NO_FURTHER_ACTION, Outcome.NRM_REFERRAL), null, null,
                OFFICER, NOW)).hasMessage("check.outcome.noFurtherActionContradicts");
        assertThatThrownBy(() -> check.close(EnumSet.of(Outcome.NRM_REFERRAL, Outcome.DUTY_TO_NOTIFY), null, null,
                OFFICER, NOW)).hasMessage("check.outcome.nrmOrDutyToNotify");
        assertThat(check.status()).isEqualTo(CheckStatus.OPEN);
        check.close(EnumSet.of(Outcome.NO_FURTHER_ACTION, Outcome.SAFEGUARDING_ADVICE), null, null, OFFICER, NOW);
        assertThat(check.status()).isEqualTo(CheckStatus.CLOSED);
    }

    @Test
    void aChildsCheckClosesOnlyWithBothReferrals() {
        EnhancedCheck check = check(Under18.NOT_SURE);
        check.describe(new Person("Ana", false, null, null, Under18.NOT_SURE, null, null, Set.of(), null, null,
                null, null, null), TODAY);

        assertThatThrownBy(() -> check.close(EnumSet.of(Outcome.NRM_REFERRAL), null, null, OFFICER, NOW))
                .isInstanceOf(UnprocessableException.class);
        check.close(EnumSet.of(Outcome.NRM_REFERRAL, Outcome.CHILD_SAFEGUARDING_REFERRAL), null, null, OFFICER, NOW);

        assertThat(check.status()).isEqualTo(CheckStatus.CLOSED);
        assertThatThrownBy(() -> check.categorise(PersonCategory.WITNESS)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aNoteOnTheOutcomeSaysWhetherItRecordsFactsOrAnOpinion() {
        EnhancedCheck check = check(Under18.NO);

        assertThatThrownBy(() -> check.close(EnumSet.of(Outcome.SAFEGUARDING_ADVICE), "Leaflet given", null, OFFICER,
                NOW)).isInstanceOf(RuleViolationException.class).hasMessage("check.outcome.noteNature.required");
        assertThat(check.status()).isEqualTo(CheckStatus.OPEN);
        check.close(EnumSet.of(Outcome.SAFEGUARDING_ADVICE), "  Leaflet given  ", FactOrOpinion.FACT, OFFICER, NOW);

        assertThat(check.outcomeNote()).isEqualTo("Leaflet given");
        assertThat(check.outcomeNoteNature()).isEqualTo(FactOrOpinion.FACT);
        assertThat(check.closedBy()).isEqualTo(OFFICER.value());

        EnhancedCheck withoutNote = check(Under18.NO);
        withoutNote.close(EnumSet.of(Outcome.NO_FURTHER_ACTION), " ", FactOrOpinion.OPINION, OFFICER, NOW);
        assertThat(withoutNote.outcomeNote()).isNull();
        assertThat(withoutNote.outcomeNoteNature()).isNull();
    }

    @Test
    void theAssessmentIsTheViewOfWhoeverLastChangedItNotOfWhoeverTypedTheAccount() {
        UserId other = new UserId(UUID.randomUUID());
        EnhancedCheck check = check(Under18.NO);
        check.recordAccount(Set.of(), "Going to work in a bar", null, OFFICER, NOW);
        assertThat(check.assessedBy()).isNull();

        check.recordAccount(Set.of(ExploitationType.SEXUAL), "Going to work in a bar", "Story rehearsed", OFFICER,
                NOW);
        check.recordAccount(Set.of(ExploitationType.SEXUAL), "Going to work in a bar for a friend",
                "Story rehearsed", other, NOW.plusSeconds(60));
        assertThat(check.assessedBy()).isEqualTo(OFFICER.value());
        assertThat(check.assessedAt()).isEqualTo(NOW);

        check.recordAccount(Set.of(ExploitationType.SEXUAL, ExploitationType.LABOUR), "Going to work in a bar",
                "Story rehearsed", other, NOW.plusSeconds(120));
        assertThat(check.assessedBy()).isEqualTo(other.value());
        assertThat(check.assessedAt()).isEqualTo(NOW.plusSeconds(120));

        check.recordAccount(Set.of(), "Going to work in a bar", " ", OFFICER, NOW.plusSeconds(180));
        assertThat(check.assessedBy()).isNull();
        assertThat(check.assessedAt()).isNull();
    }

    @Test
    void indicatorsChosenTogetherReplaceThoseRecordedAllOrNothing() {
        UserId other = new UserId(UUID.randomUUID());
        Indicator passport = new Indicator("T01", IndicatorGroup.TRAVEL, "ALL", "Companion holds their passport", 1,
                null);
        Indicator watched = new Indicator("T06", IndicatorGroup.TRAVEL, "ALL", "Watched by someone seated elsewhere",
                1, null);
        Indicator fearful = new Indicator("P01", IndicatorGroup.PSYCHOLOGICAL, "ALL", "Fearful", 1, null);
        Indicator retired = new Indicator("S09", IndicatorGroup.SITUATIONAL, "ALL", "Retired since", 1, 2);
        Map<String, Indicator> catalogue = Map.of("T01", passport, "T06", watched, "P01", fearful, "S09", retired);
        EnhancedCheck check = check(Under18.NO);
        check.recordIndicator(passport, IndicatorBasis.OBSERVED, "Holds her boarding pass", OFFICER, NOW);
        check.recordIndicator(watched, IndicatorBasis.THIRD_PARTY, null, OFFICER, NOW);
        check.recordIndicator(retired, IndicatorBasis.DISCLOSED, null, OFFICER, NOW);

        check.chooseIndicators(List.of(new Checks.IndicatorEntry("T01", IndicatorBasis.OBSERVED,
                " Holds her boarding pass "), new Checks.IndicatorEntry("P01", IndicatorBasis.DISCLOSED, null),
                new Checks.IndicatorEntry("S09", IndicatorBasis.OBSERVED, null)), catalogue, other,
                NOW.plusSeconds(60));

        assertThat(check.indicators()).extracting(EnhancedCheck.RecordedIndicator::indicatorCode)
                .containsExactlyInAnyOrder("T01", "P01", "S09");
        assertThat(check.indicators()).filteredOn(found -> found.indicatorCode().equals("T01"))
                .singleElement().satisfies(kept -> {
                    assertThat(kept.recordedBy()).as("unchanged, so still recorded by").isEqualTo(OFFICER.value());
                    assertThat(kept.recordedAt()).isEqualTo(NOW);
                });
        assertThat(check.indicators()).filteredOn(found -> found.indicatorCode().equals("S09"))
                .singleElement().satisfies(changed -> {
                    assertThat(changed.basis()).isEqualTo(IndicatorBasis.OBSERVED);
                    assertThat(changed.recordedBy()).isEqualTo(other.value());
                });

        Set<EnhancedCheck.RecordedIndicator> before = Set.copyOf(check.indicators());
        assertThatThrownBy(() -> check.chooseIndicators(List.of(new Checks.IndicatorEntry("T06",
                IndicatorBasis.OBSERVED, null), new Checks.IndicatorEntry("P01", null, null)), catalogue, other, NOW))
                .hasMessage("check.indicator.basis.required");
        assertThat(check.indicators()).as("nothing of a refused choice is kept").isEqualTo(before);
        check.chooseIndicators(List.of(), catalogue, other, NOW);
        assertThat(check.indicators()).isEmpty();
        assertThatThrownBy(() -> check.chooseIndicators(List.of(new Checks.IndicatorEntry("S09",
                IndicatorBasis.OBSERVED, null)), catalogue, other, NOW))
                .as("a retired indicator is not added again").hasMessage("check.indicator.unknown");
    }

    @Test
    void aSupportRequestGoesForwardOnly() {
        SupportRequest request = askForANavigator();

        assertThatThrownBy(() -> request.end(NOW)).isInstanceOf(ConflictException.class);
        request.arrive(OFFICER, NOW.plusSeconds(600));

        assertThat(request.view("Justice & Care", "Olu Officer").toAcknowledge()).hasMinutes(10);
        assertThat(request.view("Justice & Care", "Olu Officer").toArrive()).hasMinutes(10);
        assertThatThrownBy(() -> request.acknowledge(OFFICER, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> request.decline("Nobody free", OFFICER, NOW.plusSeconds(660)))
                .isInstanceOf(ConflictException.class).hasMessage("support.decline.arrived");
    }

    @Test
    void aRequestCarriesWhereToMeetAndTheOfficersNumberTypedOnOneLine() {
        SupportRequest request = SupportRequest.ask(UUID.randomUUID(), new OperationId(UUID.randomUUID()),
                new AgencyId(UUID.randomUUID()), SupportKind.NAVIGATOR, "  Border Force desk ", " +44 7700 900123 ",
                OFFICER, NOW);

        SupportRequestView view = request.view("Justice & Care", "Olu Officer");
        assertThat(view.meetingPoint()).isEqualTo("Border Force desk");
        assertThat(view.requester().phone()).isEqualTo("+44 7700 900123");
        assertThat(view.requester().name()).isEqualTo("Olu Officer");
        assertThatThrownBy(() -> SupportRequest.ask(UUID.randomUUID(), new OperationId(UUID.randomUUID()),
                new AgencyId(UUID.randomUUID()), SupportKind.NAVIGATOR, null, "call me", OFFICER, NOW))
                .hasMessage("support.requesterPhone.invalid");
        assertThatThrownBy(() -> SupportRequest.ask(UUID.randomUUID(), new OperationId(UUID.randomUUID()),
                new AgencyId(UUID.randomUUID()), SupportKind.NAVIGATOR, "x".repeat(SupportRequests.MAX_MEETING_POINT + 1),
                null, OFFICER, NOW)).hasMessage("support.meetingPoint.tooLong");
    }

    @Test
    void anExpectedArrivalAnswersTheRequestAndMustBeFromNowToTwelveHoursAhead() {
        SupportRequest request = askForANavigator();

        assertThatThrownBy(() -> request.expectArrival(NOW.minusSeconds(600), OFFICER, NOW))
                .hasMessage("support.expectedArrival.past");
        assertThatThrownBy(() -> request.expectArrival(NOW.plus(Duration.ofHours(13)), OFFICER, NOW))
                .hasMessage("support.expectedArrival.tooLate");
        assertThat(request.status()).as("a refused time answers nothing").isEqualTo(SupportStatus.REQUESTED);

        request.expectArrival(NOW.plusSeconds(1200), OFFICER, NOW);
        assertThat(request.status()).isEqualTo(SupportStatus.ACKNOWLEDGED);
        request.expectArrival(NOW.plusSeconds(1800), OFFICER, NOW.plusSeconds(60));
        assertThat(request.view(null, null).expectedArrival()).isEqualTo(NOW.plusSeconds(1800));
    }

    @Test
    void aRequestIsDeclinedOnceWithAReasonAndLetsTheAgencyBeAskedAgain() {
        SupportRequest request = askForANavigator();

        assertThatThrownBy(() -> request.decline(" \n ", OFFICER, NOW)).isInstanceOf(RuleViolationException.class)
                .hasMessage("support.decline.reason.required");
        assertThatThrownBy(() -> request.decline("x".repeat(SupportRequests.MAX_DECLINE_REASON + 1), OFFICER, NOW))
                .hasMessage("support.decline.reason.tooLong");
        assertThatThrownBy(() -> request.decline("Nobody free\u0007", OFFICER, NOW))
                .hasMessage("text.controlCharacters");

        request.decline("Nobody free\r\nuntil 18:00", OFFICER, NOW.plusSeconds(120));

        SupportRequestView view = request.view("Justice & Care", "Olu Officer");
        assertThat(view.status()).isEqualTo(SupportStatus.DECLINED);
        assertThat(view.declineReason()).isEqualTo("Nobody free until 18:00");
        assertThat(view.declinedAt()).isEqualTo(NOW.plusSeconds(120));
        assertThatThrownBy(() -> request.decline("Still nobody", OFFICER, NOW))
                .isInstanceOf(ConflictException.class).hasMessage("support.declined.already");
        assertThatThrownBy(() -> request.acknowledge(OFFICER, NOW)).hasMessage("support.declined.already");
        assertThatThrownBy(() -> request.arrive(OFFICER, NOW)).hasMessage("support.declined.already");
        assertThatThrownBy(() -> request.expectArrival(NOW.plusSeconds(600), OFFICER, NOW))
                .hasMessage("support.declined.already");
    }

    private static SupportRequest askForANavigator() {
        return SupportRequest.ask(UUID.randomUUID(), new OperationId(UUID.randomUUID()),
                new AgencyId(UUID.randomUUID()), SupportKind.NAVIGATOR, null, null, OFFICER, NOW);
    }

    private static Person person(Under18 under18, Integer age, LocalDate born) {
        return new Person(null, false, age, born, under18, null, null, Set.of(), null, null, null, null, null);
    }

    private static EnhancedCheck check(Under18 under18) {
        return EnhancedCheck.start(new OperationId(UUID.randomUUID()), null, "Arrivals hall",
                PersonCategory.POTENTIAL_VICTIM, Person.unknown(under18), 1, new AgencyId(UUID.randomUUID()), OFFICER,
                NOW, TODAY);
    }
}
