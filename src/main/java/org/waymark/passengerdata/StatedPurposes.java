package org.waymark.passengerdata;

import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * The purposes a person stated in this web session, for as long as each lasts (see ADR 0040):
 * one for each flight, which covers its passenger list, travellers and bookings; and one for each
 * operation, which covers its screening (the review queue, its hits and its linked bookings).
 */
public final class StatedPurposes {

    /** What a purpose was stated for. */
    public enum Scope {
        FLIGHT, OPERATION
    }

    static final String ATTRIBUTE = StatedPurposes.class.getName();

    private StatedPurposes() {
    }

    /** The purpose stated for the flight or operation that still lasts now, if any; one that has run out is forgotten. */
    public static Optional<Purpose> stated(HttpSession session, Scope scope, UUID id, Instant now) {
        HashMap<String, Purpose> stated = stated(session, false);
        String key = scope + " " + id;
        Purpose purpose = stated == null ? null : stated.get(key);
        if (purpose != null && !purpose.lastsAt(now)) {
            stated.remove(key);
            session.setAttribute(ATTRIBUTE, stated);
            return Optional.empty();
        }
        return Optional.ofNullable(purpose);
    }

    public static void state(HttpSession session, Scope scope, UUID id, Purpose purpose) {
        HashMap<String, Purpose> stated = stated(session, true);
        stated.put(scope + " " + id, purpose);
        // set again, so that a session kept in the database writes the change
        session.setAttribute(ATTRIBUTE, stated);
    }

    @SuppressWarnings("unchecked")
    private static HashMap<String, Purpose> stated(HttpSession session, boolean make) {
        Object stated = session.getAttribute(ATTRIBUTE);
        if (stated instanceof HashMap<?, ?> map) {
            return (HashMap<String, Purpose>) map;
        }
        return make ? new HashMap<>() : null;
    }
}
