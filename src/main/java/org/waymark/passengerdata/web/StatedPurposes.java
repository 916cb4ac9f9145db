package org.waymark.passengerdata.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;

import org.waymark.passengerdata.Purpose;

import jakarta.servlet.http.HttpSession;

/**
 * The purposes a person stated in this web session, one for each flight, for as long as each
 * lasts (see ADR 0040): a purpose covers its flight's passenger list, its travellers and its
 * bookings, and nothing else.
 */
final class StatedPurposes {

    static final String ATTRIBUTE = StatedPurposes.class.getName();

    private StatedPurposes() {
    }

    /** The purpose stated for the flight that still lasts now, if any; one that has run out is forgotten. */
    static Optional<Purpose> forFlight(HttpSession session, UUID flight, Instant now) {
        HashMap<UUID, Purpose> stated = stated(session, false);
        Purpose purpose = stated == null ? null : stated.get(flight);
        if (purpose != null && !purpose.lastsAt(now)) {
            stated.remove(flight);
            session.setAttribute(ATTRIBUTE, stated);
            return Optional.empty();
        }
        return Optional.ofNullable(purpose);
    }

    static void state(HttpSession session, UUID flight, Purpose purpose) {
        HashMap<UUID, Purpose> stated = stated(session, true);
        stated.put(flight, purpose);
        // set again, so that a session kept in the database writes the change
        session.setAttribute(ATTRIBUTE, stated);
    }

    @SuppressWarnings("unchecked")
    private static HashMap<UUID, Purpose> stated(HttpSession session, boolean make) {
        Object stated = session.getAttribute(ATTRIBUTE);
        if (stated instanceof HashMap<?, ?> map) {
            return (HashMap<UUID, Purpose>) map;
        }
        return make ? new HashMap<>() : null;
    }
}
