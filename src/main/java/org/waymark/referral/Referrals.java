package org.waymark.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.referral.ReferralEvents.ConsentWithdrawn;
import org.waymark.referral.ReferralEvents.ReferralChanged;
import org.waymark.referral.ReferralEvents.ReferralDecisionRecorded;
import org.waymark.referral.ReferralEvents.ReferralPdfDownloaded;
import org.waymark.referral.ReferralEvents.ReferralRead;
import org.waymark.referral.ReferralEvents.ReferralStarted;
import org.waymark.referral.ReferralEvents.ReferralSubmitted;
import org.waymark.safeguarding.CheckEntitlement;
import org.waymark.safeguarding.CheckStatus;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Checks;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.OutcomeCorrection;
import org.waymark.shared.AgencyId;
import org.waymark.shared.ConflictException;
import org.waymark.shared.HiddenRecordException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Referrals made from enhanced checks. Whoever may see the whole check may see and prepare its
 * referrals, and submit them (only first responders see whole checks); a partner asked for
 * support may add to the person's account. Every read, PDF and submission is logged.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Referrals {

    private final ReferralRepository referrals;
    private final Checks checks;
    private final Operations operations;
    private final Agencies agencies;
    private final PackagePdf pdf;
    private final MessageSource messages;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The consent step's answer, and the local authority told of a child. */
    public record NewReferral(Consent consent, Boolean namedWithConsent, ReferralPackage.LocalAuthority localAuthority) {
    }

    /** Which referrals a coordinator's list shows; {@code null} and {@code false} leave a filter off. */
    public record Filter(ReferralStatus status, boolean due, boolean overdue) {

        public static final Filter ALL = new Filter(null, false, false);
    }

    /**
     * Starts the referral on the path the check and the consent step decide, with the package
     * filled from the check. A check closed without the matching outcome cannot be referred,
     * nor can a check that already has a referral still in force; but an adult who declines the
     * NRM referral that a closed check's outcome said is the subject of a Duty to Notify, and the
     * check's outcome is corrected to say so (see {@link #correctsOutcome}).
     */
    @Transactional(noRollbackFor = { AccessDeniedException.class, HiddenRecordException.class })
    public ReferralView start(UUID checkId, NewReferral request, WaymarkUser user) {
        requireFull(checkId, user);
        CheckView check = checks.readWhole(checkId, user);
        if (check.disposedAt() != null) {
            throw new ConflictException("check.disposed", null);
        }
        Referral.Path path = Referral.Path.decide(check.person().treatedAsChild(), request.consent(),
                request.namedWithConsent(), request.localAuthority());
        Outcome needed = path.kind() == ReferralKind.NRM ? Outcome.NRM_REFERRAL : Outcome.DUTY_TO_NOTIFY;
        boolean correcting = path.kind() == ReferralKind.DUTY_TO_NOTIFY && correctsOutcome(check);
        if (check.status() == CheckStatus.CLOSED && !check.outcomes().contains(needed) && !correcting) {
            throw new UnprocessableException(path.kind() == ReferralKind.NRM ? "referral.check.noNrmOutcome"
                    : "referral.check.noDutyToNotifyOutcome", path.child() ? null : "consent.given");
        }
        if (referrals.findByCheckIdOrderByCreatedAt(checkId).stream()
                .anyMatch(existing -> existing.status().inForce())) {
            throw new ConflictException("referral.exists", null);
        }
        if (!path.child() && request.consent().at().isAfter(clock.instant().plusSeconds(300))) {
            throw new RuleViolationException("referral.consent.at.future", "consent.at");
        }
        if (!path.child() && request.consent().at().isBefore(check.startedAt().minus(Duration.ofDays(1)))) {
            throw new RuleViolationException("referral.consent.at.beforeCheck", "consent.at");
        }
        if (correcting) {
            check = checks.correctOutcome(checkId, OutcomeCorrection.NRM_CONSENT_DECLINED, user);
        }
        ReferralPackage content = Prefill.from(check, path, user, agencyName(user.agencyId()), request.localAuthority())
                .shapedFor(path.kind(), path.child(), path.named());
        Referral referral = Referral.start(checkId, check.operationId().value(), user.agencyId().value(), path,
                path.child() ? null : request.consent(), write(content), clock.instant(), user.id().value());
        Referral saved;
        try {
            saved = referrals.save(referral);
        } catch (DuplicateKeyException startedAtTheSameTime) {
            // The same start sent more than once at once: another copy took the check's place first.
            throw new ConflictException("referral.exists", null);
        }
        events.publishEvent(new ReferralStarted(saved.id(), checkId, path.kind(), path.child(), user.actor()));
        return view(saved, content);
    }

    /**
     * Whether an adult's answer "does not consent" on this check corrects its outcome: it closed
     * saying NRM referral (and not Duty to Notify), for an adult. The Duty to Notify that the
     * law then asks for is started, and the outcome corrected to it, rather than refused.
     */
    public static boolean correctsOutcome(CheckView check) {
        return check.status() == CheckStatus.CLOSED && !check.person().treatedAsChild()
                && check.outcomes().contains(Outcome.NRM_REFERRAL)
                && !check.outcomes().contains(Outcome.DUTY_TO_NOTIFY);
    }

    /** The referral as the user may see it; the read, or the refusal, is logged. */
    @Transactional(noRollbackFor = { AccessDeniedException.class, HiddenRecordException.class })
    public ShownReferral read(UUID id, WaymarkUser user) {
        return read(id, user, "FULL", false);
    }

    /**
     * {@code view} names the read in the log: {@code FULL}, {@code PRINT_VIEW} for the package to
     * print, or {@code SECTIONS_TEXT} for its text to paste.
     */
    private ShownReferral read(UUID id, WaymarkUser user, String view, boolean wholeOnly) {
        Referral referral = load(id);
        CheckEntitlement entitlement = checks.entitlement(referral.checkId(), user);
        switch (wholeOnly && entitlement == CheckEntitlement.PARTNER ? CheckEntitlement.NONE : entitlement) {
            case FULL -> {
                events.publishEvent(new ReferralRead(id, view, user.actor(), true));
                return view(referral, content(referral));
            }
            case PARTNER -> {
                events.publishEvent(new ReferralRead(id, "PARTNER_VIEW", user.actor(), true));
                return partnerView(referral, user.agencyId());
            }
            default -> {
                events.publishEvent(new ReferralRead(id, "REFUSED", user.actor(), false));
                throw checks.refusal(referral.checkId(), user, "not entitled to this referral");
            }
        }
    }

    /** The whole referral, for those entitled to it; the read is logged. */
    @Transactional(noRollbackFor = { AccessDeniedException.class, HiddenRecordException.class })
    public ReferralView readWhole(UUID id, WaymarkUser user) {
        return (ReferralView) read(id, user, "FULL", true);
    }

    /** The whole referral laid out to print, which is logged as such. */
    @Transactional(noRollbackFor = { AccessDeniedException.class, HiddenRecordException.class })
    public ReferralView forPrinting(UUID id, WaymarkUser user) {
        return (ReferralView) read(id, user, "PRINT_VIEW", true);
    }

    /** The whole referral as plain text to paste into the Home Office form: a copy, logged as such. */
    @Transactional(noRollbackFor = { AccessDeniedException.class, HiddenRecordException.class })
    public ReferralView forPasting(UUID id, WaymarkUser user) {
        return (ReferralView) read(id, user, "SECTIONS_TEXT", true);
    }

    /**
     * The check's referrals, oldest first, without personal details; a partner asked for support
     * sees only their kind and status, to reach their part of each.
     */
    @Transactional(readOnly = true)
    public List<ReferralSummary> ofCheck(UUID checkId, WaymarkUser user) {
        CheckEntitlement entitlement = checks.entitlement(checkId, user);
        if (entitlement == CheckEntitlement.NONE) {
            throw checks.refusal(checkId, user, "not entitled to this check");
        }
        List<ReferralSummary> found = summaries(referrals.findByCheckIdOrderByCreatedAt(checkId).stream()
                .filter(referral -> !referral.erased()).toList());
        return entitlement == CheckEntitlement.FULL ? found : found.stream().map(ReferralSummary::forPartner).toList();
    }

    /** Replaces the package's content; it becomes {@code READY} when the form would take it. */
    public ReferralView editPackage(UUID id, ReferralPackage content, WaymarkUser user) {
        Referral referral = loadFull(id, user);
        ReferralPackage shaped = content.shapedFor(referral.kind(), referral.childReferral(), referral.named());
        String before = referral.packageContent();
        String after = write(shaped);
        referral.edit(shaped, after);
        Referral saved = referrals.save(referral);
        events.publishEvent(new ReferralChanged(id, "PACKAGE", changedFields(before, after), user.actor()));
        return view(saved, shaped);
    }

    /** A partner asked for support (or a first responder) adds to the person's account. */
    @Transactional(noRollbackFor = { AccessDeniedException.class, HiddenRecordException.class })
    public ShownReferral addToAccount(UUID id, String text, WaymarkUser user) {
        Referral referral = load(id);
        CheckEntitlement entitlement = checks.entitlement(referral.checkId(), user);
        if (entitlement == CheckEntitlement.NONE) {
            throw checks.refusal(referral.checkId(), user, "only those asked for support add to the account");
        }
        referral.addToAccount(text, user.agencyId().value(), user.id().value(), clock.instant());
        Referral saved = referrals.save(referral);
        events.publishEvent(new ReferralChanged(id, "ACCOUNT_ADDITION", user.actor()));
        return entitlement == CheckEntitlement.FULL ? view(saved, content(saved))
                : partnerView(saved, user.agencyId());
    }

    /** Marks the package submitted through the Home Office's form: first responders only. */
    public ReferralView submit(UUID id, String homeOfficeReference, Instant submittedAt, WaymarkUser user) {
        Referral referral = loadFull(id, user);
        ReferralPackage content = content(referral);
        Map<String, String> missing = content.missing(referral.kind(), referral.childReferral(), referral.named());
        referral.submit(homeOfficeReference, submittedAt, missing, user.id().value(), clock.instant());
        Referral saved = referrals.save(referral);
        events.publishEvent(new ReferralSubmitted(id, user.actor()));
        return view(saved, content);
    }

    public ReferralView recordDecision(UUID id, DecisionType type, DecisionResult result, LocalDate date,
            WaymarkUser user) {
        return change(id, user, referral -> referral.decide(type, result, date, user.id().value(), clock.instant()),
                type + " " + result);
    }

    public ReferralView requestReconsideration(UUID id, LocalDate date, WaymarkUser user) {
        return change(id, user, referral -> referral.requestReconsideration(date, user.id().value(),
                clock.instant()), "RECONSIDERATION_REQUESTED");
    }

    /** Sets an unsubmitted referral aside, so that the check may have the right one. */
    public ReferralView discard(UUID id, WaymarkUser user) {
        Referral referral = loadFull(id, user);
        referral.discard();
        Referral saved = referrals.save(referral);
        events.publishEvent(new ReferralChanged(id, "DISCARDED", user.actor()));
        return view(saved, content(saved));
    }

    /** The adult withdrew consent at {@code at}, or now when it is null. */
    public ReferralView withdrawConsent(UUID id, Instant at, WaymarkUser user) {
        Referral referral = loadFull(id, user);
        referral.withdrawConsent(at, clock.instant());
        Referral saved = referrals.save(referral);
        events.publishEvent(new ConsentWithdrawn(id, user.actor()));
        return view(saved, content(saved));
    }

    /** The package as a PDF in the form's order; the download is logged as a disclosure. */
    @Transactional(noRollbackFor = { AccessDeniedException.class, HiddenRecordException.class })
    public byte[] pdf(UUID id, WaymarkUser user) {
        ReferralView referral = readWhole(id, user);
        events.publishEvent(new ReferralPdfDownloaded(id, user.actor()));
        return pdf.render(PackageDocument.of(referral, messages));
    }

    /**
     * The referrals of the operations in which the coordinator's agency records checks, newest
     * first, filtered.
     */
    @Transactional(readOnly = true)
    public List<ReferralSummary> list(Filter filter, WaymarkUser user) {
        if (!user.hasRole(Role.COORDINATOR)) {
            throw new AccessDeniedException("the list of referrals is for coordinators");
        }
        Set<UUID> operationIds = operations.visibleTo(user).stream().map(OperationView::id)
                .filter(operation -> checks.mayRecord(operation, user)).map(OperationId::value)
                .collect(Collectors.toSet());
        if (operationIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        List<Referral> found = referrals.findByOperationIdInOrderByCreatedAtDesc(operationIds).stream()
                .filter(referral -> !referral.erased())
                .filter(referral -> filter.status() == null || referral.status() == filter.status())
                .filter(referral -> !filter.due() || referral.rgDueDate() != null
                        && referral.status() == ReferralStatus.SUBMITTED)
                .filter(referral -> !filter.overdue() || referral.overdue(today))
                .toList();
        if (filter.due() || filter.overdue()) {
            found = found.stream().sorted(Comparator.comparing(Referral::rgDueDate)).toList();
        }
        return summaries(found);
    }

    /** A submitted referral in figures: of which check, which kind, whether for a child; nothing more. */
    public record Submitted(UUID checkId, OperationId operationId, ReferralKind kind, boolean childReferral,
            Instant submittedAt) {
    }

    /** The referrals of the operations submitted so far (withdrawn later or not), for reports. */
    @Transactional(readOnly = true)
    public List<Submitted> submitted(Collection<OperationId> operationIds) {
        return referrals.findByOperationIdInOrderByCreatedAtDesc(operationIds.stream().map(OperationId::value)
                .collect(Collectors.toSet())).stream().filter(referral -> referral.submittedAt() != null)
                .map(referral -> new Submitted(referral.checkId(), new OperationId(referral.operationId()),
                        referral.kind(), referral.childReferral(), referral.submittedAt()))
                .toList();
    }

    LocalDate today() {
        return clock.instant().atZone(Referral.ENGLAND).toLocalDate();
    }

    private ReferralView change(UUID id, WaymarkUser user, Consumer<Referral> how, String decision) {
        Referral referral = loadFull(id, user);
        how.accept(referral);
        Referral saved = referrals.save(referral);
        events.publishEvent(new ReferralDecisionRecorded(id, decision, user.actor()));
        return view(saved, content(saved));
    }

    private void requireFull(UUID checkId, WaymarkUser user) {
        if (checks.entitlement(checkId, user) != CheckEntitlement.FULL) {
            throw checks.refusal(checkId, user, "only first responders taking part prepare and submit referrals");
        }
    }

    private Referral loadFull(UUID id, WaymarkUser user) {
        Referral referral = load(id);
        requireFull(referral.checkId(), user);
        return referral;
    }

    Referral load(UUID id) {
        return referrals.findById(id).filter(referral -> !referral.erased())
                .orElseThrow(() -> new NotFoundException("referral", id));
    }

    ReferralView view(Referral referral, ReferralPackage content) {
        LocalDate today = today();
        return new ReferralView(referral.id(), referral.checkId(), new OperationId(referral.operationId()),
                referral.kind(), referral.childReferral(), referral.named(), referral.status(), referral.consent(),
                referral.consentWithdrawnAt(), content, additions(referral.additions()),
                content.missing(referral.kind(), referral.childReferral(), referral.named()),
                referral.homeOfficeReference(), referral.submittedAt(), referral.rgDueDate(), referral.overdue(today),
                referral.recoveryPeriodEnds().orElse(null), referral.moveOnSupportEnds().orElse(null),
                referral.decisions().stream().map(decision -> new ReferralView.DecisionView(decision.type(),
                        decision.result(), decision.decidedOn())).toList(),
                referral.createdAt(), referral.kind() == ReferralKind.NRM && !referral.childReferral()
                        && referral.status().inForce() && referral.maskedAt() == null, referral.maskedAt());
    }

    private PartnerReferralView partnerView(Referral referral, AgencyId agency) {
        return new PartnerReferralView(referral.id(), referral.checkId(), referral.kind(), referral.status(),
                additions(referral.additions().stream().filter(added -> added.agencyId().equals(agency.value()))
                        .toList()),
                referral.status().editable() && referral.maskedAt() == null);
    }

    private List<ReferralView.Addition> additions(List<AccountAddition> found) {
        Map<AgencyId, AgencySummary> names = agencies.byId(found.stream()
                .map(added -> new AgencyId(added.agencyId())).distinct().toList());
        return found.stream().map(added -> new ReferralView.Addition(
                names.containsKey(new AgencyId(added.agencyId())) ? names.get(new AgencyId(added.agencyId())).name()
                        : null,
                added.addedAt(), added.text())).toList();
    }

    private List<ReferralSummary> summaries(List<Referral> found) {
        LocalDate today = today();
        Map<UUID, String> names = found.stream().map(Referral::operationId).distinct()
                .collect(Collectors.toMap(id -> id, id -> operations.outline(new OperationId(id)).name()));
        return found.stream().map(referral -> new ReferralSummary(referral.id(), referral.checkId(),
                new OperationId(referral.operationId()), names.get(referral.operationId()), referral.kind(),
                referral.childReferral(), referral.status(), referral.homeOfficeReference(), referral.submittedAt(),
                referral.rgDueDate(), referral.overdue(today), referral.createdAt())).toList();
    }

    private String agencyName(AgencyId agency) {
        return agencies.find(agency).map(AgencySummary::name).orElse(null);
    }

    /**
     * The fields of the package that differ between two versions, as paths such as
     * {@code subject.name}, for the audit log; a whole list that changed is named once.
     */
    List<String> changedFields(String before, String after) {
        List<String> changed = new ArrayList<>();
        try {
            diff("", before == null ? json.createObjectNode() : json.readTree(before), json.readTree(after), changed);
        } catch (JacksonException unreadable) {
            changed.add("package");
        }
        return changed;
    }

    private static void diff(String path, tools.jackson.databind.JsonNode before, tools.jackson.databind.JsonNode after,
            List<String> changed) {
        boolean objects = (before == null || before.isNull() || before.isObject())
                && (after == null || after.isNull() || after.isObject())
                && !((before == null || before.isNull()) && (after == null || after.isNull()));
        if (objects) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            if (before != null && before.isObject()) {
                names.addAll(before.propertyNames());
            }
            if (after != null && after.isObject()) {
                names.addAll(after.propertyNames());
            }
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, before == null ? null : before.get(name),
                        after == null ? null : after.get(name), changed);
            }
        } else if (!java.util.Objects.equals(blank(before), blank(after))) {
            changed.add(path);
        }
    }

    private static tools.jackson.databind.JsonNode blank(tools.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private String write(ReferralPackage content) {
        return json.writeValueAsString(content);
    }

    ReferralPackage content(Referral referral) {
        try {
            return json.readValue(referral.packageContent(), ReferralPackage.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("referral " + referral.id() + " holds a package that cannot be read", e);
        }
    }
}
