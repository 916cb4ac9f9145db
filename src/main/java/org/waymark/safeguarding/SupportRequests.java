package org.waymark.safeguarding;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.Operations;
import org.waymark.safeguarding.SafeguardingEvents.CheckRead;
import org.waymark.safeguarding.SafeguardingEvents.SupportRequestProgressed;
import org.waymark.safeguarding.SafeguardingEvents.SupportRequested;
import org.waymark.shared.AgencyId;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;

/**
 * Asks partner agencies taking part in the operation for a navigator, SARC worker or
 * interpreter, and follows each request: acknowledged, arrived, ended. The partner's users
 * see their agency's requests with the part of the check the visit needs.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SupportRequests {

    private final SupportRequestRepository requests;
    private final Checks checks;
    private final CheckAccess access;
    private final Operations operations;
    private final Agencies agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A request with the partner's view of its check, as the partner's requests page shows it. */
    public record PartnerRequest(SupportRequestView request, PartnerCheckView check) {
    }

    /** Asks an agency taking part in the check's operation for support. */
    public SupportRequestView request(UUID checkId, AgencyId agency, SupportKind kind, WaymarkUser user) {
        EnhancedCheck check = checks.load(checkId);
        if (access.of(check, user) != CheckEntitlement.FULL) {
            throw checks.refusal(check, user, "only first responders taking part ask for support");
        }
        if (check.status() != CheckStatus.OPEN) {
            throw new ConflictException("check.closed", null);
        }
        if (kind == null) {
            throw new RuleViolationException("support.kind.required", "kind");
        }
        if (agency == null || operations.statusForParticipant(check.operationId(), agency).isEmpty()) {
            throw new RuleViolationException("support.agency.notTakingPart", "agencyId");
        }
        if (agencies.find(agency).map(AgencySummary::firstResponder).orElse(true)) {
            // Navigators, SARC workers and interpreters come from partner agencies; a force asks its own people.
            throw new RuleViolationException("support.agency.firstResponder", "agencyId");
        }
        if (requests.findByCheckIdOrderByRequestedAt(checkId).stream().anyMatch(asked -> asked.agencyId()
                .equals(agency) && asked.kind() == kind && asked.status() != SupportStatus.ENDED)) {
            throw new ConflictException("support.alreadyAsked", "agencyId");
        }
        SupportRequest saved;
        try {
            saved = requests.save(SupportRequest.ask(checkId, check.operationId(), agency, kind, user.id(),
                    clock.instant()));
        } catch (DuplicateKeyException askedAtTheSameTime) {
            // The same request sent more than once at once: another copy asked the agency first.
            throw new ConflictException("support.alreadyAsked", "agencyId");
        }
        events.publishEvent(new SupportRequested(saved.id(), checkId, check.operationId(), agency, kind,
                user.actor()));
        return checks.requestViews(List.of(saved)).get(0);
    }

    /**
     * How fast help came in the operation, for those who record its checks and its analysts:
     * times only, nothing of the checks.
     */
    @Transactional(readOnly = true)
    public ResponseTimes responseTimes(OperationId operationId, WaymarkUser user) {
        if (!seesResponseTimes(operationId, user)) {
            operations.get(operationId, user);
            throw new AccessDeniedException("response times are for those who call partners, and analysts");
        }
        return ResponseTimes.of(operationId, checks.requestViews(requests.findByOperationId(operationId.value()))
                .stream().sorted(Comparator.comparing(SupportRequestView::requestedAt)).toList());
    }

    /**
     * Whether the user sees the operation's response times, asked before reading them where a
     * refusal is no error: an exception would mark the caller's transaction for rollback.
     */
    @Transactional(readOnly = true)
    public boolean seesResponseTimes(OperationId operationId, WaymarkUser user) {
        boolean analyst = user.hasRole(Role.ANALYST) && operations.statusForParticipant(operationId,
                user.agencyId()).isPresent();
        return analyst || checks.mayRecord(operationId, user);
    }

    /** The support the user asked for in the operation, newest first, with where each stands. */
    @Transactional(readOnly = true)
    public List<SupportRequestView> askedBy(OperationId operationId, WaymarkUser user) {
        return checks.requestViews(requests.findByOperationId(operationId.value()).stream()
                .filter(request -> user.id().value().equals(request.requestedBy())).toList())
                .stream().sorted(Comparator.comparing(SupportRequestView::requestedAt).reversed()).toList();
    }

    /**
     * Requests nobody has acknowledged since before {@code before}, without anything of their
     * checks: for the escalation of calls that went unanswered.
     */
    @Transactional(readOnly = true)
    public List<SupportRequestView> unacknowledgedSince(Instant before) {
        return checks.requestViews(requests.findByStatusAndRequestedAtBefore(SupportStatus.REQUESTED, before));
    }

    /**
     * The requests made of the user's agency, newest first, each with what the visit needs to
     * know of its check; showing them is a read of each check, and is logged.
     */
    public List<PartnerRequest> ofMyAgency(WaymarkUser user) {
        if (!CheckAccess.partnerWorker(user)) {
            throw new AccessDeniedException("partners, officers and coordinators answer support requests");
        }
        List<SupportRequest> found = requests.findByAgencyIdOrderByRequestedAtDesc(user.agencyId().value());
        List<SupportRequestView> views = checks.requestViews(found);
        // A check erased at the end of its retention period takes its requests off the list.
        return views.stream().flatMap(view -> checks.find(view.checkId()).stream().map(check -> {
            events.publishEvent(new CheckRead(check.id(), "PARTNER_VIEW", user.actor(), true));
            return new PartnerRequest(view, checks.partnerView(check, user.agencyId()));
        })).toList();
    }

    /** How many requests to the user's agency nobody has acknowledged yet: for the header. */
    @Transactional(readOnly = true)
    public long waitingFor(WaymarkUser user) {
        return CheckAccess.partnerWorker(user) ? requests.countByAgencyIdAndStatus(user.agencyId().value(),
                SupportStatus.REQUESTED) : 0;
    }

    /** Only someone at the agency asked acknowledges. */
    public SupportRequestView acknowledge(UUID id, WaymarkUser user) {
        SupportRequest request = load(id);
        if (!ofTheirAgency(request, user)) {
            throw checks.refusal(checks.load(request.checkId()), user, "only the agency asked acknowledges a request");
        }
        request.acknowledge(user.id(), clock.instant());
        return progressed(request, user);
    }

    /** The partner, or an officer with the check, says the partner has arrived. */
    public SupportRequestView arrived(UUID id, WaymarkUser user) {
        SupportRequest request = load(id);
        mayFollow(request, user);
        request.arrive(user.id(), clock.instant());
        return progressed(request, user);
    }

    public SupportRequestView ended(UUID id, WaymarkUser user) {
        SupportRequest request = load(id);
        mayFollow(request, user);
        request.end(clock.instant());
        return progressed(request, user);
    }

    private SupportRequestView progressed(SupportRequest request, WaymarkUser user) {
        SupportRequest saved = requests.save(request);
        events.publishEvent(new SupportRequestProgressed(saved.id(), saved.status(), user.actor()));
        return checks.requestViews(List.of(saved)).get(0);
    }

    private void mayFollow(SupportRequest request, WaymarkUser user) {
        if (ofTheirAgency(request, user)) {
            return;
        }
        EnhancedCheck check = checks.load(request.checkId());
        if (access.of(check, user) != CheckEntitlement.FULL) {
            throw checks.refusal(check, user, "only the agency asked, or the check's officers, follow a request");
        }
    }

    private static boolean ofTheirAgency(SupportRequest request, WaymarkUser user) {
        return CheckAccess.partnerWorker(user) && request.agencyId().equals(user.agencyId());
    }

    private SupportRequest load(UUID id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("support request", id));
    }
}
