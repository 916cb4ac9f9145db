package org.waymark.screening.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.passengerdata.PassengerData.Contact;
import org.waymark.passengerdata.PassengersForScreening.BookedName;
import org.waymark.passengerdata.PassengersForScreening.FlightPassengers;
import org.waymark.passengerdata.PassengersForScreening.Passenger;
import org.waymark.passengerdata.PassengersForScreening.PassengerBooking;
import org.waymark.screening.passenger.ScreenedFlight;
import org.waymark.shared.Disposal;

class BookingLinksTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 10);

    final BookingLinks links = new BookingLinks();

    @Test
    void bookingsChainedBySharedValuesAcrossFlightsAndDaysAreOneGroupWithTheReasonForEachLink() {
        ScreenedFlight monday = flight("1234", DAY, false,
                booking("AAA111").people("IVANOVA MARIA").phone("+447700900123"));
        ScreenedFlight tuesday = flight("5678", DAY.plusDays(1), false,
                booking("BBB222").people("DIMOVA ELENA").phone("+447700900123").email("jobs@example.com"));
        ScreenedFlight friday = flight("9012", DAY.plusDays(4), false,
                booking("CCC333").people("KOLEVA ANA").email("jobs@example.com"),
                booking("DDD444").people("PETROV GEORGI").phone("+359888000111"));

        List<LinkGroup> groups = links.groups(List.of(monday, tuesday, friday), 4);

        assertThat(groups).hasSize(1);
        LinkGroup group = groups.get(0);
        assertThat(group.bookings()).containsExactly("AAA111", "BBB222", "CCC333");
        assertThat(group.members()).extracting(LinkGroup.Member::name)
                .containsExactly("IVANOVA, MARIA", "DIMOVA, ELENA", "KOLEVA, ANA");
        assertThat(group.members()).extracting(LinkGroup.Member::flightNumber)
                .containsExactly("FB1234", "FB5678", "FB9012");
        assertThat(group.members()).extracting(LinkGroup.Member::day)
                .containsExactly(DAY, DAY.plusDays(1), DAY.plusDays(4));
        assertThat(group.links()).containsExactly(
                new LinkGroup.Link("AAA111", "BBB222", LinkKind.PHONE, "+44 7•••• 123"),
                new LinkGroup.Link("BBB222", "CCC333", LinkKind.EMAIL, "jobs@example.com"));
        assertThat(group.people()).isEqualTo(3);
        assertThat(group.flagged()).isFalse();
    }

    @Test
    void peopleOnOneBookingAreNotLinkedToEachOtherNorIsABookingToItselfOnItsReturnFlight() {
        ScreenedFlight out = flight("1234", DAY, false,
                booking("AAA111").people("IVANOVA MARIA", "IVANOVA ELENA", "PETROV GEORGI").phone("+447700900123"));
        ScreenedFlight back = flight("1235", DAY.plusDays(3), false,
                booking("AAA111").people("IVANOVA MARIA", "IVANOVA ELENA", "PETROV GEORGI").phone("+447700900123"));

        assertThat(links.groups(List.of(out, back), 1)).isEmpty();
    }

    @Test
    void eachKindOfSharedValueLinksTwoBookings() {
        assertThat(linkOf(b -> b.phone("+447700900123"))).isEqualTo(new LinkGroup.Link("AAA111", "BBB222",
                LinkKind.PHONE, "+44 7•••• 123"));
        assertThat(linkOf(b -> b.email("jobs@example.com"))).isEqualTo(new LinkGroup.Link("AAA111", "BBB222",
                LinkKind.EMAIL, "jobs@example.com"));
        assertThat(linkOf(b -> b.address("UL. VITOSHA 1 SOFIA"))).isEqualTo(new LinkGroup.Link("AAA111", "BBB222",
                LinkKind.ADDRESS, "UL. VITOSHA 1 SOFIA"));
        assertThat(linkOf(b -> b.card("c0ffee"))).as("the card is never shown, not even its hash")
                .isEqualTo(new LinkGroup.Link("AAA111", "BBB222", LinkKind.CARD, null));
        assertThat(linkOf(b -> b.agency("Sofia Travel 123"))).isEqualTo(new LinkGroup.Link("AAA111", "BBB222",
                LinkKind.AGENCY, "Sofia Travel 123"));

        // A payer's name however it was written: order, case, accents.
        ScreenedFlight flight = flight("1234", DAY, false,
                booking("AAA111").people("IVANOVA MARIA").payer("Georgi Petrov"),
                booking("BBB222").people("DIMOVA ELENA").payer("PETROV GEORGÍ"),
                booking("CCC333").people("KOLEVA ANA").payer("Georgi Petrova"));
        List<LinkGroup> groups = links.groups(List.of(flight), 4);
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).links()).containsExactly(new LinkGroup.Link("AAA111", "BBB222", LinkKind.PAYER,
                "Georgi Petrov"));
    }

    @Test
    void aValueSharedByMoreBookingsThanMayLinkLinksNobodyAndIsReportedAsTooCommon() {
        List<Booking> many = new ArrayList<>();
        for (int i = 0; i <= BookingLinks.MOST_SHARING; i++) {
            many.add(booking("CC%04d".formatted(i)).people("PERSON%d ANNA".formatted(i)).email("bookings@callcentre.example")
                    .phone("+4420700000" + (i < 2 ? "00" : String.format("%02d", i))));
        }
        BookingLinks.Found found = links.find(List.of(flight("1234", DAY, false, many.toArray(Booking[]::new))), 4);

        assertThat(found.tooCommon()).containsExactly(new BookingLinks.TooCommon(LinkKind.EMAIL,
                "bookings@callcentre.example", BookingLinks.MOST_SHARING + 1));
        assertThat(found.groups()).as("only the two that share a phone").hasSize(1);
        assertThat(found.groups().get(0).bookings()).containsExactly("CC0000", "CC0001");
        assertThat(found.groups().get(0).kinds()).containsExactly(LinkKind.PHONE);

        // One fewer sharing it: all of them, one group.
        BookingLinks.Found fewer = links.find(List.of(flight("1234", DAY, false,
                many.subList(1, many.size()).toArray(Booking[]::new))), 4);
        assertThat(fewer.tooCommon()).isEmpty();
        assertThat(fewer.groups()).hasSize(1);
        assertThat(fewer.groups().get(0).bookings()).hasSize(BookingLinks.MOST_SHARING);
    }

    @Test
    void anAgencyLinksOnlyTheFewBookingsOfAVerySmallOne() {
        List<Booking> small = new ArrayList<>();
        for (int i = 0; i < BookingLinks.MOST_SHARING_AGENCY; i++) {
            small.add(booking("AG%04d".formatted(i)).people("PERSON%d ANNA".formatted(i)).agency("Tiny Tours"));
        }
        List<LinkGroup> groups = links.groups(List.of(flight("1234", DAY, false, small.toArray(Booking[]::new))), 4);
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).kinds()).containsExactly(LinkKind.AGENCY);

        small.add(booking("AG9999").people("SOMEONE ELSE").agency("TINY TOURS"));
        BookingLinks.Found found = links.find(List.of(flight("1234", DAY, false, small.toArray(Booking[]::new))), 4);
        assertThat(found.groups()).isEmpty();
        assertThat(found.tooCommon()).containsExactly(new BookingLinks.TooCommon(LinkKind.AGENCY, "Tiny Tours",
                BookingLinks.MOST_SHARING_AGENCY + 1));
    }

    @Test
    void maskedDataGivesNoLinks() {
        ScreenedFlight masked = flight("1234", DAY, true,
                booking("AAA111").people("IVANOVA MARIA").agency("Sofia Travel 123"),
                booking("BBB222").people("DIMOVA ELENA").agency("Sofia Travel 123"));
        assertThat(links.groups(List.of(masked), 1)).as("a masked flight, though its agency stays").isEmpty();

        ScreenedFlight markers = flight("1234", DAY, false,
                booking("AAA111").people("IVANOVA MARIA").phone(Disposal.MARKER).payer(Disposal.MARKER),
                booking("BBB222").people("DIMOVA ELENA").phone(Disposal.MARKER).payer(Disposal.MARKER));
        assertThat(links.groups(List.of(markers), 1)).as("values masked where they were kept").isEmpty();
    }

    @Test
    void oneOnesOwnBookingsAreNoGroup() {
        ScreenedFlight out = flight("1234", DAY, false, booking("AAA111").people("IVANOVA MARIA").phone("+447700900123"));
        ScreenedFlight back = flight("1235", DAY.plusDays(5), false,
                booking("BBB222").people("IVANOVA MARIA").phone("+447700900123"));
        assertThat(links.groups(List.of(out, back), 1)).isEmpty();
    }

    @Test
    void aGroupOfMorePeopleThanTheFlagSizeIsFlaggedAndComesFirst() {
        ScreenedFlight flight = flight("1234", DAY, false,
                booking("AAA111").people("IVANOVA MARIA", "IVANOVA ELENA").email("jobs@example.com"),
                booking("BBB222").people("DIMOVA ELENA", "KOLEVA ANA", "POPOVA VERA").email("jobs@example.com"),
                booking("CCC333").people("PETROV GEORGI").card("beef"),
                booking("DDD444").people("STOYANOV IVO").card("beef"));

        List<LinkGroup> atFour = links.groups(List.of(flight), 4);
        assertThat(atFour).extracting(LinkGroup::people).containsExactly(5, 2);
        assertThat(atFour).extracting(LinkGroup::flagged).containsExactly(true, false);
        assertThat(links.groups(List.of(flight), 5)).extracting(LinkGroup::flagged).containsExactly(false, false);
        assertThat(links.groups(List.of(flight), 1)).extracting(LinkGroup::flagged).containsExactly(true, true);
        assertThat(atFour.get(0).id()).as("the same group, the same id").isEqualTo(links.groups(List.of(flight), 5)
                .get(0).id());
    }

    private LinkGroup.Link linkOf(java.util.function.UnaryOperator<Booking> shared) {
        ScreenedFlight flight = flight("1234", DAY, false,
                shared.apply(booking("AAA111").people("IVANOVA MARIA")),
                shared.apply(booking("BBB222").people("DIMOVA ELENA")),
                booking("CCC333").people("KOLEVA ANA").phone("+359888999000").email("other@example.com"));
        List<LinkGroup> groups = links.groups(List.of(flight), 4);
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).links()).hasSize(1);
        return groups.get(0).links().get(0);
    }

    static Booking booking(String locator) {
        return new Booking(locator);
    }

    /** A booking as a test writes it: its people (FAMILY GIVEN) and what it gives. */
    static final class Booking {
        final String locator;
        final List<String> people = new ArrayList<>();
        final List<Contact> contacts = new ArrayList<>();
        String payer;
        String card;
        String agency;

        Booking(String locator) {
            this.locator = locator;
        }

        Booking people(String... names) {
            people.addAll(List.of(names));
            return this;
        }

        Booking phone(String phone) {
            contacts.add(new Contact("PHONE", phone));
            return this;
        }

        Booking email(String email) {
            contacts.add(new Contact("EMAIL", email));
            return this;
        }

        Booking address(String address) {
            contacts.add(new Contact("ADDRESS", address));
            return this;
        }

        Booking payer(String name) {
            payer = name;
            return this;
        }

        Booking card(String hash) {
            card = hash;
            return this;
        }

        Booking agency(String name) {
            agency = name;
            return this;
        }
    }

    /** A flight of these bookings, each person born on a day of their own so that each is a person of their own. */
    static ScreenedFlight flight(String number, LocalDate day, boolean masked, Booking... bookings) {
        List<Passenger> passengers = new ArrayList<>();
        List<PassengerBooking> rows = new ArrayList<>();
        for (Booking booking : bookings) {
            UUID id = UUID.randomUUID();
            List<BookedName> names = new ArrayList<>();
            for (String person : booking.people) {
                String[] name = person.split(" ", 2);
                LocalDate born = LocalDate.of(1990, 1, 1).plusDays(Math.floorMod(person.hashCode(), 9000));
                passengers.add(new Passenger(UUID.randomUUID(), "PNRGOV", "PASSENGER", name[0], name[1], born, "F",
                        "BGR", null, null, null, null, "12A", null, null, null, booking.locator, id));
                names.add(new BookedName(name[0], name[1], born, "PASSENGER"));
            }
            rows.add(new PassengerBooking(id, booking.locator, day.minusDays(3), 3, true,
                    List.of("FB" + number + " SOF-STN " + day + "T10:30"), "CC", booking.card, booking.payer,
                    booking.agency, List.copyOf(booking.contacts), names));
        }
        return ScreenedFlight.of(new FlightPassengers(UUID.randomUUID(), "FB", number, day, "SOF", "STN",
                day.atTime(10, 30), day.atTime(12, 15), null, masked, List.of(), passengers, rows));
    }
}
