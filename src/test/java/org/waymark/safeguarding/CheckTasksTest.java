package org.waymark.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.operation.ExploitationType;
import org.waymark.safeguarding.CheckTasks.Item;
import org.waymark.safeguarding.CheckTasks.Status;
import org.waymark.safeguarding.CheckTasks.Task;
import org.waymark.safeguarding.ReferralProgress.Stage;
import org.waymark.shared.AgencyId;
import org.waymark.shared.CountryCode;
import org.waymark.shared.OperationId;

/** Where each part of a check stands, as the check's page lists them, from what the check holds. */
class CheckTasksTest {

    static final Instant NOW = Instant.parse("2026-09-16T08:00:00Z");
    static final Person ELENA = new Person("Elena", false, 31, null, Under18.NO, Gender.FEMALE, new CountryCode("BG"),
            Set.of(), null, null, null, null, null);

    @Test
    void aNewCheckHasEverythingToDo() {
        List<Item> tasks = CheckTasks.of(check(Person.unknown(Under18.NO)).build(), Stage.NONE);

        assertThat(statuses(tasks)).containsExactly(
                Map.entry(Task.PERSON, Status.NOT_STARTED), Map.entry(Task.INDICATORS, Status.NOT_STARTED),
                Map.entry(Task.ACCOUNT, Status.NOT_STARTED), Map.entry(Task.ADVICE, Status.NOT_STARTED),
                Map.entry(Task.SUPPORT, Status.NOT_STARTED), Map.entry(Task.OUTCOME, Status.NOT_STARTED),
                Map.entry(Task.REFERRAL, Status.NOT_STARTED));
        assertThat(tasks).filteredOn(Item::linked).hasSize(7);
    }

    @Test
    void aPartIsInProgressUntilItHoldsWhatItNeeds() {
        Person named = new Person("Elena", false, null, null, Under18.NO, null, null, Set.of(), null, null, null, null,
                null);
        Person nameNotGiven = new Person(null, true, null, null, Under18.NO, Gender.FEMALE, new CountryCode("BG"),
                Set.of(), null, null, null, null, null);

        assertThat(status(check(named).build(), Task.PERSON)).isEqualTo(Status.IN_PROGRESS);
        assertThat(status(check(nameNotGiven).build(), Task.PERSON)).isEqualTo(Status.COMPLETED);
        assertThat(status(check(ELENA).build(), Task.PERSON)).isEqualTo(Status.COMPLETED);
        assertThat(status(check(ELENA).account("Offered work", null).build(), Task.ACCOUNT))
                .isEqualTo(Status.IN_PROGRESS);
        assertThat(status(check(ELENA).suspected(ExploitationType.LABOUR).build(), Task.ACCOUNT))
                .isEqualTo(Status.IN_PROGRESS);
        assertThat(status(check(ELENA).account("Offered work", "Rehearsed").build(), Task.ACCOUNT))
                .isEqualTo(Status.COMPLETED);
        assertThat(status(check(ELENA).indicator().build(), Task.INDICATORS)).isEqualTo(Status.COMPLETED);
        assertThat(status(check(ELENA).advice().build(), Task.ADVICE)).isEqualTo(Status.COMPLETED);
        assertThat(status(check(ELENA).support(SupportStatus.ACKNOWLEDGED).build(), Task.SUPPORT))
                .isEqualTo(Status.IN_PROGRESS);
        assertThat(status(check(ELENA).support(SupportStatus.ARRIVED).build(), Task.SUPPORT))
                .isEqualTo(Status.COMPLETED);
    }

    @Test
    void theReferralStartsWithAnOutcomeThatCallsForItAndFollowsTheReferralModule() {
        CheckView nrm = check(ELENA).closed(Outcome.NRM_REFERRAL).build();
        CheckView dutyToNotify = check(ELENA).closed(Outcome.DUTY_TO_NOTIFY).build();

        assertThat(CheckTasks.of(nrm, Stage.NONE).get(6)).isEqualTo(new Item(Task.REFERRAL, Status.NOT_STARTED, true));
        assertThat(CheckTasks.of(dutyToNotify, Stage.NONE).get(6))
                .isEqualTo(new Item(Task.REFERRAL, Status.NOT_STARTED, true));
        assertThat(CheckTasks.of(nrm, Stage.STARTED).get(6))
                .isEqualTo(new Item(Task.REFERRAL, Status.IN_PROGRESS, true));
        assertThat(CheckTasks.of(nrm, Stage.SUBMITTED).get(6))
                .isEqualTo(new Item(Task.REFERRAL, Status.COMPLETED, true));
        assertThat(CheckTasks.of(check(ELENA).closed(Outcome.SAFEGUARDING_ADVICE).build(), Stage.NONE).get(6))
                .isEqualTo(new Item(Task.REFERRAL, Status.NOT_NEEDED, false));
        assertThat(CheckTasks.of(check(ELENA).build(), Stage.STARTED).get(6))
                .as("a referral started while the check was open").isEqualTo(
                        new Item(Task.REFERRAL, Status.IN_PROGRESS, true));
        assertThat(CheckTasks.of(check(ELENA).closed(Outcome.NRM_REFERRAL).disposed().build(), Stage.SUBMITTED)
                .get(6).linked()).isFalse();
    }

