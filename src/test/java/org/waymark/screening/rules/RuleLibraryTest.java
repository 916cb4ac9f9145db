package org.waymark.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.waymark.passengerdata.PassengerData.Contact;
import org.waymark.passengerdata.PassengersForScreening.BookedName;
import org.waymark.passengerdata.PassengersForScreening.FlightPassengers;
import org.waymark.passengerdata.PassengersForScreening.Passenger;
import org.waymark.passengerdata.PassengersForScreening.PassengerBooking;
import org.waymark.screening.passenger.ScreenedFlight;
import org.waymark.screening.passenger.ScreenedPassenger;
import org.waymark.screening.rules.RuleLibrary.ShippedRule;

/** Each shipped rule against passengers made by hand, on flights as screening sees them. */
class RuleLibraryTest {

    private static final MessageSource MESSAGES = APassenger.messages();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);
    private static final String OUT = "FB1234 SOF-STN 2026-12-10T09:00";

    private final List<Passenger> passengers = new ArrayList<>();
    private final List<PassengerBooking> bookings = new ArrayList<>();

    @Test
    void everyRuleServesAnIndicatorAndSaysWhyAndFromWhere() {
        assertThat(RuleLibrary.rules()).hasSize(6);
        assertThat(RuleLibrary.rules()).extracting(ShippedRule::code).doesNotHaveDuplicates();
        for (ShippedRule rule : RuleLibrary.rules()) {
            assertThat(rule.indicator()).as(rule.code()).matches("[A-Z][0-9]{2}");
            assertThat(rule.description()).as(rule.code()).contains("Indicator").contains("Source");
            assertThat(rule.priority()).as(rule.code()).isBetween(1, 5);
        }
    }

    @Test
    void youngAdultAloneOnAOneWayTicketBookedDaysBefore() {
        UUID booked = booking("AAA111", 1, true, List.of(OUT), "Nikolai Kolev", null, List.of(), "DIMITROVA");
        UUID early = booking("BBB222", 30, true, List.of(OUT), null, null, List.of(), "STOYANOVA");
        passenger("DIMITROVA", "ELENA", DAY.minusYears(19), booked);
        passenger("STOYANOVA", "ANA", DAY.minusYears(19), early);
        passenger("KOLEVA", "MARIA", null, booking("CCC333", 1, true, List.of(OUT), null, null, List.of(), "KOLEVA"));
        ScreenedFlight flight = flight();

        ShippedRule rule = RuleLibrary.youngAdultAloneOneWayLastMinute();
        assertThat(reasons(rule, flight.passengers().get(0))).containsExactly("aged 19 years (rule: 18 to 24 years)",
                "1 person on the booking (rule: 1 person)", "one-way ticket",
                "booked 1 day before departure (rule: less than 4 days)");
        assertThat(hits(rule, flight.passengers().get(1))).as("booked a month before").isFalse();
        assertThat(hits(rule, flight.passengers().get(2))).as("no date of birth: no age, no hit").isFalse();
    }

    @Test
    void bookingPaidForBySomeoneWhoDoesNotTravel() {
        passenger("DIMITROVA", "ELENA", DAY.minusYears(30),
                booking("AAA111", 10, false, List.of(OUT), "Nikolai Kolev", null, List.of(), "DIMITROVA"));
        passenger("PETROV", "GEORGI", DAY.minusYears(40),
                booking("BBB222", 10, false, List.of(OUT), "Georgi Petrov", null, List.of(), "PETROV"));
        passenger("KOLEV", "IVAN", DAY.minusYears(40),
                booking("CCC333", 10, false, List.of(OUT), null, null, List.of(), "KOLEV"));
        ScreenedFlight flight = flight();

        ShippedRule rule = RuleLibrary.paidBySomeoneNotTravelling();
        assertThat(reasons(rule, flight.passengers().get(0))).containsExactly("payer does not travel");
        assertThat(hits(rule, flight.passengers().get(1))).as("paid for his own ticket").isFalse();
        assertThat(hits(rule, flight.passengers().get(2))).as("no payer given").isFalse();
    }

    @Test
    void severalUnrelatedYoungTravellersSharingOnePhone() {
        List<Contact> phone = List.of(new Contact("PHONE", "+359888123456"));
        passenger("DIMITROVA", "ELENA", DAY.minusYears(19), booking("AAA111", 3, true, List.of(OUT), null, null, phone, "DIMITROVA"));
        passenger("STOYANOVA", "ANA", DAY.minusYears(20), booking("BBB222", 3, true, List.of(OUT), null, null, phone, "STOYANOVA"));
        passenger("POPOVA", "IRINA", DAY.minusYears(22), booking("CCC333", 3, true, List.of(OUT), null, null, phone, "POPOVA"));
        passenger("PETROV", "GEORGI", DAY.minusYears(45), booking("DDD444", 3, true, List.of(OUT), null, null, phone, "PETROV"));
        ScreenedFlight flight = flight();

        ShippedRule rule = RuleLibrary.unrelatedYoungTravellersSharingContact();
        assertThat(reasons(rule, flight.passengers().get(0))).containsExactly("aged 19 years (rule: less than 26 years)",
                "3 people of another family name on the flight give the same phone or email (rule: more than 1 person)");
        assertThat(hits(rule, flight.passengers().get(3))).as("not young").isFalse();
    }

    @Test
    void twoSharingAPhoneAreNotSeveral() {
        List<Contact> email = List.of(new Contact("EMAIL", "a@example.com"));
        passenger("DIMITROVA", "ELENA", DAY.minusYears(19), booking("AAA111", 3, true, List.of(OUT), null, null, email, "DIMITROVA"));
        passenger("STOYANOVA", "ANA", DAY.minusYears(20), booking("BBB222", 3, true, List.of(OUT), null, null, email, "STOYANOVA"));
        ScreenedFlight flight = flight();

        assertThat(hits(RuleLibrary.unrelatedYoungTravellersSharingContact(), flight.passengers().get(0))).isFalse();
    }

    @Test
    void minorWithAdultsOfAnotherFamilyName() {
        UUID withStranger = booking("AAA111", 20, false, List.of(OUT), null, null, List.of(), "IVANOVA", "PETROV");
        UUID withMother = booking("BBB222", 20, false, List.of(OUT), null, null, List.of(), "KOLEVA", "KOLEVA");
        passenger("IVANOVA", "MARIA", DAY.minusYears(14), withStranger);
        passenger("PETROV", "GEORGI", DAY.minusYears(44), withStranger);
        passenger("KOLEVA", "ANA", DAY.minusYears(12), withMother);
        passenger("KOLEVA", "VESELA", DAY.minusYears(40), withMother);
        ScreenedFlight flight = flight();

        ShippedRule rule = RuleLibrary.minorWithAdultsOfAnotherFamilyName();
        assertThat(reasons(rule, flight.passengers().get(0))).containsExactly("under 18 on the day of departure",
                "1 adult of another family name on the booking (rule: more than 0 adults)");
        assertThat(hits(rule, flight.passengers().get(1))).as("the adult").isFalse();
        assertThat(hits(rule, flight.passengers().get(2))).as("with her mother").isFalse();
    }

    @Test
    void shortReturnTripPaidForBySomeoneElseWithNoBags() {
        List<String> fourDays = List.of(OUT, "FB1235 STN-SOF 2026-12-14T11:00");
        List<String> month = List.of(OUT, "FB1235 STN-SOF 2027-01-10T11:00");
        passenger("DIMITROVA", "ELENA", DAY.minusYears(21), 0,
                booking("AAA111", 5, false, fourDays, "Nikolai Kolev", null, List.of(), "DIMITROVA"));
        passenger("STOYANOVA", "ANA", DAY.minusYears(21), 1,
                booking("BBB222", 5, false, fourDays, "Nikolai Kolev", null, List.of(), "STOYANOVA"));
        passenger("POPOVA", "IRINA", DAY.minusYears(21), 0,
                booking("CCC333", 5, false, month, "Nikolai Kolev", null, List.of(), "POPOVA"));
        passenger("KOLEVA", "ANA", DAY.minusYears(21), null,
                booking("DDD444", 5, false, fourDays, "Nikolai Kolev", null, List.of(), "KOLEVA"));
        ScreenedFlight flight = flight();

        ShippedRule rule = RuleLibrary.shortStayPaidByThirdPartyNoBags();
        assertThat(reasons(rule, flight.passengers().get(0))).containsExactly("return ticket", "payer does not travel",
                "staying 4 days (rule: less than 8 days)", "no bags checked (rule: 0 bags)");
        assertThat(hits(rule, flight.passengers().get(1))).as("a bag checked").isFalse();
        assertThat(hits(rule, flight.passengers().get(2))).as("a month's stay").isFalse();
        assertThat(hits(rule, flight.passengers().get(3))).as("bags not known").isFalse();
    }

    @Test
    void agencyOrPayerSeenBeforeInChecksThatLedToAReferral() {
        passenger("DIMITROVA", "ELENA", DAY.minusYears(21),
                booking("AAA111", 5, true, List.of(OUT), "Nikolai Kolev", "Sunny Travel", List.of(), "DIMITROVA"));
        passenger("STOYANOVA", "ANA", DAY.minusYears(21),
                booking("BBB222", 5, true, List.of(OUT), "NIKOLAI KOLEV", null, List.of(), "STOYANOVA"));
        passenger("POPOVA", "IRINA", DAY.minusYears(21),
                booking("CCC333", 5, true, List.of(OUT), "Other Payer", "Other Travel", List.of(), "POPOVA"));
        ScreenedFlight flight = flight();
        Groups seen = DefaultGroups.with(() -> Set.of("SUNNY TRAVEL", "Nikolai Kolev"));

        Evaluation rule = Evaluation.of(RuleLibrary.agencyOrPayerSeenInReferrals().criteria(), seen);
        assertThat(rule.reasons(flight.passengers().get(0), MESSAGES)).containsExactly(
                "travel agency Sunny Travel is in agencies and payers seen in checks that led to an NRM referral",
                "payer’s name Nikolai Kolev is in agencies and payers seen in checks that led to an NRM referral");
        assertThat(rule.reasons(flight.passengers().get(1), MESSAGES)).containsExactly(
                "payer’s name NIKOLAI KOLEV is in agencies and payers seen in checks that led to an NRM referral");
        assertThat(rule.hits(flight.passengers().get(2))).isFalse();
        assertThat(hits(RuleLibrary.agencyOrPayerSeenInReferrals(), flight.passengers().get(0)))
                .as("as shipped, nobody was referred yet").isFalse();
    }

    private boolean hits(ShippedRule rule, ScreenedPassenger passenger) {
        return Evaluation.of(rule.criteria(), DefaultGroups.groups()).hits(passenger);
    }

    private List<String> reasons(ShippedRule rule, ScreenedPassenger passenger) {
        return Evaluation.of(rule.criteria(), DefaultGroups.groups()).reasons(passenger, MESSAGES);
    }

    private ScreenedFlight flight() {
        return ScreenedFlight.of(new FlightPassengers(UUID.randomUUID(), "FB", "1234", DAY, "SOF", "STN",
                DAY.atTime(9, 0), DAY.atTime(10, 45), null, false, List.of(), passengers, bookings));
    }

    private void passenger(String familyName, String givenName, LocalDate birthDate, UUID booking) {
        passenger(familyName, givenName, birthDate, 1, booking);
    }

    private void passenger(String familyName, String givenName, LocalDate birthDate, Integer bags, UUID booking) {
        passengers.add(new Passenger(UUID.randomUUID(), "PAXLST", "PASSENGER", familyName, givenName, birthDate, "F",
                "BGR", "BGR", "P", "BGR", DAY.plusYears(5), "12A", bags, true, null, null, booking));
    }

    /** A booking of these family names, whose travellers' given names are those of the passengers added with it. */
    private UUID booking(String locator, int daysBefore, boolean oneWay, List<String> itinerary, String payer,
            String agency, List<Contact> contacts, String... familyNames) {
        UUID id = UUID.randomUUID();
        List<BookedName> names = new ArrayList<>();
        for (String familyName : familyNames) {
            names.add(new BookedName(familyName, familyName.equals("PETROV") ? "GEORGI" : "X", null, "PASSENGER"));
        }
        bookings.add(new PassengerBooking(id, locator, DAY.minusDays(daysBefore), daysBefore, oneWay, itinerary, "CA",
                null, payer, agency, contacts, names));
        return id;
    }
}
