package org.waymark.screening.passenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.waymark.passengerdata.PassengerData.Contact;
import org.waymark.passengerdata.PassengersForScreening.BookedName;
import org.waymark.passengerdata.PassengersForScreening.FlightPassengers;
import org.waymark.passengerdata.PassengersForScreening.Passenger;
import org.waymark.passengerdata.PassengersForScreening.PassengerBooking;
import org.waymark.shared.Disposal;

class ScreenedFlightTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);

    private final UUID family = UUID.randomUUID();
    private final UUID alone = UUID.randomUUID();
    private final UUID sharing = UUID.randomUUID();

    @Test
    void worksOutTheFactsRulesAskAbout() {
        ScreenedFlight flight = ScreenedFlight.of(new FlightPassengers(UUID.randomUUID(), "FB", "1234", DAY, "SOF",
                "STN", DAY.atTime(9, 0), DAY.atTime(10, 45), null, false, List.of(),
                List.of(passenger("IVANOVA", "MARIA", LocalDate.of(2012, 3, 1), family),
                        passenger("PETROV", "GEORGI", LocalDate.of(1980, 1, 1), family),
                        passenger("DIMITROVA", "ELENA", LocalDate.of(2006, 12, 11), alone),
                        passenger("STOYANOVA", "ANA", null, sharing)),
                List.of(new PassengerBooking(family, "ABC123", DAY.minusDays(30), 30, false,
                        List.of("FB1234 SOF-STN 2026-12-10T09:00", "FB1235 STN-SOF 2026-12-14T11:00"), "CC", null,
                        "Georgi Petrov", null, List.of(), List.of(new BookedName("IVANOVA", "MARIA", null, "PASSENGER"),
                                new BookedName("PETROV", "GEORGI", null, "PASSENGER"))),
                        new PassengerBooking(alone, "DEF456", DAY.minusDays(1), 1, true,
                                List.of("FB1234 SOF-STN 2026-12-10T09:00"), "CA", null, "Nikolai Kolev", "AGENCY 1",
                                List.of(new Contact("PHONE", "+359888123456")),
                                List.of(new BookedName("DIMITROVA", "ELENA", null, "PASSENGER"))),
                        new PassengerBooking(sharing, "GHI789", DAY.minusDays(2), 2, true,
                                List.of("FB1234 SOF-STN 2026-12-10T09:00"), "CA", null, null, null,
                                List.of(new Contact("PHONE", "+359888123456"), new Contact("EMAIL", "a@example.com")),
                                List.of(new BookedName("STOYANOVA", "ANA", null, "PASSENGER"))))));

        ScreenedPassenger maria = flight.passengers().get(0);
        assertThat(maria.age()).isEqualTo(14);
        assertThat(maria.minor()).isTrue();
        assertThat(maria.adultsOfAnotherFamilyName()).isEqualTo(1);
        assertThat(maria.booking().payerTravels()).isTrue();
        assertThat(maria.booking().stayDays()).isEqualTo(4);
        assertThat(maria.booking().travellers()).isEqualTo(2);
        assertThat(maria.unrelatedSharingContact()).isZero();

        ScreenedPassenger elena = flight.passengers().get(2);
        assertThat(elena.age()).as("a day before her 20th birthday").isEqualTo(19);
        assertThat(elena.adultsOfAnotherFamilyName()).as("asked of minors only").isNull();
        assertThat(elena.booking().payerTravels()).isFalse();
        assertThat(elena.booking().stayDays()).as("one way").isNull();
        assertThat(elena.booking().phones()).containsExactly("+359888123456");
        assertThat(elena.unrelatedSharingContact()).isEqualTo(1);

        ScreenedPassenger ana = flight.passengers().get(3);
        assertThat(ana.age()).isNull();
        assertThat(ana.minor()).isNull();
        assertThat(ana.booking().payerTravels()).as("no payer given").isNull();
        assertThat(ana.unrelatedSharingContact()).isEqualTo(1);
        assertThat(ana.route()).isEqualTo("SOF-STN");
    }

    @Test
    void aPersonIsTheSameAcrossMessagesWhateverTheCaseOrAccents() {
        ScreenedPassenger one = screened(passenger("Ștefănescu", "Ana-Maria", LocalDate.of(2001, 2, 3), null));
        ScreenedPassenger again = screened(passenger("STEFANESCU", "ANA MARIA", LocalDate.of(2001, 2, 3), null));
        ScreenedPassenger other = screened(passenger("STEFANESCU", "ANA MARIA", LocalDate.of(2001, 2, 4), null));
        assertThat(one.personKey()).isEqualTo(again.personKey()).isNotEqualTo(other.personKey());
        assertThat(screened(passenger(Disposal.MARKER, Disposal.MARKER, null, null)).personKey())
                .as("masked: nobody can be told apart").isNull();
    }

    private static ScreenedPassenger screened(Passenger passenger) {
        return ScreenedFlight.of(new FlightPassengers(UUID.randomUUID(), "FB", "1234", DAY, "SOF", "STN", null, null,
                null, false, List.of(), List.of(passenger), List.of())).passengers().get(0);
    }

    private static Passenger passenger(String family, String given, LocalDate born, UUID booking) {
        return new Passenger(UUID.randomUUID(), "PAXLST", "PASSENGER", family, given, born, "F", "BGR", "BGR", "P",
                "BGR", null, "12A", 1, true, null, null, booking);
    }

}
