package org.waymark.safeguarding.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.waymark.operation.ExploitationType;
import org.waymark.safeguarding.CheckStatus;
import org.waymark.safeguarding.CheckSummary;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.FactOrOpinion;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.Indicator;
import org.waymark.safeguarding.IndicatorGroup;
import org.waymark.safeguarding.InterpreterMode;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.OutcomeCorrection;
import org.waymark.safeguarding.PartnerCheckView;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.SupportKind;
import org.waymark.safeguarding.SupportRequestView;
import org.waymark.safeguarding.SupportStatus;
import org.waymark.safeguarding.Under18;

/** The JSON shapes of checks, support requests and indicators, with codes and ids as plain text. */
final class CheckJson {

    private CheckJson() {
    }

    /** The person as sent and as answered; every field but {@code under18} may be left out. */
    record PersonBody(String name, Boolean nameNotGiven, Integer age, LocalDate dateOfBirth, Under18 under18,
            Gender gender, String nationality, Set<String> languages, String interpreterLanguage,
            InterpreterMode interpreterMode, Integer travellingWith, String travellingWithRelationship,
            String finalDestination) {

        Person person() {
            return Person.typed(name, Boolean.TRUE.equals(nameNotGiven), age, dateOfBirth, under18, gender,
                    nationality, languages, interpreterLanguage, interpreterMode, travellingWith,
                    travellingWithRelationship, finalDestination);
        }

        static PersonBody of(Person p) {
            return new PersonBody(p.name(), p.nameNotGiven(), p.age(), p.dateOfBirth(), p.under18(), p.gender(),
                    p.nationality() == null ? null : p.nationality().value(), p.languageCodes(),
                    p.interpreterLanguage() == null ? null : p.interpreterLanguage().value(), p.interpreterMode(),
                    p.travellingWith(), p.travellingWithRelationship(), p.finalDestination());
        }
    }

    record IndicatorJson(String code, IndicatorGroup group, String exploitationType, String text, int addedIn,
            Integer retiredIn, boolean retired) {
        static IndicatorJson of(Indicator i) {
            return new IndicatorJson(i.code(), i.group(), i.exploitationType(), i.text(), i.addedIn(),
                    i.retiredIn(), i.retired());
        }
    }

    record RecordedIndicatorJson(String code, IndicatorGroup group, String text, boolean retired,
            org.waymark.safeguarding.IndicatorBasis basis, String note, Instant recordedAt) {
    }

    record AdviceJson(org.waymark.safeguarding.AdviceKind kind, Instant givenAt, String note) {
    }

    /**
     * A support request. {@code requestedBy}, {@code requesterName} and {@code requesterPhone} say
     * who asked and how to call them; {@code meetingPoint} where they wait; {@code expectedArrival}
     * when the partner said they will arrive; {@code declinedAt} and {@code declineReason} why a
     * declined request was. Response times leave out who asked, where and why.
     */
    record SupportRequestJson(UUID id, UUID checkId, UUID operationId, UUID agencyId, String agencyName,
            SupportKind kind, SupportStatus status, Instant requestedAt, Instant acknowledgedAt, Instant arrivedAt,
            Instant endedAt, Long secondsToAcknowledge, Long secondsToArrive, UUID requestedBy, String requesterName,
            String requesterPhone, String meetingPoint, Instant expectedArrival, Instant declinedAt,
            String declineReason) {
        static SupportRequestJson of(SupportRequestView r) {
            SupportRequestView.Requester by = r.requester();
            return new SupportRequestJson(r.id(), r.checkId(), r.operationId().value(), r.agencyId().value(),
                    r.agencyName(), r.kind(), r.status(), r.requestedAt(), r.acknowledgedAt(), r.arrivedAt(),
                    r.endedAt(), r.toAcknowledge() == null ? null : r.toAcknowledge().toSeconds(),
                    r.toArrive() == null ? null : r.toArrive().toSeconds(), by == null ? null : by.id().value(),
                    by == null ? null : by.name(), by == null ? null : by.phone(), r.meetingPoint(),
                    r.expectedArrival(), r.declinedAt(), r.declineReason());
        }
    }

    /** An officer who wrote part of a check; {@code name} is null if their account is gone. */
    record AuthorJson(UUID id, String name, String agencyName) {
        static AuthorJson of(CheckView.Author author) {
            return author == null ? null : new AuthorJson(author.id().value(), author.name(), author.agencyName());
        }
    }

