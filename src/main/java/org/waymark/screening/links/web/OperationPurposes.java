package org.waymark.screening.links.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;

import org.waymark.passengerdata.Purpose;

import jakarta.servlet.http.HttpSession;

/**
 * The purposes a person stated in this web session for looking at an operation's screening, one
 * for each operation, for as long as each lasts (see ADR 0040): a purpose covers the operation's
 * linked bookings and nothing else.
 */
final class OperationPurposes {

    static final String ATTRIBUTE = OperationPurposes.class.getName();

    private OperationPurposes() {
    }

    /** The purpose stated for the operation that still lasts now, if any; one that has run out is forgotten. */
    static Optional<Purpose> forOperation(HttpSession session, UUID operation, Instant now) {
        HashMap<UUID, Purpose> stated = stated(session, false);
        Purpose purpose = stated == null ? null : stated.get(operation);
        if (purpose != null && !purpose.lastsAt(now)) {
            stated.remove(operation);
            session.setAttribute(ATTRIBUTE, stated);
            return Optional.empty();
        }
        return Optional.ofNullable(purpose);
    }

    static void state(HttpSession session, UUID operation, Purpose purpose) {
        HashMap<UUID, Purpose> stated = stated(session, true);
        stated.put(operation, purpose);
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
