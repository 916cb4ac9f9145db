package org.waymark.flight;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.waymark.identity.WaymarkUser;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/**
 * The passengers a reviewer asked the officers of a flight to speak with: the screening module
 * knows. Only a person's decision makes a request; it holds only what officers need to find the
 * passenger, and each one shown is logged as a read of their data.
 */
public interface AskedToSpeakWith {

    /** The most characters of an officer's note on what came of a request. */
    int MAX_NOTE = 200;

    /**
     * A request to speak with a passenger.
     *
     * @param why why, in neutral words: never the suspicion that found them
     * @param result SPOKE_WITH, CHECK_STARTED or NOT_FOUND; null until an officer records it
     */
    record PassengerRequest(UUID id, String name, String seat, String description, String why, Instant askedAt,
            String result, Instant resultAt) {
    }

    /**
     * The flight's requests the user may see (the officers assigned to the flight and the
     * coordinators of the agency that leads the operation), oldest first; none for anyone else.
     * Those shown are logged.
     */
    List<PassengerRequest> shownTo(OperationId operation, FlightView flight, WaymarkUser user);

    /** How many requests wait for a result on each flight of the operation: counts only. */
    Map<FlightId, Integer> waitingByFlight(OperationId operation);
}
