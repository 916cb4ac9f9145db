package org.waymark.safeguarding;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.waymark.flight.FlightView;
import org.waymark.operation.ExploitationType;
import org.waymark.shared.AgencyId;
import org.waymark.shared.OperationId;
import org.waymark.shared.UserId;

/**
 * The whole check, for the officers and coordinators of the first-responder agencies taking part.
 * Facts (the person, indicators with their basis, the person's account, the advice given, the
 * support asked for and the outcomes) and assessments (the suspected exploitation and the
 * officer's opinion, with whose they are) are kept in separate fields; {@link #natures} says
 * which is which.
 *
 * @param flight the flight it was started from, or {@code null} for a place ({@code location})
 * @param outcomeNoteNature whether the outcome note records facts or the closing officer's
 *        assessment; {@code null} without a note
 * @param assessedBy who last changed the assessment; {@code null} when there is none, or when
 *        it was recorded before Waymark kept who made it
 * @param closedBy who closed the check, and so wrote the outcome note
 * @param editable whether the check is open, so its parts may still change
 * @param disposedAt when its retention period ended and its personal details were replaced by
 *        a marker, or {@code null}
 * @param outcomeCorrection how the outcome was corrected after the check closed, or {@code null}
 */
public record CheckView(UUID id, OperationId operationId, FlightView flight, String location,
        PersonCategory category, CheckStatus status, int catalogueVersion, AgencyId agencyId, Instant startedAt,
        Person person, List<RecordedIndicator> indicators, Set<ExploitationType> suspectedTypes, String account,
        String opinion, List<Advice> advice, List<SupportRequestView> supportRequests, Set<Outcome> outcomes,
        String outcomeNote, Instant closedAt, boolean editable, FactOrOpinion outcomeNoteNature, Author assessedBy,
        Instant assessedAt, Author closedBy, Instant disposedAt, Correction outcomeCorrection) implements ShownCheck {

    public String view() {
        return "FULL";
    }

    /**
     * Each part of the check, by its name in the API, with whether it is fact or opinion: by its
     * nature, except the outcome note, which its writer marks (and which is left out when there
     * is none).
     */
    public Map<String, FactOrOpinion> natures() {
        Map<String, FactOrOpinion> natures = new LinkedHashMap<>();
        natures.put("person", FactOrOpinion.FACT);
        natures.put("indicators", FactOrOpinion.FACT);
        natures.put("account", FactOrOpinion.FACT);
        natures.put("advice", FactOrOpinion.FACT);
        natures.put("supportRequests", FactOrOpinion.FACT);
        natures.put("outcomes", FactOrOpinion.FACT);
        natures.put("suspectedTypes", FactOrOpinion.OPINION);
        natures.put("opinion", FactOrOpinion.OPINION);
        if (outcomeNote != null) {
            natures.put("outcomeNote", outcomeNoteNature);
        }
        return natures;
    }

    /** An indicator recorded on the check, retired from the catalogue since or not. */
    public record RecordedIndicator(Indicator indicator, IndicatorBasis basis, String note, Instant recordedAt) {
    }

    public record Advice(AdviceKind kind, Instant givenAt, String note) {
    }

    /** A correction of the outcome after the check closed: why, by whom ({@code null} if unknown) and when. */
    public record Correction(OutcomeCorrection why, Author by, Instant at) {
    }

    /**
     * An officer who wrote part of the check, with their agency, as their account reads now; the
     * name is {@code null} if the account no longer exists.
     */
    public record Author(UserId id, String name, String agencyName) {
    }
}
