package org.waymark.identity;

import org.waymark.shared.AgencyId;

/** What other modules and pages need to know of an agency. */
public record AgencySummary(AgencyId id, String name, AgencyType type, boolean firstResponder) {
}
