package org.waymark.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.waymark.shared.ConflictException;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;

/**
 * A referral prepared from an enhanced check: the path Waymark chose (NRM or Duty to Notify,
 * child or adult), the consent that decided it, the package as JSON in the form's order, the
 * submission and the decisions. The agency whose user started it is its controller.
 */
@Table("referral")
class Referral {

    /** Bank holidays and working days are those of England and Wales. */
    static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    static final int RG_WORKING_DAYS = 5;
    static final int RECOVERY_DAYS = 30;
    static final int MOVE_ON_DAYS = 45;
    static final int MAX_REFERENCE = 60;
    static final int MAX_ADDITION = 5_000;

    @Id
    private final UUID id;
    private final UUID checkId;
    private final UUID operationId;
    private final UUID agencyId;
    private final ReferralKind kind;
    private final boolean childReferral;
    private final boolean named;
    private ReferralStatus status;
    private final Boolean consentGiven;
    private final String consentExplainedBy;
    private final String consentLanguage;
    private final Boolean consentInterpreterUsed;
    private final Instant consentAt;
    private Instant consentWithdrawnAt;
    private String packageContent;
    private String homeOfficeReference;
    private Instant submittedAt;
    private UUID submittedBy;
    private LocalDate rgDueDate;
    private final Instant createdAt;
    private final UUID createdBy;
    /** When the retention period ended and the package and personal details were replaced by a marker. */
    private Instant maskedAt;
    /** When they were erased; only what the figures count is left. */
    private Instant erasedAt;
    /**
     * The check, while this referral holds its one place in force; null once withdrawn or set
     * aside. Unique in the database, so that starts sent at once cannot make two.
     */
    private UUID inForceCheckId;
    @MappedCollection(idColumn = "referral_id", keyColumn = "entry_index")
    private List<Decision> decisions;
    @MappedCollection(idColumn = "referral_id", keyColumn = "entry_index")
    private List<AccountAddition> additions;
    @Version
    private Long version;

    @PersistenceCreator
    Referral(UUID id, UUID checkId, UUID operationId, UUID agencyId, ReferralKind kind, boolean childReferral,
            boolean named, ReferralStatus status, Boolean consentGiven, String consentExplainedBy,
            String consentLanguage, Boolean consentInterpreterUsed, Instant consentAt, String packageContent,
            Instant createdAt, UUID createdBy, Long version) {
        this.id = id;
        this.checkId = checkId;
        this.operationId = operationId;
        this.agencyId = agencyId;
        this.kind = kind;
        this.childReferral = childReferral;
        this.named = named;
        this.status = status;
        this.consentGiven = consentGiven;
        this.consentExplainedBy = consentExplainedBy;
        this.consentLanguage = consentLanguage;
        this.consentInterpreterUsed = consentInterpreterUsed;
        this.consentAt = consentAt;
        this.packageContent = packageContent;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.version = version;
        this.decisions = new ArrayList<>();
        this.additions = new ArrayList<>();
    }

    /** A draft on the path that the check and the consent decided, with the package filled from the check. */
    static Referral start(UUID checkId, UUID operationId, UUID agencyId, Path path, Consent consent,
            String packageContent, Instant now, UUID user) {
        Referral referral = new Referral(UUID.randomUUID(), checkId, operationId, agencyId, path.kind(),
                path.child(), path.named(), ReferralStatus.DRAFT, consent == null ? null : consent.given(),
                consent == null ? null : consent.explainedBy(), consent == null ? null : consent.language(),
                consent == null ? null : consent.interpreterUsed(), consent == null ? null : consent.at(),
                packageContent, now, user, null);
        referral.inForceCheckId = checkId;
        return referral;
    }

    /**
     * The route the law gives: a child (or a person whose age is unclear) is referred without
     * consent, with the local authority told; an adult who consents is referred; an adult who
     * does not is the subject of a Duty to Notify, anonymous unless they agree to be named.
     */
    record Path(ReferralKind kind, boolean child, boolean named) {

        static Path decide(boolean treatedAsChild, Consent consent, Boolean namedWithConsent,
                ReferralPackage.LocalAuthority localAuthority) {
            if (treatedAsChild) {
                if (localAuthority == null || localAuthority.name() == null || localAuthority.contact() == null) {
                    throw new UnprocessableException("referral.localAuthority.required", "localAuthority");
                }
                return new Path(ReferralKind.NRM, true, true);
            }
            if (consent == null) {
                throw new UnprocessableException("referral.consent.required", "consent");
            }
            if (consent.given()) {
                return new Path(ReferralKind.NRM, false, true);
            }
            return new Path(ReferralKind.DUTY_TO_NOTIFY, false, Boolean.TRUE.equals(namedWithConsent));
        }
    }

