package org.waymark.safeguarding;

import java.util.List;
import java.util.Set;

import org.waymark.safeguarding.ReferralProgress.Stage;

/**
 * The parts of a check as the tasks its page opens with, each with where it stands, worked out
 * here and nowhere else. An open check's parts are not yet started until something of them is
 * recorded, in progress while something they need is missing, and completed then; a closed
 * check's parts are completed, or were not recorded. A referral can be started while the check
 * is open (consent is best taken while the person is there), and is not needed when a closed
 * check's outcome says neither NRM referral nor Duty to Notify.
 */
public final class CheckTasks {

    /** The parts, in the order the page lists them. */
    public enum Task {
        PERSON, INDICATORS, ACCOUNT, ADVICE, SUPPORT, OUTCOME, REFERRAL
    }

    public enum Status {
        NOT_STARTED, IN_PROGRESS, COMPLETED, NOT_RECORDED, NOT_NEEDED
    }

    /**
     * One task.
     *
     * @param linked whether whoever sees the check can do the task now, so the list links to it
     */
    public record Item(Task task, Status status, boolean linked) {
    }

    private static final Set<SupportStatus> WAITING = Set.of(SupportStatus.REQUESTED, SupportStatus.ACKNOWLEDGED);

    private CheckTasks() {
    }

    /** The tasks of the check, whose referral has gone as far as {@code referral}. */
    public static List<Item> of(CheckView check, Stage referral) {
        boolean open = check.status() == CheckStatus.OPEN;
        boolean editable = check.editable();
        Person person = check.person();
        boolean anyOfPerson = !person.equals(Person.unknown(person.under18()));
        boolean personComplete = (person.name() != null || person.nameNotGiven()) && person.gender() != null
                && person.nationality() != null;
        boolean anyOfAccount = check.account() != null || check.opinion() != null
                || !check.suspectedTypes().isEmpty();
        boolean accountComplete = check.account() != null && check.opinion() != null;
        boolean supportWaiting = check.supportRequests().stream().anyMatch(r -> WAITING.contains(r.status()));
        return List.of(
                part(Task.PERSON, open, editable, anyOfPerson, personComplete),
                part(Task.INDICATORS, open, editable, !check.indicators().isEmpty(), true),
                part(Task.ACCOUNT, open, editable, anyOfAccount, accountComplete),
                part(Task.ADVICE, open, editable, !check.advice().isEmpty(), true),
                part(Task.SUPPORT, open, editable, !check.supportRequests().isEmpty(), !supportWaiting),
                new Item(Task.OUTCOME, open ? Status.NOT_STARTED : Status.COMPLETED, editable),
                referral(check, referral));
    }

    /** A part of an open check is done when it holds what it needs; of a closed one, when it holds anything. */
    private static Item part(Task task, boolean open, boolean editable, boolean started, boolean complete) {
        Status status = !started ? (open ? Status.NOT_STARTED : Status.NOT_RECORDED)
                : complete || !open ? Status.COMPLETED : Status.IN_PROGRESS;
        return new Item(task, status, editable);
    }

    private static Item referral(CheckView check, Stage stage) {
        boolean disposed = check.disposedAt() != null;
        if (stage == Stage.SUBMITTED) {
            return new Item(Task.REFERRAL, Status.COMPLETED, !disposed);
        }
        if (stage == Stage.STARTED) {
            return new Item(Task.REFERRAL, Status.IN_PROGRESS, !disposed);
        }
        if (check.outcomes().contains(Outcome.NRM_REFERRAL) || check.outcomes().contains(Outcome.DUTY_TO_NOTIFY)) {
            return new Item(Task.REFERRAL, Status.NOT_STARTED, !disposed);
        }
        // While the person is still there, their consent can be taken before the outcome is recorded.
        return check.status() == CheckStatus.OPEN ? new Item(Task.REFERRAL, Status.NOT_STARTED, check.editable())
                : new Item(Task.REFERRAL, Status.NOT_NEEDED, false);
    }
}
