package org.waymark.safeguarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.waymark.operation.ExploitationType;
import org.waymark.shared.AgencyId;
import org.waymark.shared.ConflictException;
import org.waymark.shared.CountryCode;
import org.waymark.shared.FlightId;
import org.waymark.shared.LanguageCode;
import org.waymark.shared.OperationId;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UnprocessableException;
import org.waymark.shared.UserId;

/**
 * An enhanced check: a private conversation with one person who showed signs of trafficking,
 * what was seen and heard, the help given and what came of it. The agency whose officer
 * started it is its controller. Once closed it does not change.
 */
@Table("enhanced_check")
class EnhancedCheck {

    static final int MAX_LOCATION = 80;
    static final int MAX_ADVICE_NOTE = 500;
    static final int MAX_OUTCOME_NOTE = 2_000;

    @Id
    private final UUID id;
    private final UUID operationId;
    private final UUID flightId;
    private final String location;
    private PersonCategory category;
    private CheckStatus status;
    private final int catalogueVersion;
    private final UUID agencyId;
    private final UUID startedBy;
    private final Instant startedAt;
    private String name;
    private boolean nameNotGiven;
    private Integer age;
    private LocalDate dateOfBirth;
    private Under18 under18;
    private Gender gender;
    private String nationality;
    private String interpreterLanguage;
    private InterpreterMode interpreterMode;
    private Integer travellingWith;
    private String travellingWithRelationship;
    private String finalDestination;
    @MappedCollection(idColumn = "check_id")
    private Set<SpokenLanguage> languages;
    @MappedCollection(idColumn = "check_id")
    private Set<SuspectedType> suspectedTypes;
    /** The person's account: what they said, in their words as far as possible. */
    private String account;
    /** The officer's opinion, kept apart from the facts. */
    private String opinion;
    /** Who last changed the assessment (the opinion or the suspected exploitation), and when. */
    private UUID assessedBy;
    private Instant assessedAt;
    @MappedCollection(idColumn = "check_id")
    private Set<RecordedIndicator> indicators;
    @MappedCollection(idColumn = "check_id", keyColumn = "entry_index")
    private List<AdviceGiven> advice;
    @MappedCollection(idColumn = "check_id")
    private Set<CheckOutcome> outcomes;
    private String outcomeNote;
    /** Whether the outcome note records facts or the closing officer's assessment. */
    private FactOrOpinion outcomeNoteNature;
    private Instant closedAt;
    private UUID closedBy;
    /** Why the outcome was corrected after the check closed, by whom and when; null when it was not. */
    private OutcomeCorrection outcomeCorrection;
    private UUID outcomeCorrectedBy;
    private Instant outcomeCorrectedAt;
    /** When the retention period ended and the personal details were replaced by a marker. */
    private Instant maskedAt;
    /** When the personal details were erased; only what the figures count is left. */
    private Instant erasedAt;
    @Version
    private Long version;

    @PersistenceCreator
    EnhancedCheck(UUID id, UUID operationId, UUID flightId, String location, PersonCategory category,
            CheckStatus status, int catalogueVersion, UUID agencyId, UUID startedBy, Instant startedAt,
            Long version) {
        this.id = id;
        this.operationId = operationId;
        this.flightId = flightId;
        this.location = location;
        this.category = category;
        this.status = status;
        this.catalogueVersion = catalogueVersion;
        this.agencyId = agencyId;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.version = version;
        this.languages = new HashSet<>();
        this.suspectedTypes = new HashSet<>();
        this.indicators = new HashSet<>();
        this.advice = new ArrayList<>();
        this.outcomes = new HashSet<>();
    }

    /** Starts a check on a flight or at a place of the operation (one of the two). */
    static EnhancedCheck start(OperationId operation, FlightId flight, String location, PersonCategory category,
            Person person, int catalogueVersion, AgencyId agency, UserId officer, Instant now, LocalDate today) {
        String place = PlainText.typed(location);
        if ((flight == null) == (place == null)) {
            throw new RuleViolationException("check.flightOrLocation", "flightId");
        }
        PlainText.check(place, MAX_LOCATION, "check.location.tooLong", "location");
        if (category == null) {
            throw new RuleViolationException("check.category.required", "category");
        }
        EnhancedCheck check = new EnhancedCheck(UUID.randomUUID(), operation.value(),
                flight == null ? null : flight.value(), place, category, CheckStatus.OPEN, catalogueVersion,
                agency.value(), officer.value(), now, null);
        check.describe(person, today);
        return check;
    }

