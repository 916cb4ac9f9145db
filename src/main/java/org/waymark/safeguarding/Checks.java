package org.waymark.safeguarding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.flight.Airports;
import org.waymark.flight.FlightView;
import org.waymark.flight.Flights;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.ExploitationType;
import org.waymark.operation.OperationStatus;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.safeguarding.SafeguardingEvents.CheckChanged;
import org.waymark.safeguarding.SafeguardingEvents.CheckClosed;
import org.waymark.safeguarding.SafeguardingEvents.CheckRead;
import org.waymark.safeguarding.SafeguardingEvents.CheckStarted;
import org.waymark.safeguarding.SafeguardingEvents.OutcomeCorrected;
import org.waymark.shared.AgencyId;
import org.waymark.shared.ConflictException;
import org.waymark.shared.FlightId;
import org.waymark.shared.HiddenRecordException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

/**
 * Starts, records and closes enhanced checks, and shows each user only what they are entitled
 * to. Every read is logged, refused ones too; reads are written in a read-write transaction for
 * that reason.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Checks {

    /** The longest account, opinion or other narrative a check holds. */
    public static final int MAX_NARRATIVE = 15_000;
    /** The longest note on an indicator. */
    public static final int MAX_INDICATOR_NOTE = 1_000;

    private final CheckRepository checks;
    private final SupportRequestRepository requests;
    private final CheckAccess access;
    private final Indicators indicators;
    private final Operations operations;
    private final Flights flights;
    private final Airports airports;
    private final Agencies agencies;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<ReferralProgress> referrals;

    /** A check about to start: on a flight of the operation or at a place, not both. */
    public record NewCheck(FlightId flightId, String location, PersonCategory category, Person person) {
    }

    /** One indicator to record, with how the officer knows of it. */
    public record IndicatorEntry(String code, IndicatorBasis basis, String note) {
    }

    /** Whether the user may start checks in the operation (it need not be open). */
    @Transactional(readOnly = true)
    public boolean mayRecord(OperationId operationId, WaymarkUser user) {
        return access.recordsIn(operationId, user).isPresent();
    }

    public CheckView start(OperationId operationId, NewCheck check, WaymarkUser user) {
        OperationStatus status = access.recordsIn(operationId, user).orElseThrow(() -> refusal(operationId, user));
        if (status == OperationStatus.CLOSED) {
            throw new ConflictException("operation.closed", null);
        }
        if (check.person() == null) {
            throw new RuleViolationException("check.person.under18.required", "person.under18");
        }
        if (check.flightId() != null && !flights.belongsTo(check.flightId(), operationId)) {
            throw new RuleViolationException("check.flight.notInOperation", "flightId");
        }
        EnhancedCheck started = checks.save(EnhancedCheck.start(operationId, check.flightId(), check.location(),
                check.category(), check.person(), indicators.version(), user.agencyId(), user.id(),
                clock.instant(), today(operationId)));
        events.publishEvent(new CheckStarted(started.id(), user.actor()));
        return view(started);
    }

    /**
     * What to answer someone not entitled to the check: that there is no such check when their
     * agency takes no part in its operation, as for the operation itself, so that another force
     * learns nothing of which ids exist; a refusal when it does. Returned, not thrown, so that the
     * caller can log the refusal first.
     */
    @Transactional(readOnly = true)
    public RuntimeException refusal(UUID id, WaymarkUser user, String reason) {
        return find(id).map(check -> refusal(check, user, reason))
                .orElseGet(() -> new HiddenRecordException("check", id));
    }

    RuntimeException refusal(EnhancedCheck check, WaymarkUser user, String reason) {
        return access.knowsOf(check.operationId(), user) ? new AccessDeniedException(reason)
                : new HiddenRecordException("check", check.id());
    }

    /** What the user may see of the check (nothing is read, so nothing is logged). */
    @Transactional(readOnly = true)
    public CheckEntitlement entitlement(UUID id, WaymarkUser user) {
        return access.of(load(id), user);
    }

    /** The checks of an operation, newest first, without personal details. */
    @Transactional(readOnly = true)
    public List<CheckSummary> ofOperation(OperationId operationId, WaymarkUser user) {
        access.recordsIn(operationId, user).orElseThrow(() -> refusal(operationId, user));
        List<EnhancedCheck> found = checks.findByOperationIdOrderByStartedAtDesc(operationId.value()).stream()
                .filter(check -> !check.erased()).toList();
        Map<UUID, Long> requestsPerCheck = requests.findByOperationId(operationId.value()).stream()
                .collect(Collectors.groupingBy(SupportRequest::checkId, Collectors.counting()));
        Map<UUID, FlightView> flightsSeen = new HashMap<>();
        return found.stream().map(check -> new CheckSummary(check.id(), check.startedAt(),
                check.flightId() == null ? null : flightsSeen.computeIfAbsent(check.flightId().value(),
                        flight -> flight(check)),
                check.location(), check.category(), check.status(), check.indicators().size(),
                requestsPerCheck.getOrDefault(check.id(), 0L).intValue(), check.outcomes())).toList();
    }

    /** The user's own checks in the operation that are still open, newest first: their work in hand. */
    @Transactional(readOnly = true)
    public List<CheckSummary> openOf(OperationId operationId, WaymarkUser user) {
        return ofOperation(operationId, user).stream().filter(summary -> summary.status() == CheckStatus.OPEN)
                .filter(summary -> checks.findById(summary.id()).map(EnhancedCheck::startedBy)
                        .filter(user.id().value()::equals).isPresent())
                .toList();
    }

    /** The check as the user may see it; the read, or the refusal, is logged (and kept when refused). */
    @Transactional(noRollbackFor = { AccessDeniedException.class, HiddenRecordException.class })
    public ShownCheck read(UUID id, WaymarkUser user) {
        EnhancedCheck check = load(id);
        switch (access.of(check, user)) {
            case FULL -> {
                events.publishEvent(new CheckRead(id, "FULL", user.actor(), true));
                return view(check);
            }
            case PARTNER -> {
                events.publishEvent(new CheckRead(id, "PARTNER_VIEW", user.actor(), true));
                return partnerView(check, user.agencyId());
            }
            default -> {
                events.publishEvent(new CheckRead(id, "REFUSED", user.actor(), false));
                throw refusal(check, user, "not entitled to this check");
            }
        }
    }

    /** The whole check, for those entitled to it; the read is logged. */
    @Transactional(noRollbackFor = { AccessDeniedException.class, HiddenRecordException.class })
    public CheckView readWhole(UUID id, WaymarkUser user) {
        if (read(id, user) instanceof CheckView whole) {
            return whole;
        }
        throw new AccessDeniedException("partners see only their view of a check");
    }

    /** Records or corrects the person; the log names the fields that changed. */
    public CheckView describe(UUID id, Person person, WaymarkUser user) {
        List<String> changed = new java.util.ArrayList<>();
        return change(id, user, "PERSON", check -> {
            Person before = check.person();
            check.describe(person, today(check.operationId()));
            changed.addAll(PersonChanges.between(before, check.person()));
        }, changed);
    }

    /**
     * Records or corrects the person and, unless {@code category} is null, changes their category,
     * in one transaction: when either is refused, neither is saved.
     */
    public CheckView describe(UUID id, Person person, PersonCategory category, WaymarkUser user) {
        CheckView described = describe(id, person, user);
        return category == null ? described : categorise(id, category, user);
    }

    public CheckView categorise(UUID id, PersonCategory category, WaymarkUser user) {
        return change(id, user, "CATEGORY", check -> check.categorise(category));
    }

    /** Records indicators of the catalogue in use; a code already recorded gets the new basis and note. */
    public CheckView recordIndicators(UUID id, List<IndicatorEntry> entries, WaymarkUser user) {
        if (entries == null || entries.isEmpty()) {
            throw new RuleViolationException("check.indicators.required", "indicators");
        }
        Map<String, Indicator> inUse = indicators.current().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        return change(id, user, "INDICATORS", check -> {
            for (IndicatorEntry entry : entries) {
                Indicator indicator = entry == null || entry.code() == null ? null : inUse.get(entry.code());
                if (indicator == null) {
                    throw new RuleViolationException("check.indicator.unknown", "indicators");
                }
                check.recordIndicator(indicator, entry.basis(), entry.note(), user.id(), clock.instant());
            }
        });
    }

    /**
     * The check's indicators become those chosen, each with its basis and note, in one change that
     * is logged once: an indicator left out is removed, one chosen as it was recorded keeps who
     * recorded it and when. Choosing none removes them all.
     */
    public CheckView chooseIndicators(UUID id, List<IndicatorEntry> chosen, WaymarkUser user) {
        Map<String, Indicator> catalogue = indicators.all().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        return change(id, user, "INDICATORS", check -> check.chooseIndicators(chosen == null ? List.of() : chosen,
                catalogue, user.id(), clock.instant()));
    }

    public CheckView removeIndicator(UUID id, String code, WaymarkUser user) {
        return change(id, user, "INDICATORS", check -> check.removeIndicator(code));
    }

    /** The suspected exploitation and the opinion are the user's assessment once they change them. */
    public CheckView recordAccount(UUID id, Set<ExploitationType> types, String account, String opinion,
            WaymarkUser user) {
        List<String> changed = new java.util.ArrayList<>();
        return change(id, user, "ACCOUNT", check -> {
            Set<ExploitationType> typesBefore = Set.copyOf(check.suspectedTypes());
            String accountBefore = check.account();
            String opinionBefore = check.opinion();
            check.recordAccount(types, account, opinion, user.id(), clock.instant());
            PersonChanges.note(changed, "suspectedTypes", typesBefore, check.suspectedTypes());
            PersonChanges.note(changed, "account", accountBefore, check.account());
            PersonChanges.note(changed, "opinion", opinionBefore, check.opinion());
        }, changed);
    }

    /** Advice or support given at {@code at}, or now when {@code at} is null. */
    public CheckView giveAdvice(UUID id, AdviceKind kind, java.time.Instant at, String note, WaymarkUser user) {
        return change(id, user, "ADVICE",
                check -> check.giveAdvice(kind, at == null ? clock.instant() : at, note, user.id(), clock.instant()));
    }

    /** Closes the check; a note says whether it records facts or the user's assessment. */
    public CheckView close(UUID id, Set<Outcome> outcomes, String note, FactOrOpinion noteNature,
            WaymarkUser user) {
        CheckView closed = change(id, user, null, check -> {
            agreesWithItsReferral(id, outcomes);
            check.close(outcomes, note, noteNature, user.id(), clock.instant());
        });
        events.publishEvent(new CheckClosed(id, user.actor()));
        return closed;
    }

    /**
     * Corrects the outcome of a closed check, for the reason given (see {@link OutcomeCorrection}):
     * the log keeps who corrected it, what it was, what it became, and why.
     */
    public CheckView correctOutcome(UUID id, OutcomeCorrection why, WaymarkUser user) {
        Set<Outcome> before = load(id).outcomes();
        CheckView corrected = change(id, user, null, check -> check.correctOutcome(why, user.id(), clock.instant()));
        events.publishEvent(new OutcomeCorrected(id, before, corrected.outcomes(), why, user.actor()));
        return corrected;
    }

    /**
     * Closes the check with a note whose nature was not given: it is kept as the user's
     * assessment, since an opinion must never pass for a fact.
     */
    public CheckView close(UUID id, Set<Outcome> outcomes, String note, WaymarkUser user) {
        return close(id, outcomes, note, FactOrOpinion.OPINION, user);
    }

    /**
     * A referral already started from the open check (consent taken while the person was there)
     * decides the outcome: an adult who declined cannot close as an NRM referral, nor one who
     * consented as a Duty to Notify.
     */
    private void agreesWithItsReferral(UUID id, Set<Outcome> outcomes) {
        ReferralProgress progress = referrals.getIfAvailable();
        if (progress != null) {
            progress.outcomeCalledFor(id).filter(called -> !outcomes.contains(called)).ifPresent(called -> {
                throw new RuleViolationException("check.outcome.referralStarted." + called, "outcomes");
            });
        }
    }

    private CheckView change(UUID id, WaymarkUser user, String part, java.util.function.Consumer<EnhancedCheck> how) {
        return change(id, user, part, how, List.of());
    }

    /** Changes the check; {@code fields} names what changed, filled in by {@code how}. */
    private CheckView change(UUID id, WaymarkUser user, String part, java.util.function.Consumer<EnhancedCheck> how,
            List<String> fields) {
        EnhancedCheck check = load(id);
        if (access.of(check, user) != CheckEntitlement.FULL) {
            throw refusal(check, user, "only first responders taking part record checks");
        }
        how.accept(check);
        EnhancedCheck saved = checks.save(check);
        if (part != null) {
            events.publishEvent(new CheckChanged(id, part, fields, user.actor()));
        }
        return view(saved);
    }

    EnhancedCheck load(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("check", id));
    }

    /** The check, unless there is none or it was erased at the end of its retention period. */
    java.util.Optional<EnhancedCheck> find(UUID id) {
        return checks.findById(id).filter(check -> !check.erased());
    }

    /** Not taking part looks like no such operation; taking part in the wrong role is refused. */
    private RuntimeException refusal(OperationId operationId, WaymarkUser user) {
        operations.get(operationId, user);
        return new AccessDeniedException("only officers and coordinators of first responders record checks");
    }

    CheckView view(EnhancedCheck check) {
        Map<String, Indicator> catalogue = indicators.all().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        List<CheckView.RecordedIndicator> recorded = check.indicators().stream()
                .map(found -> new CheckView.RecordedIndicator(catalogue.get(found.indicatorCode()), found.basis(),
                        found.note(), found.recordedAt()))
                .sorted(Comparator.comparing(found -> found.indicator().code()))
                .toList();
        List<CheckView.Advice> advice = check.advice().stream()
                .map(given -> new CheckView.Advice(given.kind(), given.givenAt(), given.note())).toList();
        return new CheckView(check.id(), check.operationId(), flight(check), check.location(), check.category(),
                check.status(), check.catalogueVersion(), check.agencyId(), check.startedAt(), check.person(),
                recorded, check.suspectedTypes(), check.account(), check.opinion(), advice,
                requestViews(requests.findByCheckIdOrderByRequestedAt(check.id())), check.outcomes(),
                check.outcomeNote(), check.closedAt(), check.status() == CheckStatus.OPEN && check.maskedAt() == null,
                check.outcomeNoteNature(), author(check.assessedBy()), check.assessedAt(),
                author(check.closedBy()), check.maskedAt(), check.outcomeCorrection() == null ? null
                        : new CheckView.Correction(check.outcomeCorrection(), author(check.outcomeCorrectedBy()),
                                check.outcomeCorrectedAt()));
    }

    /** The officer who wrote part of a check, by their account's name and agency today. */
    private CheckView.Author author(UUID id) {
        if (id == null) {
            return null;
        }
        UserId user = new UserId(id);
        UserSummary found = users.find(user).orElse(null);
        if (found == null) {
            return new CheckView.Author(user, null, null);
        }
        String agency = agencies.find(found.agencyId()).map(AgencySummary::name).orElse(null);
        return new CheckView.Author(user, found.name(), agency);
    }

    PartnerCheckView partnerView(EnhancedCheck check, AgencyId agency) {
        OperationView operation = operations.outline(check.operationId());
        Person person = check.person();
        List<SupportRequest> theirs = requests.findByCheckIdOrderByRequestedAt(check.id()).stream()
                .filter(request -> request.agencyId().equals(agency)).toList();
        return new PartnerCheckView(check.id(), check.operationId(), operation.name(), operation.port().value(),
                flight(check), check.location(), check.startedAt(), person.name(), person.nameNotGiven(),
                person.languageCodes(), person.interpreterLanguage() == null ? null
                        : person.interpreterLanguage().value(),
                requestViews(theirs), check.maskedAt());
    }

    /** The requests with the names of the agencies asked and of the officers who asked, as they read now. */
    List<SupportRequestView> requestViews(Collection<SupportRequest> found) {
        Map<AgencyId, AgencySummary> names = agencies.byId(found.stream().map(SupportRequest::agencyId).toList());
        Map<UserId, String> askedBy = new HashMap<>();
        found.stream().map(SupportRequest::requestedBy).distinct().forEach(user -> askedBy.put(user,
                users.find(user).map(UserSummary::name).orElse(null)));
        return found.stream().map(request -> request.view(names.containsKey(request.agencyId())
                ? names.get(request.agencyId()).name() : null, askedBy.get(request.requestedBy()))).toList();
    }

    FlightView flight(EnhancedCheck check) {
        return check.flightId() == null ? null : flights.of(check.operationId(), check.flightId()).orElse(null);
    }

    /** Today at the operation's port, which a person's age is told by. */
    private LocalDate today(OperationId operationId) {
        return LocalDate.now(clock.withZone(airports.zoneOf(operations.outline(operationId).port())));
    }
}