    /** The new package, shaped for the path; it is {@code READY} once the form would take it. */
    void edit(ReferralPackage content, String json) {
        requireNotDisposed();
        requireEditable();
        packageContent = json;
        status = content.missing(kind, childReferral, named).isEmpty() ? ReferralStatus.READY : ReferralStatus.DRAFT;
    }

    /** A partner asked for support adds to the person's account; it stays theirs, attributed. */
    void addToAccount(String text, UUID agency, UUID user, Instant now) {
        requireNotDisposed();
        String tidy = ReferralPackage.narrative(text, "text");
        if (tidy == null) {
            throw new RuleViolationException("referral.addition.required", "text");
        }
        if (tidy.length() > MAX_ADDITION) {
            throw new RuleViolationException("referral.addition.tooLong", "text");
        }
        requireEditable();
        additions.add(new AccountAddition(agency, user, now, tidy));
    }

    /** Marks the package as sent through the Home Office's form; for an NRM referral the RG decision is then due. */
    void submit(String reference, Instant at, Map<String, String> missing, UUID user, Instant now) {
        requireNotDisposed();
        if (status == ReferralStatus.WITHDRAWN || status == ReferralStatus.DISCARDED) {
            requireEditable();
        }
        if (!status.editable()) {
            throw new ConflictException("referral.submitted.already", null);
        }
        if (!missing.isEmpty()) {
            throw new UnprocessableException("referral.incomplete", missing);
        }
        String tidy = PlainText.typed(reference);
        if (tidy == null) {
            throw new RuleViolationException("referral.reference.required", "homeOfficeReference");
        }
        PlainText.check(tidy, MAX_REFERENCE, "referral.reference.tooLong", "homeOfficeReference");
        if (at == null) {
            throw new RuleViolationException("referral.submittedAt.required", "submittedAt");
        }
        if (at.isAfter(now.plusSeconds(300))) {
            throw new RuleViolationException("referral.submittedAt.future", "submittedAt");
        }
        if (at.isBefore(createdAt.minusSeconds(7 * 24 * 3600)) || consentAt != null && at.isBefore(consentAt)) {
            throw new RuleViolationException("referral.submittedAt.tooEarly", "submittedAt");
        }
        homeOfficeReference = tidy;
        submittedAt = at;
        submittedBy = user;
        // A Duty to Notify is a report: no decision follows it.
        rgDueDate = kind == ReferralKind.NRM ? WorkingDays.addWorkingDays(at.atZone(ENGLAND).toLocalDate(),
                RG_WORKING_DAYS) : null;
        status = ReferralStatus.SUBMITTED;
    }

    /** A decision, in its order: reasonable grounds first, conclusive grounds after a positive one. */
    void decide(DecisionType type, DecisionResult result, LocalDate date, UUID user, Instant now) {
        requireNotDisposed();
        if (kind == ReferralKind.DUTY_TO_NOTIFY) {
            throw new ConflictException("referral.decision.dutyToNotify", null);
        }
        if (type == null) {
            throw new RuleViolationException("referral.decision.type.required", "type");
        }
        if (result == null) {
            throw new RuleViolationException("referral.decision.result.required", "result");
        }
        boolean awaited = type == DecisionType.RG
                ? status == ReferralStatus.SUBMITTED || reconsidering(DecisionType.RG)
                : status == ReferralStatus.RG_POSITIVE || reconsidering(DecisionType.CG);
        if (!awaited) {
            throw new ConflictException(type == DecisionType.RG ? "referral.decision.rg.notAwaited"
                    : "referral.decision.cg.notAwaited", "type");
        }
        checkDate(date, now);
        decisions.add(new Decision(type, result, date, now, user));
        status = switch (type) {
            case RG -> result == DecisionResult.POSITIVE ? ReferralStatus.RG_POSITIVE : ReferralStatus.RG_NEGATIVE;
            case CG -> result == DecisionResult.POSITIVE ? ReferralStatus.CG_POSITIVE : ReferralStatus.CG_NEGATIVE;
        };
    }

    /** A negative decision is asked to be reconsidered; the decision of that type is awaited again. */
    void requestReconsideration(LocalDate date, UUID user, Instant now) {
        requireNotDisposed();
        if (status != ReferralStatus.RG_NEGATIVE && status != ReferralStatus.CG_NEGATIVE) {
            throw new ConflictException("referral.reconsideration.notNegative", null);
        }
        checkDate(date, now);
        DecisionType type = status == ReferralStatus.RG_NEGATIVE ? DecisionType.RG : DecisionType.CG;
        decisions.add(new Decision(type, null, date, now, user));
        status = ReferralStatus.RECONSIDERATION_REQUESTED;
    }

