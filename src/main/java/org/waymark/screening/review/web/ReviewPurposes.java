package org.waymark.screening.review.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;

import org.waymark.passengerdata.Purpose;

import jakarta.servlet.http.HttpSession;

/**
 * The purposes a reviewer stated in this web session, one for each operation's queue, for as
 * long as each lasts: a purpose covers the operation's queue and its hits, and nothing else.
 */
final class ReviewPurposes {

    static final String ATTRIBUTE = ReviewPurposes.class.getName();

    private ReviewPurposes() {
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
