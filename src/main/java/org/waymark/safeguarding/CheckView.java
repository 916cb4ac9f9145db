package org.waymark.safeguarding;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.waymark.flight.FlightView;
import org.waymark.operation.ExploitationType;
import org.waymark.shared.AgencyId;
import org.waymark.shared.OperationId;

/**
 * The whole check, for the officers and coordinators of the first-responder agencies taking part.
 * Facts (the person, indicators with their basis, the person's account) and the officer's
 * opinion are kept in separate fields.
 *
 * @param flight the flight it was started from, or {@code null} for a place ({@code location})
 * @param editable whether the check is open, so its parts may still change
 */
public record CheckView(UUID id, OperationId operationId, FlightView flight, String location,
        PersonCategory category, CheckStatus status, int catalogueVersion, AgencyId agencyId, Instant startedAt,
        Person person, List<RecordedIndicator> indicators, Set<ExploitationType> suspectedTypes, String account,
        String opinion, List<Advice> advice, List<SupportRequestView> supportRequests, Set<Outcome> outcomes,
        String outcomeNote, Instant closedAt, boolean editable) implements ShownCheck {

    public String view() {
        return "FULL";
    }

    /** An indicator recorded on the check, retired from the catalogue since or not. */
    public record RecordedIndicator(Indicator indicator, IndicatorBasis basis, String note, Instant recordedAt) {
    }

    public record Advice(AdviceKind kind, Instant givenAt, String note) {
    }
}
