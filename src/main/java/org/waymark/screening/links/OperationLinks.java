package org.waymark.screening.links;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.WaymarkUser;
import org.waymark.passengerdata.PassengerData;
import org.waymark.passengerdata.Purpose;
import org.waymark.screening.passenger.ScreenedFlight;
import org.waymark.screening.passenger.ScreenedFlights;
import org.waymark.shared.OperationId;

/**
 * The linked bookings of an operation's flights over a window of days, for a person with the
 * passenger data role who stated a purpose: every traveller named is logged with it.
 */
@Service
@RequiredArgsConstructor
public class OperationLinks {

    /** The most days one look at an operation's links may take. */
    public static final int MOST_DAYS = 14;

    private final ScreenedFlights flights;
    private final BookingLinks links;
    private final LinkSettings settings;
    private final ApplicationEventPublisher events;

    /**
     * What the page shows.
     *
     * @param flights how many of the operation's flights with passenger data the window holds
     */
    public record Shown(int flights, int flagSize, List<LinkGroup> groups, List<BookingLinks.TooCommon> tooCommon) {
    }

    /** The groups of the operation's flights leaving between these days; the read is logged with the purpose. */
    @Transactional
    public Shown show(OperationId operation, LocalDate from, LocalDate to, Purpose purpose, WaymarkUser user) {
        if (!PassengerData.mayReadPassengers(user)) {
            throw new AccessDeniedException("linked bookings are seen only by those with the passenger data role");
        }
        if (to.isBefore(from) || to.isAfter(from.plusDays(MOST_DAYS - 1))) {
            throw new IllegalArgumentException("a window of 1 to " + MOST_DAYS + " days");
        }
        List<ScreenedFlight> screened = flights.ofOperation(operation, from, to).stream().map(flights::flight)
                .flatMap(Optional::stream).toList();
        int flagSize = settings.flagSize(operation);
        BookingLinks.Found found = links.find(screened, flagSize);
        Set<UUID> shown = new LinkedHashSet<>();
        found.groups().forEach(group -> group.members().forEach(member -> shown.add(member.travellerId())));
        if (!shown.isEmpty()) {
            events.publishEvent(new LinkedBookingsRead(List.copyOf(shown), purpose.detail(), user.actor()));
        }
        return new Shown(screened.size(), flagSize, found.groups(), found.tooCommon());
    }
}
