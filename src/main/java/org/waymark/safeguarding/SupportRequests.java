package org.waymark.safeguarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.flight.Airports;
import org.waymark.flight.FlightView;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.CoverKind;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.operation.Rota;
import org.waymark.safeguarding.SafeguardingEvents.CheckRead;
import org.waymark.safeguarding.SafeguardingEvents.SupportArrivalExpected;
import org.waymark.safeguarding.SafeguardingEvents.SupportDeclined;
import org.waymark.safeguarding.SafeguardingEvents.SupportRequestProgressed;
import org.waymark.safeguarding.SafeguardingEvents.SupportRequested;
import org.waymark.shared.AgencyId;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;

/**
 * Asks partner agencies taking part in the operation for a navigator, SARC worker or
 * interpreter, and follows each request: acknowledged (with the time the partner expects to
 * arrive), arrived, ended, or declined with a reason. The partner's users see their agency's
 * requests with the part of the check the visit needs; the officer who asked and the lead
 * agency's coordinators follow them. The officer is told who was called, and whether anyone was.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SupportRequests {

    /** The longest meeting point a request holds. */
    public static final int MAX_MEETING_POINT = 200;
    /** The longest reason a partner gives for declining. */
    public static final int MAX_DECLINE_REASON = 500;
    /** How far ahead a partner may say they will arrive, in hours. */
    public static final int LATEST_EXPECTED_HOURS = 12;
    /** How far ahead a partner may say they will arrive. */
    public static final Duration LATEST_EXPECTED = Duration.ofHours(LATEST_EXPECTED_HOURS);
    /** How long a request stays on the pages of those who follow it once the partner has answered it. */
    static final Duration FOLLOWED_FOR = Duration.ofHours(24);

    private final SupportRequestRepository requests;
    private final Checks checks;
    private final CheckAccess access;
    private final Operations operations;
    private final Agencies agencies;
    private final Users users;
    private final Rota rota;
    private final Airports airports;
    private final ObjectProvider<CallOutMail> mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** A request with the partner's view of its check, as the partner's requests page shows it. */
    public record PartnerRequest(SupportRequestView request, PartnerCheckView check) {
    }

    /**
     * A request as asked: the agency and the help, and, when the officer gives them, where to
     * meet and the number to call them on.
     */
    public record NewRequest(AgencyId agencyId, SupportKind kind, String meetingPoint, String requesterPhone) {
    }

    /**
     * A request with where its check is (the flight, or the place) and nothing of the person: for
     * those who follow it, and for the partner answering it.
     */
    public record FollowedRequest(SupportRequestView request, FlightView flight, String location, String port) {
    }

    /**
     * Who a request just made called, told as it is: who of the agency is on call now for that
     * kind of support, each with their number and whether they were emailed (never while Waymark
     * does not email); and the lead agency's coordinators, to call when that reaches nobody.
     */
    public record CallOut(SupportRequestView request, boolean emailing, List<OnCall> onCall, String leadAgencyName,
            List<Contact> coordinators) {

        /** Whether anyone on call was emailed. */
        public boolean anyoneEmailed() {
            return onCall.stream().anyMatch(OnCall::emailed);
        }
    }

    /** Someone on call: the name is null where the rota gives only a number or an address. */
    public record OnCall(String name, String phone, boolean emailed) {
    }

    /** A member of staff to call; the phone is null where their account has none. */
    public record Contact(String name, String phone) {
    }

    /** The number on the user's account, which a request offers the partner unless the officer gives another. */
    @Transactional(readOnly = true)
    public String phoneOf(WaymarkUser user) {
        return users.find(user.id()).map(UserSummary::phone).orElse(null);
    }

    /** Asks an agency taking part in the check's operation for support, offering the number on the officer's account. */
    public SupportRequestView request(UUID checkId, AgencyId agency, SupportKind kind, WaymarkUser user) {
        return request(checkId, new NewRequest(agency, kind, null, phoneOf(user)), user);
    }

    /** Asks an agency taking part in the check's operation for support. */
    public SupportRequestView request(UUID checkId, NewRequest wanted, WaymarkUser user) {
        AgencyId agency = wanted.agencyId();
        SupportKind kind = wanted.kind();
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
                .equals(agency) && asked.kind() == kind && asked.status() != SupportStatus.ENDED
                && asked.status() != SupportStatus.DECLINED)) {
            throw new ConflictException("support.alreadyAsked", "agencyId");
        }
        SupportRequest saved;
        SupportRequest request = SupportRequest.ask(checkId, check.operationId(), agency, kind, wanted.meetingPoint(),
                wanted.requesterPhone(), user.id(), clock.instant());
        try {
            saved = requests.save(request);
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
                .stream().map(SupportRequestView::timesOnly).sorted(Comparator.comparing(SupportRequestView::requestedAt))
                .toList());
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
                .filter(request -> user.id().equals(request.requestedBy())).toList())
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

    /**
     * Who the request called, for the officer who just made it or anyone recording its check:
     * worked out from the rota at this moment, as the call-out was.
     */
    @Transactional(readOnly = true)
    public CallOut callOut(UUID id, WaymarkUser user) {
        SupportRequest request = load(id);
        EnhancedCheck check = checks.load(request.checkId());
        if (access.of(check, user) != CheckEntitlement.FULL) {
            throw checks.refusal(check, user, "only the check's officers see whom its requests called");
        }
        OperationView operation = operations.outline(request.operationId());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), airports.zoneOf(operation.port()));
        boolean emailing = emailing();
        List<OnCall> onCall = rota.onCallFrom(request.operationId(), request.agencyId(),
                CoverKind.valueOf(request.kind().name()), now).stream()
                .filter(slot -> !slot.from().isAfter(now))
                .map(slot -> {
                    // The slot's own number and address, or else those of the person on call (as the call-out does).
                    UserSummary person = slot.userId() == null ? null : users.find(slot.userId()).orElse(null);
                    String phone = slot.phone() != null ? slot.phone() : person == null ? null : person.phone();
                    String email = slot.email() != null ? slot.email() : person == null ? null : person.email();
                    return new OnCall(slot.userName(), phone, emailing && email != null && !email.isBlank());
                }).toList();
        AgencyId lead = operations.leadAgencyOf(request.operationId());
        List<Contact> coordinators = users.all().stream().filter(found -> found.active()
                && found.agencyId().equals(lead) && found.roles().contains(Role.COORDINATOR))
                .map(found -> new Contact(found.name(), found.phone())).toList();
        return new CallOut(checks.requestViews(List.of(request)).get(0), emailing, onCall,
                agencies.find(lead).map(AgencySummary::name).orElse(null), coordinators);
    }

    /** Whether Waymark emails at all. */
    private boolean emailing() {
        CallOutMail callOuts = mail.getIfAvailable();
        return callOuts != null && callOuts.emailing();
    }

    /**
     * The requests the user follows, newest first: those they asked for and, for a coordinator of
     * the agency leading an operation, all of that operation's. Each shows until the partner has
     * answered it and for a day after it was asked. Nothing of the person is shown, and nothing is
     * logged.
     */
    @Transactional(readOnly = true)
    public List<FollowedRequest> followedBy(WaymarkUser user) {
        return withWhere(followed(user));
    }

    /**
     * A number that changes when anything the user follows does (a new request, a step, a time
     * to arrive), so that an open page fetches them again only then; 0 while they follow none.
     */
    @Transactional(readOnly = true)
    public int followedMark(WaymarkUser user) {
        int mark = 0;
        for (SupportRequest request : followed(user)) {
            mark = 31 * mark + Objects.hash(request.id(), request.status(), request.expectedArrival());
        }
        return mark;
    }

    private List<SupportRequest> followed(WaymarkUser user) {
        boolean coordinator = user.hasRole(Role.COORDINATOR);
        if (!coordinator && !user.hasRole(Role.OFFICER)) {
            return List.of();
        }
        Map<UUID, SupportRequest> found = new LinkedHashMap<>();
        requests.findByRequestedBy(user.id().value()).forEach(request -> found.put(request.id(), request));
        if (coordinator) {
            List<UUID> led = operations.visibleTo(user).stream().filter(operation -> operation.plan() != null
                    && user.agencyId().equals(operation.plan().leadAgency())).map(operation -> operation.id().value())
                    .toList();
            if (!led.isEmpty()) {
                requests.findByOperationIdIn(led).forEach(request -> found.putIfAbsent(request.id(), request));
            }
        }
        Instant since = clock.instant().minus(FOLLOWED_FOR);
        return found.values().stream()
                .filter(request -> request.requestedAt().isAfter(since) || request.status() == SupportStatus.REQUESTED
                        || request.status() == SupportStatus.ACKNOWLEDGED)
                .sorted(Comparator.comparing(SupportRequest::requestedAt).reversed()).toList();
    }

    /** The requests with where their checks are; a check erased at the end of its retention takes its requests off. */
    private List<FollowedRequest> withWhere(List<SupportRequest> found) {
        Map<OperationId, String> ports = new HashMap<>();
        return checks.requestViews(found).stream().flatMap(view -> checks.find(view.checkId()).stream()
                .map(check -> new FollowedRequest(view, checks.flight(check), check.location(),
                        ports.computeIfAbsent(view.operationId(),
                                operation -> operations.outline(operation).port().value()))))
                .toList();
    }

    /** A request to the user's agency, for the pages where they decline it or say when they will arrive. */
    @Transactional(readOnly = true)
    public FollowedRequest toAnswer(UUID id, WaymarkUser user) {
        SupportRequest request = load(id);
        if (!ofTheirAgency(request, user)) {
            throw checks.refusal(checks.load(request.checkId()), user, "only the agency asked answers a request");
        }
        return withWhere(List.of(request)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("support request", id));
    }

    /** Only someone at the agency asked acknowledges. */
    public SupportRequestView acknowledge(UUID id, WaymarkUser user) {
        return acknowledge(id, null, user);
    }

    /** Only someone at the agency asked acknowledges; they may say when they expect to arrive. */
    public SupportRequestView acknowledge(UUID id, Instant expectedArrival, WaymarkUser user) {
        SupportRequest request = answered(id, user);
        request.acknowledge(user.id(), clock.instant());
        if (expectedArrival != null) {
            request.expectArrival(expectedArrival, user.id(), clock.instant());
            events.publishEvent(new SupportArrivalExpected(id, user.actor()));
        }
        return progressed(request, user);
    }

    /**
     * The agency asked says when it expects to arrive, and may say so again; saying so
     * acknowledges a request nobody had answered.
     */
    public SupportRequestView expectArrival(UUID id, Instant at, WaymarkUser user) {
        SupportRequest request = answered(id, user);
        SupportStatus before = request.status();
        request.expectArrival(at, user.id(), clock.instant());
        SupportRequest saved = requests.save(request);
        if (saved.status() != before) {
            events.publishEvent(new SupportRequestProgressed(saved.id(), saved.status(), user.actor()));
        }
        events.publishEvent(new SupportArrivalExpected(id, user.actor()));
        return checks.requestViews(List.of(saved)).get(0);
    }

    /**
     * The agency asked cannot come, and says why. The officer who asked and the lead agency's
     * coordinators see it on their pages at once (and are emailed, where Waymark emails).
     */
    public SupportRequestView decline(UUID id, String reason, WaymarkUser user) {
        SupportRequest request = answered(id, user);
        request.decline(reason, user.id(), clock.instant());
        SupportRequest saved = requests.save(request);
        events.publishEvent(new SupportDeclined(saved.id(), saved.checkId(), saved.operationId(), saved.agencyId(),
                saved.kind(), saved.requestedBy(), user.actor()));
        return checks.requestViews(List.of(saved)).get(0);
    }

    /** The request, when the user is of the agency asked: only they answer it. */
    private SupportRequest answered(UUID id, WaymarkUser user) {
        SupportRequest request = load(id);
        if (!ofTheirAgency(request, user)) {
            throw checks.refusal(checks.load(request.checkId()), user, "only the agency asked answers a request");
        }
        return request;
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
