package org.waymark.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.safeguarding.CheckFigures;
import org.waymark.safeguarding.CheckFigures.ReferralOutcome;
import org.waymark.safeguarding.CheckStatus;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Outcome;
import org.waymark.shared.OperationId;

/**
 * The referrals owed: checks closed with an NRM referral or Duty to Notify outcome of which no
 * referral has been submitted. Whoever records checks in an operation (its first responders'
 * officers and coordinators) sees what it owes; the coordinator's list spans the operations of
 * the Referrals page. Urgent ones (children) come first, then the longest owed. Nothing here
 * names a person, so listing reads no personal data.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OwedReferrals {

    private static final Comparator<OwedReferral> MOST_PRESSING_FIRST = Comparator
            .comparing(OwedReferral::urgent).reversed().thenComparing(OwedReferral::owedSince)
            .thenComparing(OwedReferral::checkId);

    private final ReferralRepository referrals;
    private final CheckFigures figures;
    private final Checks checks;
    private final Operations operations;
    private final Clock clock;

    /** The referrals the operation owes; none to a user who does not record checks in it. */
    public List<OwedReferral> ofOperation(OperationId operation, WaymarkUser user) {
        if (user == null || !checks.mayRecord(operation, user)) {
            return List.of();
        }
        return owed(List.of(operation));
    }

    /** How many referrals the operation owes, as {@link #ofOperation} lists them. */
    public int countOf(OperationId operation, WaymarkUser user) {
        return ofOperation(operation, user).size();
    }

    /**
     * The referrals owed in the operations of the coordinator's Referrals page: those in which
     * their agency records checks.
     */
    public List<OwedReferral> forCoordinator(WaymarkUser user) {
        if (!user.hasRole(Role.COORDINATOR)) {
            throw new AccessDeniedException("the list of referrals is for coordinators");
        }
        return owed(operations.visibleTo(user).stream().map(OperationView::id)
                .filter(operation -> checks.mayRecord(operation, user)).toList());
    }

    /**
     * The referral the check owes, if it does, for the page of a check the user has read whole
     * (so may see its referrals).
     */
    public Optional<OwedReferral> ofCheck(CheckView check, WaymarkUser user) {
        if (check.status() != CheckStatus.CLOSED || check.disposedAt() != null || user == null
                || !checks.mayRecord(check.operationId(), user)) {
            return Optional.empty();
        }
        Outcome outcome = check.outcomes().contains(Outcome.NRM_REFERRAL) ? Outcome.NRM_REFERRAL
                : check.outcomes().contains(Outcome.DUTY_TO_NOTIFY) ? Outcome.DUTY_TO_NOTIFY : null;
        if (outcome == null) {
            return Optional.empty();
        }
        ReferralOutcome closed = new ReferralOutcome(check.id(), check.operationId(), outcome,
                check.person().treatedAsChild(), check.closedAt());
        return owed(closed, referrals.findByCheckIdOrderByCreatedAt(check.id()), clock.instant(),
                operations.outline(check.operationId()).name());
    }

    /** How many referrals the operations owe, for reports, which decide who sees the figure. */
    public long count(Collection<OperationId> operationIds) {
        return owed(operationIds).size();
    }

    private List<OwedReferral> owed(Collection<OperationId> operationIds) {
        List<ReferralOutcome> closed = figures.closedWithReferralOutcome(operationIds);
        if (closed.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = closed.stream().map(check -> check.operationId().value()).collect(Collectors.toSet());
        Map<UUID, List<Referral>> byCheck = referrals.findByOperationIdInOrderByCreatedAtDesc(ids).stream()
                .collect(Collectors.groupingBy(Referral::checkId));
        Map<OperationId, String> names = closed.stream().map(ReferralOutcome::operationId).distinct()
                .collect(Collectors.toMap(id -> id, id -> operations.outline(id).name()));
        Instant now = clock.instant();
        return closed.stream().map(check -> owed(check, byCheck.getOrDefault(check.checkId(), List.of()), now,
                names.get(check.operationId()))).flatMap(Optional::stream).sorted(MOST_PRESSING_FIRST).toList();
    }

    /**
     * What the closed check owes, given its referrals: nothing once one was submitted (even if
     * consent was withdrawn since), else the one in progress to continue, or one to start.
     */
    private static Optional<OwedReferral> owed(ReferralOutcome check, List<Referral> made, Instant now,
            String operationName) {
        if (made.stream().anyMatch(referral -> referral.submittedAt() != null)) {
            return Optional.empty();
        }
        Referral inProgress = made.stream().filter(referral -> referral.status().inForce() && !referral.erased())
                .findFirst().orElse(null);
        ReferralKind kind = inProgress != null ? inProgress.kind()
                : check.child() || check.outcome() == Outcome.NRM_REFERRAL ? ReferralKind.NRM
                        : ReferralKind.DUTY_TO_NOTIFY;
        Duration owedFor = Duration.between(check.closedAt(), now);
        return Optional.of(new OwedReferral(check.checkId(), check.operationId(), operationName, kind, check.child(),
                check.closedAt(), owedFor.isNegative() ? Duration.ZERO : owedFor,
                inProgress == null ? null : inProgress.id(), inProgress == null ? null : inProgress.status()));
    }
}