    /** Replaces what is known of the person. */
    void describe(Person person, LocalDate today) {
        requireOpen();
        person.checkAgainst(today);
        name = person.name();
        nameNotGiven = person.nameNotGiven();
        age = person.age();
        dateOfBirth = person.dateOfBirth();
        under18 = person.under18();
        gender = person.gender();
        nationality = person.nationality() == null ? null : person.nationality().value();
        languages = person.languages().stream().map(language -> new SpokenLanguage(language.value()))
                .collect(Collectors.toCollection(HashSet::new));
        interpreterLanguage = person.interpreterLanguage() == null ? null : person.interpreterLanguage().value();
        interpreterMode = person.interpreterMode();
        travellingWith = person.travellingWith();
        travellingWithRelationship = person.travellingWithRelationship();
        finalDestination = person.finalDestination();
    }

    void categorise(PersonCategory next) {
        requireOpen();
        if (next == null) {
            throw new RuleViolationException("check.category.required", "category");
        }
        category = next;
    }

    /** Records an indicator from the catalogue, or changes its basis and note if already recorded. */
    void recordIndicator(Indicator indicator, IndicatorBasis basis, String note, UserId by, Instant now) {
        requireOpen();
        RecordedIndicator recorded = recorded(indicator, basis, note, by, now);
        indicators.removeIf(found -> found.indicatorCode().equals(indicator.code()));
        indicators.add(recorded);
    }

    /**
     * Makes the indicators exactly those chosen, each with its basis and note, all at once or none:
     * one left out is removed, and one chosen as it was recorded keeps who recorded it and when. An
     * indicator retired from the catalogue may stay on a check that recorded it, but is not added.
     *
     * @param catalogue every indicator of the catalogue, retired ones too, by code
     */
    void chooseIndicators(List<Checks.IndicatorEntry> chosen, Map<String, Indicator> catalogue, UserId by,
            Instant now) {
        requireOpen();
        Map<String, RecordedIndicator> before = indicators.stream()
                .collect(Collectors.toMap(RecordedIndicator::indicatorCode, Function.identity()));
        Map<String, RecordedIndicator> after = new HashMap<>();
        for (Checks.IndicatorEntry entry : chosen) {
            Indicator indicator = entry == null || entry.code() == null ? null : catalogue.get(entry.code());
            if (indicator == null || indicator.retired() && !before.containsKey(indicator.code())) {
                throw new RuleViolationException("check.indicator.unknown", "indicators");
            }
            RecordedIndicator recorded = recorded(indicator, entry.basis(), entry.note(), by, now);
            RecordedIndicator was = before.get(indicator.code());
            boolean unchanged = was != null && was.basis() == recorded.basis()
                    && Objects.equals(was.note(), recorded.note());
            after.put(indicator.code(), unchanged ? was : recorded);
        }
        indicators = new HashSet<>(after.values());
    }

    private static RecordedIndicator recorded(Indicator indicator, IndicatorBasis basis, String note, UserId by,
            Instant now) {
        if (basis == null) {
            throw new RuleViolationException("check.indicator.basis.required", "basis");
        }
        String tidy = PlainText.typed(note);
        PlainText.check(tidy, Checks.MAX_INDICATOR_NOTE, "check.indicator.note.tooLong", "note");
        return new RecordedIndicator(indicator.code(), basis, tidy, now, by.value());
    }

    void removeIndicator(String code) {
        requireOpen();
        indicators.removeIf(recorded -> recorded.indicatorCode().equals(code));
    }

    /**
     * The suspected forms of exploitation, the person's account and the officer's opinion. The
     * assessment (the suspected forms and the opinion) is the view of whoever last changed it:
     * that officer is recorded, and changing only the account leaves it theirs.
     */
    void recordAccount(Set<ExploitationType> types, String personsAccount, String officersOpinion, UserId by,
            Instant now) {
        requireOpen();
        String told = narrative(personsAccount, "account");
        String thought = narrative(officersOpinion, "opinion");
        Set<SuspectedType> suspected = (types == null ? Set.<ExploitationType>of() : types).stream()
                .map(SuspectedType::new).collect(Collectors.toCollection(HashSet::new));
        if (!suspected.equals(suspectedTypes) || !Objects.equals(thought, opinion)) {
            boolean none = suspected.isEmpty() && thought == null;
            assessedBy = none ? null : by.value();
            assessedAt = none ? null : now;
        }
        suspectedTypes = suspected;
        account = told;
        opinion = thought;
    }

