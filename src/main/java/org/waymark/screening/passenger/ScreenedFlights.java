package org.waymark.screening.passenger;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;
import org.waymark.passengerdata.PassengersForScreening;
import org.waymark.shared.OperationId;

/** Reads the passenger data's flights for screening, one flight at a time. */
@Component
@RequiredArgsConstructor
public class ScreenedFlights {

    /** A flight that left less than this long ago may not have landed yet: it counts as still to come. */
    public static final Duration STILL_TO_COME = Duration.ofHours(12);

    private final PassengersForScreening passengerData;

    /** The flight and its passengers, while the passenger data keeps it. */
    public Optional<ScreenedFlight> flight(UUID id) {
        return passengerData.flight(id).map(ScreenedFlight::of);
    }

    /** The flights leaving between these days (local at their origin), both included. */
    public List<UUID> leaving(LocalDate from, LocalDate to) {
        return passengerData.flightsLeaving(from, to);
    }

    /** The operation's flights with passenger data leaving between these days (local at their origin), both included. */
    public List<UUID> ofOperation(OperationId operation, LocalDate from, LocalDate to) {
        return passengerData.flightsOfOperation(operation, from, to);
    }
}