    @Test
    void aClosedChecksPartsAreDoneOrWereNotRecordedAndNoneCanBeChanged() {
        CheckView closed = check(Person.unknown(Under18.NO)).indicator().account("Offered work", null)
                .support(SupportStatus.REQUESTED).closed(Outcome.SAFEGUARDING_ADVICE).build();

        List<Item> tasks = CheckTasks.of(closed, Stage.NONE);

        assertThat(statuses(tasks)).containsExactly(
                Map.entry(Task.PERSON, Status.NOT_RECORDED), Map.entry(Task.INDICATORS, Status.COMPLETED),
                Map.entry(Task.ACCOUNT, Status.COMPLETED), Map.entry(Task.ADVICE, Status.NOT_RECORDED),
                Map.entry(Task.SUPPORT, Status.COMPLETED), Map.entry(Task.OUTCOME, Status.COMPLETED),
                Map.entry(Task.REFERRAL, Status.NOT_NEEDED));
        assertThat(tasks).noneMatch(Item::linked);
    }

    private static Status status(CheckView check, Task task) {
        return CheckTasks.of(check, Stage.NONE).stream().filter(item -> item.task() == task).findFirst().orElseThrow()
                .status();
    }

    private static Map<Task, Status> statuses(List<Item> tasks) {
        Map<Task, Status> statuses = new LinkedHashMap<>();
        tasks.forEach(item -> statuses.put(item.task(), item.status()));
        return statuses;
    }

    private static Builder check(Person person) {
        return new Builder(person);
    }

    /** A check as its page gets it, with only what these tests look at. */
    private static final class Builder {
        private final Person person;
        private List<CheckView.RecordedIndicator> indicators = List.of();
        private Set<ExploitationType> suspected = Set.of();
        private String account;
        private String opinion;
        private List<CheckView.Advice> advice = List.of();
        private List<SupportRequestView> support = List.of();
        private Set<Outcome> outcomes = Set.of();
        private Instant disposedAt;

        Builder(Person person) {
            this.person = person;
        }

        Builder indicator() {
            indicators = List.of(new CheckView.RecordedIndicator(new Indicator("T01", IndicatorGroup.TRAVEL, "ALL",
                    "Companion holds their passport", 1, null), IndicatorBasis.OBSERVED, null, NOW));
            return this;
        }

        Builder account(String told, String thought) {
            account = told;
            opinion = thought;
            return this;
        }

        Builder suspected(ExploitationType type) {
            suspected = EnumSet.of(type);
            return this;
        }

        Builder advice() {
            advice = List.of(new CheckView.Advice(AdviceKind.HELPLINE, NOW, null));
            return this;
        }

        Builder support(SupportStatus status) {
            support = List.of(new SupportRequestView(UUID.randomUUID(), UUID.randomUUID(), null, null, "Unseen UK",
                    SupportKind.NAVIGATOR, status, NOW, null, null, null, null, null, null, null, null));
            return this;
        }

        Builder closed(Outcome outcome) {
            outcomes = EnumSet.of(outcome);
            return this;
        }

        Builder disposed() {
            disposedAt = NOW;
            return this;
        }

        CheckView build() {
            boolean open = outcomes.isEmpty();
            return new CheckView(UUID.randomUUID(), new OperationId(UUID.randomUUID()), null, "Arrivals hall",
                    PersonCategory.POTENTIAL_VICTIM, open ? CheckStatus.OPEN : CheckStatus.CLOSED, 1,
                    new AgencyId(UUID.randomUUID()), NOW, person, indicators, suspected, account, opinion, advice,
                    support, outcomes, null, open ? null : NOW, open && disposedAt == null, null, null, null, null,
                    disposedAt, null);
        }
    }
}
