package org.waymark.safeguarding;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.waymark.flight.FlightView;
import org.waymark.shared.OperationId;

/**
 * What a navigator, SARC worker or interpreter needs for the visit, and no more: who to ask for,
 * in which languages, where and when, and their agency's requests. Never the indicators, the
 * person's account or the officer's opinion. {@code disposedAt} says when its retention period
 * ended and the person's details were replaced by a marker.
 */
public record PartnerCheckView(UUID id, OperationId operationId, String operationName, String port,
        FlightView flight, String location, Instant startedAt, String name, boolean nameNotGiven,
        Set<String> languages, String interpreterLanguage, List<SupportRequestView> supportRequests, Instant disposedAt)
        implements ShownCheck {

    public String view() {
        return "PARTNER";
    }
}