    /**
     * A draft set aside before it was submitted, such as a Duty to Notify for a person found to
     * be a child; it is kept, as everything recorded is, and the check may have another.
     */
    void discard() {
        requireNotDisposed();
        if (!status.editable()) {
            throw new ConflictException(status == ReferralStatus.DISCARDED ? "referral.discarded"
                    : "referral.discard.submitted", null);
        }
        status = ReferralStatus.DISCARDED;
        inForceCheckId = null;
    }

    /** Consent withdrawn by the adult who gave it; the package can no longer be submitted. */
    void withdrawConsent(Instant at, Instant now) {
        requireNotDisposed();
        if (kind != ReferralKind.NRM || childReferral) {
            throw new ConflictException("referral.withdrawal.noConsent", null);
        }
        if (!status.inForce()) {
            requireEditable();
        }
        Instant when = at == null ? now : at;
        if (when.isAfter(now.plusSeconds(300)) || when.isBefore(consentAt)) {
            throw new RuleViolationException("referral.withdrawal.at", "at");
        }
        consentWithdrawnAt = when;
        status = ReferralStatus.WITHDRAWN;
        inForceCheckId = null;
    }

    /** A referral disposed of at the end of its retention period no longer changes. */
    private void requireNotDisposed() {
        if (maskedAt != null) {
            throw new ConflictException("referral.disposed", null);
        }
    }

    Instant maskedAt() {
        return maskedAt;
    }

    boolean erased() {
        return erasedAt != null;
    }

    private void requireEditable() {
        if (!status.editable()) {
            throw new ConflictException(switch (status) {
                case WITHDRAWN -> "referral.withdrawn";
                case DISCARDED -> "referral.discarded";
                default -> "referral.submitted.noChange";
            }, null);
        }
    }

    private boolean reconsidering(DecisionType type) {
        return status == ReferralStatus.RECONSIDERATION_REQUESTED && !decisions.isEmpty()
                && decisions.get(decisions.size() - 1).type() == type;
    }

    private void checkDate(LocalDate date, Instant now) {
        if (date == null) {
            throw new RuleViolationException("referral.decision.date.required", "date");
        }
        LocalDate today = now.atZone(ENGLAND).toLocalDate();
        LocalDate earliest = decisions.isEmpty() ? submittedAt.atZone(ENGLAND).toLocalDate()
                : decisions.get(decisions.size() - 1).decidedOn();
        if (date.isAfter(today) || date.isBefore(earliest)) {
            throw new RuleViolationException("referral.decision.date.range", "date");
        }
    }

    /** The reasonable grounds decision is late: submitted, none recorded, and the due date has passed. */
    boolean overdue(LocalDate today) {
        return status == ReferralStatus.SUBMITTED && rgDueDate != null && today.isAfter(rgDueDate) && maskedAt == null;
    }

    /** The end of the minimum recovery period that a positive reasonable grounds decision opens. */
    Optional<LocalDate> recoveryPeriodEnds() {
        return lastDecision(DecisionType.RG).filter(decision -> decision.result() == DecisionResult.POSITIVE)
                .map(decision -> decision.decidedOn().plusDays(RECOVERY_DAYS));
    }

    /** The end of the minimum move-on support that a positive conclusive grounds decision brings. */
    Optional<LocalDate> moveOnSupportEnds() {
        return lastDecision(DecisionType.CG).filter(decision -> decision.result() == DecisionResult.POSITIVE)
                .map(decision -> decision.decidedOn().plusDays(MOVE_ON_DAYS));
    }

    private Optional<Decision> lastDecision(DecisionType type) {
        return decisions.stream().filter(decision -> decision.type() == type && !decision.reconsideration())
                .reduce((first, second) -> second);
    }

    UUID id() {
        return id;
    }

    UUID checkId() {
        return checkId;
    }

    UUID operationId() {
        return operationId;
    }

    UUID agencyId() {
        return agencyId;
    }

    ReferralKind kind() {
        return kind;
    }

    boolean childReferral() {
        return childReferral;
    }

    boolean named() {
        return named;
    }

    ReferralStatus status() {
        return status;
    }

    Consent consent() {
        return consentGiven == null ? null
                : new Consent(consentGiven, consentExplainedBy, consentLanguage, consentInterpreterUsed, consentAt);
    }

    Instant consentWithdrawnAt() {
        return consentWithdrawnAt;
    }

    String packageContent() {
        return packageContent;
    }

    String homeOfficeReference() {
        return homeOfficeReference;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    LocalDate rgDueDate() {
        return rgDueDate;
    }

    Instant createdAt() {
        return createdAt;
    }

    List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    List<AccountAddition> additions() {
        return List.copyOf(additions);
    }
}
