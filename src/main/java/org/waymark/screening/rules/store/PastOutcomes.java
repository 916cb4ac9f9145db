package org.waymark.screening.rules.store;

import java.util.Collection;
import java.util.Map;

/**
 * What became of people after earlier hits, as the review of hits recorded it: by person key,
 * the latest outcome's code (ASKED, SPOKE_WITH, CHECK_STARTED, NOT_FOUND, NO_CONCERN,
 * REFERRED_ELSEWHERE). A back-test measures a rule's precision by it. Where no bean gives it, a
 * back-test says that no outcomes are known.
 */
public interface PastOutcomes {

    /** The people's outcomes; a person with none is left out. */
    Map<String, String> forPeople(Collection<String> personKeys);
}