    void giveAdvice(AdviceKind kind, Instant at, String note, UserId by, Instant now) {
        requireOpen();
        if (kind == null) {
            throw new RuleViolationException("check.advice.kind.required", "kind");
        }
        if (at.isAfter(now.plusSeconds(60)) || at.isBefore(startedAt.minusSeconds(24 * 3600))) {
            throw new RuleViolationException("check.advice.at.range", "at");
        }
        String tidy = PlainText.typed(note);
        PlainText.check(tidy, MAX_ADVICE_NOTE, "check.advice.note.tooLong", "note");
        if (kind == AdviceKind.OTHER && tidy == null) {
            throw new RuleViolationException("check.advice.note.requiredForOther", "note");
        }
        advice.add(new AdviceGiven(kind, at, tidy, by.value()));
    }

    /**
     * Closes the check with its outcomes. The law treats a child, or a person whose age is not
     * clear, as a child: their check cannot close without a child safeguarding referral and an
     * NRM referral (no consent is needed for a child). A note says whether it records facts or
     * the officer's assessment.
     */
    void close(Set<Outcome> chosen, String note, FactOrOpinion noteNature, UserId by, Instant now) {
        requireOpen();
        if (chosen == null || chosen.isEmpty()) {
            throw new RuleViolationException("check.outcome.required", "outcomes");
        }
        if (person().treatedAsChild() && !chosen.containsAll(
                EnumSet.of(Outcome.CHILD_SAFEGUARDING_REFERRAL, Outcome.NRM_REFERRAL))) {
            throw new UnprocessableException("check.outcome.childNeedsReferrals", "outcomes");
        }
        if (chosen.contains(Outcome.NO_FURTHER_ACTION) && chosen.stream().anyMatch(Outcome::isAction)) {
            throw new UnprocessableException("check.outcome.noFurtherActionContradicts", "outcomes");
        }
        if (chosen.containsAll(EnumSet.of(Outcome.NRM_REFERRAL, Outcome.DUTY_TO_NOTIFY))) {
            throw new UnprocessableException("check.outcome.nrmOrDutyToNotify", "outcomes");
        }
        if (chosen.contains(Outcome.NRM_REFERRAL) && name == null) {
            throw new UnprocessableException("check.outcome.referralNeedsName", "person.name");
        }
        if (chosen.contains(Outcome.DUTY_TO_NOTIFY) && (gender == null || nationality == null)) {
            throw new UnprocessableException("check.outcome.dutyToNotifyNeedsGenderAndNationality", "outcomes");
        }
        String tidy = PlainText.typed(note);
        if (tidy != null && tidy.length() > MAX_OUTCOME_NOTE) {
            throw new RuleViolationException("check.outcome.note.tooLong", "note");
        }
        if (tidy != null && noteNature == null) {
            throw new RuleViolationException("check.outcome.noteNature.required", "noteNature");
        }
        outcomes = chosen.stream().map(CheckOutcome::new).collect(Collectors.toCollection(HashSet::new));
        outcomeNote = tidy;
        outcomeNoteNature = tidy == null ? null : noteNature;
        status = CheckStatus.CLOSED;
        closedAt = now;
        closedBy = by.value();
    }

