package org.waymark.shared;

/** Who did something: the signed-in user and the agency they act for. */
public record Actor(UserId userId, AgencyId agencyId) implements java.io.Serializable {
}