    /**
     * The whole check: facts (person, indicators, account, advice, outcomes) and assessments
     * (suspected exploitation, the officer's opinion) apart. {@code natures} says which each
     * part is; {@code assessedBy} whose the assessment is; {@code outcomeNoteNature} what the
     * note records, with {@code closedBy} its writer; {@code outcomeCorrection} how the outcome
     * was corrected after the check closed, if it was.
     */
    record CheckJsonFull(UUID id, String view, UUID operationId, UUID flightId, String flightNumber,
            String location, PersonCategory category, CheckStatus status, int catalogueVersion, UUID agencyId,
            Instant startedAt, PersonBody person, List<RecordedIndicatorJson> indicators,
            Set<ExploitationType> suspectedTypes, String account, String opinion, List<AdviceJson> advice,
            List<SupportRequestJson> supportRequests, Set<Outcome> outcomes, String outcomeNote,
            Instant closedAt, Map<String, FactOrOpinion> natures, FactOrOpinion outcomeNoteNature,
            AuthorJson assessedBy, Instant assessedAt, AuthorJson closedBy, Instant disposedAt,
            CorrectionJson outcomeCorrection) {
        static CheckJsonFull of(CheckView c) {
            return new CheckJsonFull(c.id(), c.view(), c.operationId().value(),
                    c.flight() == null ? null : c.flight().id().value(),
                    c.flight() == null ? null : c.flight().flightNumber(), c.location(), c.category(), c.status(),
                    c.catalogueVersion(), c.agencyId().value(), c.startedAt(), PersonBody.of(c.person()),
                    c.indicators().stream().map(i -> new RecordedIndicatorJson(i.indicator().code(),
                            i.indicator().group(), i.indicator().text(), i.indicator().retired(), i.basis(),
                            i.note(), i.recordedAt())).toList(),
                    c.suspectedTypes(), c.account(), c.opinion(),
                    c.advice().stream().map(a -> new AdviceJson(a.kind(), a.givenAt(), a.note())).toList(),
                    c.supportRequests().stream().map(SupportRequestJson::of).toList(), c.outcomes(),
                    c.outcomeNote(), c.closedAt(), c.natures(), c.outcomeNoteNature(), AuthorJson.of(c.assessedBy()),
                    c.assessedAt(), AuthorJson.of(c.closedBy()), c.disposedAt(),
                    CorrectionJson.of(c.outcomeCorrection()));
        }
    }

    /** A correction of a closed check's outcome: why, by whom and when. */
    record CorrectionJson(OutcomeCorrection why, AuthorJson by, Instant at) {
        static CorrectionJson of(CheckView.Correction correction) {
            return correction == null ? null
                    : new CorrectionJson(correction.why(), AuthorJson.of(correction.by()), correction.at());
        }
    }

    /** What a partner's visit needs: never indicators, account or opinion. */
    record CheckJsonPartner(UUID id, String view, UUID operationId, String operationName, String port,
            UUID flightId, String flightNumber, String location, Instant startedAt, String name,
            boolean nameNotGiven, Set<String> languages, String interpreterLanguage,
            List<SupportRequestJson> supportRequests, Instant disposedAt) {
        static CheckJsonPartner of(PartnerCheckView c) {
            return new CheckJsonPartner(c.id(), c.view(), c.operationId().value(), c.operationName(), c.port(),
                    c.flight() == null ? null : c.flight().id().value(),
                    c.flight() == null ? null : c.flight().flightNumber(), c.location(), c.startedAt(), c.name(),
                    c.nameNotGiven(), c.languages(), c.interpreterLanguage(),
                    c.supportRequests().stream().map(SupportRequestJson::of).toList(), c.disposedAt());
        }
    }

    record CheckSummaryJson(UUID id, Instant startedAt, UUID flightId, String flightNumber, String location,
            PersonCategory category, CheckStatus status, int indicators, int supportRequests,
            Set<Outcome> outcomes) {
        static CheckSummaryJson of(CheckSummary c) {
            return new CheckSummaryJson(c.id(), c.startedAt(), c.flight() == null ? null : c.flight().id().value(),
                    c.flight() == null ? null : c.flight().flightNumber(), c.location(), c.category(), c.status(),
                    c.indicators(), c.supportRequests(), c.outcomes());
        }
    }
}
