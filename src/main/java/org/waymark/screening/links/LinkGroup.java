package org.waymark.screening.links;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Bookings joined, directly or through others, by what they share, with everyone on them.
 *
 * @param id the same group while its first booking (by locator) stays in it; a hit names it
 * @param bookings the locators of its bookings, in order
 * @param members the passengers on its bookings, one for each flight they take
 * @param links why the bookings are joined: each link names two bookings and what they share
 * @param people how many different people (by their person key) are in it
 * @param flagged whether it has more people than the operation's flag size
 */
public record LinkGroup(UUID id, List<String> bookings, List<Member> members, List<Link> links, int people,
        boolean flagged) {

    /**
     * A passenger on one of the group's bookings, on one flight.
     *
     * @param travellerId the traveller's row in the passenger data, which a later message replaces
     * @param personKey who they are across messages (see the screened passenger)
     * @param flightId the passenger data's flight
     */
    public record Member(UUID travellerId, String personKey, String name, UUID flightId, String flightNumber,
            LocalDate day, Instant departure, String seat, UUID bookingId, String locator) {
    }

    /**
     * Two bookings that share a value.
     *
     * @param a the locator of one booking
     * @param b the locator of the other
     * @param value what they share, as it may be shown: a phone partly hidden, a card not at all (null)
     */
    public record Link(String a, String b, LinkKind kind, String value) {
    }

    /** The kinds of link in the group, in the order of {@link LinkKind}. */
    public Set<LinkKind> kinds() {
        Set<LinkKind> kinds = new LinkedHashSet<>();
        for (LinkKind kind : LinkKind.values()) {
            if (links.stream().anyMatch(link -> link.kind() == kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