    /**
     * Corrects the outcome of a closed check for the reason given: an adult who declined the NRM
     * referral that the outcome said is the subject of a Duty to Notify instead. The rest of the
     * outcome and its note stay as the closing officer wrote them.
     */
    void correctOutcome(OutcomeCorrection why, UserId by, Instant now) {
        if (maskedAt != null) {
            throw new ConflictException("check.disposed", null);
        }
        if (status != CheckStatus.CLOSED) {
            throw new ConflictException("check.outcome.correction.open", null);
        }
        if (why == OutcomeCorrection.NRM_CONSENT_DECLINED) {
            if (person().treatedAsChild()) {
                throw new UnprocessableException("check.outcome.correction.child", "outcomes");
            }
            if (!outcomes().contains(Outcome.NRM_REFERRAL)) {
                throw new UnprocessableException("check.outcome.correction.noNrm", "outcomes");
            }
            outcomes.removeIf(outcome -> outcome.outcome() == Outcome.NRM_REFERRAL);
            outcomes.add(new CheckOutcome(Outcome.DUTY_TO_NOTIFY));
        }
        outcomeCorrection = why;
        outcomeCorrectedBy = by.value();
        outcomeCorrectedAt = now;
    }

    private void requireOpen() {
        if (maskedAt != null) {
            throw new ConflictException("check.disposed", null);
        }
        if (status == CheckStatus.CLOSED) {
            throw new ConflictException("check.closed", null);
        }
    }

    private static String narrative(String text, String field) {
        String tidy = PlainText.typed(text);
        if (tidy != null && tidy.length() > Checks.MAX_NARRATIVE) {
            throw new RuleViolationException("check." + field + ".tooLong", field);
        }
        if (tidy != null && tidy.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t')) {
            throw new RuleViolationException("text.controlCharacters", field);
        }
        return tidy;
    }

    Person person() {
        return new Person(name, nameNotGiven, age, dateOfBirth, under18, gender,
                nationality == null ? null : new CountryCode(nationality),
                languages.stream().map(language -> new LanguageCode(language.language())).collect(Collectors.toSet()),
                interpreterLanguage == null ? null : new LanguageCode(interpreterLanguage), interpreterMode,
                travellingWith, travellingWithRelationship, finalDestination);
    }

    UUID id() {
        return id;
    }

    OperationId operationId() {
        return new OperationId(operationId);
    }

    FlightId flightId() {
        return flightId == null ? null : new FlightId(flightId);
    }

    String location() {
        return location;
    }

    PersonCategory category() {
        return category;
    }

    CheckStatus status() {
        return status;
    }

    int catalogueVersion() {
        return catalogueVersion;
    }

    AgencyId agencyId() {
        return new AgencyId(agencyId);
    }

    UUID startedBy() {
        return startedBy;
    }

    Instant startedAt() {
        return startedAt;
    }

    Set<ExploitationType> suspectedTypes() {
        return suspectedTypes.stream().map(SuspectedType::exploitationType)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ExploitationType.class)));
    }

    String account() {
        return account;
    }

    String opinion() {
        return opinion;
    }

    Set<RecordedIndicator> indicators() {
        return Set.copyOf(indicators);
    }

    List<AdviceGiven> advice() {
        return List.copyOf(advice);
    }

    Set<Outcome> outcomes() {
        return outcomes.stream().map(CheckOutcome::outcome)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Outcome.class)));
    }

    String outcomeNote() {
        return outcomeNote;
    }

    FactOrOpinion outcomeNoteNature() {
        return outcomeNoteNature;
    }

    UUID assessedBy() {
        return assessedBy;
    }

    Instant assessedAt() {
        return assessedAt;
    }

    UUID closedBy() {
        return closedBy;
    }

    Instant closedAt() {
        return closedAt;
    }

    OutcomeCorrection outcomeCorrection() {
        return outcomeCorrection;
    }

    UUID outcomeCorrectedBy() {
        return outcomeCorrectedBy;
    }

    Instant outcomeCorrectedAt() {
        return outcomeCorrectedAt;
    }

    /** When the check was disposed of (its personal details replaced by a marker), or null. */
    Instant maskedAt() {
        return maskedAt;
    }

    boolean erased() {
        return erasedAt != null;
    }

    @Table("check_language")
    record SpokenLanguage(String language) {
    }

    @Table("check_exploitation_type")
    record SuspectedType(ExploitationType exploitationType) {
    }

    @Table("check_indicator")
    record RecordedIndicator(String indicatorCode, IndicatorBasis basis, String note, Instant recordedAt,
            UUID recordedBy) {
    }

    @Table("check_advice")
    record AdviceGiven(AdviceKind kind, Instant givenAt, String note, UUID recordedBy) {
    }

    @Table("check_outcome")
    record CheckOutcome(Outcome outcome) {
    }
}
