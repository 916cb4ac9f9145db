package org.waymark.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.screening.rules.APassenger.aPassenger;
import static org.waymark.screening.rules.Criterion.allOf;
import static org.waymark.screening.rules.Criterion.anyOf;
import static org.waymark.screening.rules.Criterion.not;
import static org.waymark.screening.rules.Criterion.when;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.waymark.screening.rules.Evaluation.Truth;

class EvaluationTest {

    private static final MessageSource MESSAGES = APassenger.messages();

    private final Groups groups = new InMemoryGroups(DefaultGroups.focusCountries(),
            new Group("watched-agencies", "watched agencies", "", Set.of("SUNNY TRAVEL LTD", "Ölmez Tur"), false),
            new Group("focus-airports", "focus airports", "", Set.of("IST", "kiv"), false));

    private final Consumer<APassenger> viaIstanbul = passenger -> passenger.itinerary = List.of(
            "TK1980 LTN-IST 2026-12-11T09:00", "TK0269 IST-KIV 2026-12-11T18:00");

    private final Criterion lastMinute = when(Field.BOOKING_DAYS_BEFORE, Operator.LESS, "4");
    private final Criterion under18 = when(Field.AGE, Operator.LESS, "18");

    private Truth truth(Criterion criteria, Consumer<APassenger> change) {
        APassenger passenger = aPassenger();
        change.accept(passenger);
        return Evaluation.of(criteria, groups).truth(passenger.build());
    }

    private Truth truth(Criterion criteria) {
        return truth(criteria, passenger -> {
        });
    }

    private List<String> reasons(Criterion criteria, Consumer<APassenger> change) {
        APassenger passenger = aPassenger();
        change.accept(passenger);
        return Evaluation.of(criteria, groups).reasons(passenger.build(), MESSAGES);
    }

    private List<String> reasons(Criterion criteria) {
        return reasons(criteria, passenger -> {
        });
    }

    @Test
    void numbersCompareAsWholeNumbers() {
        // Booked 1 day before departure.
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.EQUALS, "1"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.EQUALS, "2"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.NOT_EQUALS, "2"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.NOT_EQUALS, "1"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.IN, "0", "1", "2"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.IN, "0", "2"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.NOT_IN, "0", "2"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.NOT_IN, "1"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.LESS, "2"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.LESS, "1"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.MORE, "0"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.MORE, "1"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.BOOKING_DAYS_BEFORE, Operator.IS_EMPTY))).isEqualTo(Truth.FALSE);
    }

    @Test
    void numbersBetweenIncludeBothEnds() {
        assertThat(truth(when(Field.AGE, Operator.BETWEEN, "19", "24"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.AGE, Operator.BETWEEN, "18", "19"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.AGE, Operator.BETWEEN, "20", "24"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.AGE, Operator.BETWEEN, "16", "18"))).isEqualTo(Truth.FALSE);
    }

    @Test
    void negativeNumbersCount() {
        assertThat(truth(when(Field.DOCUMENT_DAYS_TO_EXPIRY, Operator.LESS, "0"),
                passenger -> passenger.documentExpiry = APassenger.DAY.minusDays(3))).isEqualTo(Truth.TRUE);
        assertThat(reasons(when(Field.DOCUMENT_DAYS_TO_EXPIRY, Operator.LESS, "0"),
                passenger -> passenger.documentExpiry = APassenger.DAY.minusDays(3)))
                .containsExactly("travel document expires -3 days after departure (rule: less than 0 days)");
    }

    @Test
    void numbersAreSaidWithTheirUnit() {
        assertThat(reasons(when(Field.BOOKING_DAYS_BEFORE, Operator.LESS, "4")))
                .containsExactly("booked 1 day before departure (rule: less than 4 days)");
        assertThat(reasons(when(Field.AGE, Operator.BETWEEN, "18", "24")))
                .containsExactly("aged 19 years (rule: 18 to 24 years)");
        assertThat(reasons(when(Field.BAGS, Operator.EQUALS, "0"), passenger -> passenger.bags = 0))
                .containsExactly("no bags checked (rule: 0 bags)");
        assertThat(reasons(when(Field.BOOKING_TRAVELLERS, Operator.IN, "1", "2")))
                .containsExactly("1 person on the booking (rule: one of 1 person, 2 people)");
        assertThat(reasons(when(Field.UNRELATED_SHARING_CONTACT, Operator.MORE, "1"),
                passenger -> passenger.unrelatedSharingContact = 3)).containsExactly(
                        "3 people of another family name on the flight give the same phone or email"
                                + " (rule: more than 1 person)");
        assertThat(reasons(when(Field.BOOKING_DAYS_BEFORE, Operator.NOT_IN, "0", "2")))
                .containsExactly("booked 1 day before departure (rule: none of 0 days, 2 days)");
        assertThat(reasons(when(Field.BOOKING_DAYS_BEFORE, Operator.NOT_EQUALS, "0")))
                .containsExactly("booked 1 day before departure (rule: not 0 days)");
    }

    @Test
    void countTheBookingsPhonesEmailsAndFlights() {
        assertThat(truth(when(Field.PHONES, Operator.EQUALS, "1"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.EMAILS, Operator.EQUALS, "0"))).isEqualTo(Truth.TRUE);
        assertThat(reasons(when(Field.ITINERARY_FLIGHTS, Operator.EQUALS, "1")))
                .containsExactly("1 flight in the itinerary (rule: 1 flight)");
    }

    @Test
    void codesCompareWithoutCase() {
        assertThat(truth(when(Field.NATIONALITY, Operator.EQUALS, "mda"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.NATIONALITY, Operator.EQUALS, "ROU"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.NATIONALITY, Operator.NOT_EQUALS, "ROU"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.NATIONALITY, Operator.NOT_EQUALS, "MDA"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.NATIONALITY, Operator.IN, "ROU", "MDA"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.NATIONALITY, Operator.IN, "ROU", "BGR"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.NATIONALITY, Operator.NOT_IN, "ROU", "BGR"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.NATIONALITY, Operator.NOT_IN, "ROU", "MDA"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.ROUTE, Operator.STARTS, "ltn-"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.ROUTE, Operator.STARTS, "KIV"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.ROUTE, Operator.CONTAINS, "-KIV"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.ROUTE, Operator.CONTAINS, "SOF"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.NATIONALITY, Operator.IS_EMPTY))).isEqualTo(Truth.FALSE);
    }

    @Test
    void codesAreMembersOfGroups() {
        assertThat(truth(when(Field.NATIONALITY, Operator.MEMBER_OF, "focus-countries"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.NATIONALITY, Operator.MEMBER_OF, "focus-countries"),
                passenger -> passenger.nationality = "GBR")).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.NATIONALITY, Operator.NOT_MEMBER_OF, "focus-countries"),
                passenger -> passenger.nationality = "GBR")).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.NATIONALITY, Operator.NOT_MEMBER_OF, "focus-countries")))
                .isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.DESTINATION, Operator.MEMBER_OF, "focus-airports")))
                .as("members compared without case").isEqualTo(Truth.TRUE);
    }

    @Test
    void sayCountriesAndDaysInWords() {
        assertThat(reasons(when(Field.NATIONALITY, Operator.MEMBER_OF, "focus-countries")))
                .containsExactly("nationality Moldova is in focus countries");
        assertThat(reasons(when(Field.NATIONALITY, Operator.NOT_MEMBER_OF, "focus-countries"),
                passenger -> passenger.nationality = "GBR"))
                .containsExactly("nationality United Kingdom is not in focus countries");
        assertThat(reasons(when(Field.DOCUMENT_COUNTRY, Operator.IN, "MDA", "ROU")))
                .containsExactly("travel document issued by Moldova (rule: one of Moldova, Romania)");
        assertThat(reasons(when(Field.DEPARTURE_WEEKDAY, Operator.EQUALS, "FRIDAY")))
                .containsExactly("leaving on a Friday (rule: Friday)");
        assertThat(reasons(when(Field.ROUTE, Operator.STARTS, "LTN")))
                .containsExactly("route LTN-KIV (rule: starts with LTN)");
        assertThat(reasons(when(Field.FLIGHT_NUMBER, Operator.CONTAINS, "12")))
                .containsExactly("on flight FB1234 (rule: contains 12)");
        assertThat(reasons(when(Field.PAYMENT_TYPE, Operator.EQUALS, "CA")))
                .containsExactly("form of payment CA (rule: CA)");
    }

    @Test
    void textsCompareWithoutCaseAccentsOrPunctuation() {
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.EQUALS, "sunny travel, ltd."))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.EQUALS, "Sunny"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.NOT_EQUALS, "Sunny"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.NOT_EQUALS, "SUNNY TRAVEL LTD"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.IN, "Other", "Sunny Travel Ltd"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.IN, "Other"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.NOT_IN, "Other"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.NOT_IN, "sunny travel ltd"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.STARTS, "SUNNY"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.STARTS, "travel"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.CONTAINS, "travel"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.CONTAINS, "tours"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.PAYER_NAME, Operator.CONTAINS, "kolev"),
                passenger -> passenger.payerName = "Nikolai KOLEV")).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.EQUALS, "olmez tur"),
                passenger -> passenger.travelAgency = "ÖLMEZ TUR")).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.IS_EMPTY))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.IS_EMPTY), passenger -> passenger.travelAgency = " "))
                .as("blank is empty").isEqualTo(Truth.TRUE);
    }

    @Test
    void textsAreMembersOfGroupsWithoutCaseOrAccents() {
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.MEMBER_OF, "watched-agencies"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.MEMBER_OF, "watched-agencies"),
                passenger -> passenger.travelAgency = "olmez tur")).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.MEMBER_OF, "watched-agencies"),
                passenger -> passenger.travelAgency = "Other")).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.NOT_MEMBER_OF, "watched-agencies"),
                passenger -> passenger.travelAgency = "Other")).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.TRAVEL_AGENCY, Operator.NOT_MEMBER_OF, "watched-agencies")))
                .isEqualTo(Truth.FALSE);
    }

    @Test
    void sayTheTextAsTheBookingGaveIt() {
        assertThat(reasons(when(Field.TRAVEL_AGENCY, Operator.CONTAINS, "sunny")))
                .containsExactly("booked through Sunny Travel Ltd (rule: contains sunny)");
        assertThat(reasons(when(Field.TRAVEL_AGENCY, Operator.MEMBER_OF, "watched-agencies")))
                .containsExactly("travel agency Sunny Travel Ltd is in watched agencies");
        assertThat(reasons(when(Field.PAYER_NAME, Operator.EQUALS, "NIKOLAI KOLEV")))
                .containsExactly("paid for by Nikolai Kolev (rule: NIKOLAI KOLEV)");
    }

    @Test
    void yesOrNoComparesAnswers() {
        assertThat(truth(when(Field.PAYER_TRAVELS, Operator.EQUALS, "NO"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.PAYER_TRAVELS, Operator.EQUALS, "yes"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.PAYER_TRAVELS, Operator.NOT_EQUALS, "YES"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.PAYER_TRAVELS, Operator.NOT_EQUALS, "NO"))).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.ONE_WAY, Operator.EQUALS, "YES"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.MINOR, Operator.EQUALS, "NO"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.CARD_GIVEN, Operator.EQUALS, "NO"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.CARD_GIVEN, Operator.EQUALS, "YES"), passenger -> passenger.cardHash = "ab12"))
                .isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.PAYER_TRAVELS, Operator.IS_EMPTY))).isEqualTo(Truth.FALSE);
    }

    @Test
    void sayTheAnswerInWords() {
        assertThat(reasons(when(Field.PAYER_TRAVELS, Operator.EQUALS, "NO"))).containsExactly("payer does not travel");
        assertThat(reasons(when(Field.ONE_WAY, Operator.NOT_EQUALS, "NO"))).containsExactly("one-way ticket");
        assertThat(reasons(not(when(Field.MINOR, Operator.EQUALS, "YES"))))
                .containsExactly("18 or over on the day of departure");
        assertThat(reasons(not(when(Field.PAYER_TRAVELS, Operator.IS_EMPTY))))
                .containsExactly("payer does not travel (rule: not empty)");
    }

    @Test
    void severalValuesHoldWhenAnyOfThemDoes() {
        Criterion callsAtIstanbul = when(Field.ITINERARY_AIRPORTS, Operator.EQUALS, "IST");
        assertThat(truth(callsAtIstanbul, viaIstanbul)).isEqualTo(Truth.TRUE);
        assertThat(truth(callsAtIstanbul)).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.IN, "SAW", "IST"), viaIstanbul))
                .isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.NOT_IN, "LTN", "IST", "KIV"), viaIstanbul))
                .isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.NOT_IN, "IST"), viaIstanbul))
                .as("not in: no airport of the itinerary is").isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.NOT_IN, "SAW"), viaIstanbul)).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.NOT_EQUALS, "IST"), viaIstanbul)).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.NOT_MEMBER_OF, "focus-airports"), viaIstanbul))
                .isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.NOT_MEMBER_OF, "focus-airports"),
                passenger -> passenger.itinerary = List.of("FB1 LTN-SOF 2026-12-11T09:00"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.STARTS, "IS"), viaIstanbul)).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.CONTAINS, "S"), viaIstanbul)).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.CONTAINS, "Q"), viaIstanbul)).isEqualTo(Truth.FALSE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.MEMBER_OF, "focus-airports"))).isEqualTo(Truth.TRUE);
        assertThat(truth(when(Field.ITINERARY_AIRPORTS, Operator.IS_EMPTY), passenger -> passenger.booked = false))
                .isEqualTo(Truth.TRUE);
    }

    @Test
    void sayWhichValueMadeThemHold() {
        assertThat(reasons(when(Field.ITINERARY_AIRPORTS, Operator.IN, "SAW", "IST"), viaIstanbul))
                .containsExactly("the itinerary calls at IST (rule: one of SAW, IST, for any one of them)");
        assertThat(reasons(when(Field.ITINERARY_AIRPORTS, Operator.MEMBER_OF, "focus-airports"), viaIstanbul))
                .containsExactly("airport of the itinerary IST, KIV is in focus airports");
        assertThat(reasons(not(when(Field.ITINERARY_AIRPORTS, Operator.IN, "SAW")), viaIstanbul))
                .containsExactly("the itinerary calls at LTN, IST, KIV (rule: none of SAW, for each of them)");
        assertThat(reasons(when(Field.ITINERARY_AIRPORTS, Operator.NOT_IN, "SAW", "OTP"), viaIstanbul)).containsExactly(
                "the itinerary calls at LTN, IST, KIV (rule: none of SAW, OTP, for each of them)");
        assertThat(reasons(not(when(Field.ITINERARY_AIRPORTS, Operator.NOT_IN, "IST", "SAW")), viaIstanbul))
                .containsExactly("the itinerary calls at IST (rule: one of IST, SAW, for any one of them)");
        assertThat(reasons(when(Field.ITINERARY_AIRPORTS, Operator.NOT_MEMBER_OF, "focus-airports"),
                passenger -> passenger.itinerary = List.of("FB1 LTN-SOF 2026-12-11T09:00")))
                .containsExactly("airport of the itinerary LTN, SOF is not in focus airports");
        assertThat(reasons(not(when(Field.ITINERARY_AIRPORTS, Operator.NOT_MEMBER_OF, "focus-airports")), viaIstanbul))
                .containsExactly("airport of the itinerary IST, KIV is in focus airports");
    }

    @Test
    void missingDataNeverMakesAHitSaveIsEmpty() {
        Consumer<APassenger> noBooking = passenger -> passenger.booked = false;
        for (Operator operator : Operator.values()) {
            for (Field field : List.of(Field.BOOKING_DAYS_BEFORE, Field.PAYER_TRAVELS, Field.TRAVEL_AGENCY,
                    Field.PAYMENT_TYPE, Field.ITINERARY_AIRPORTS)) {
                if (!operator.appliesTo(field)) {
                    continue;
                }
                Criterion condition = when(field, operator, valuesFor(field, operator));
                Truth expected = operator == Operator.IS_EMPTY ? Truth.TRUE : Truth.UNKNOWN;
                assertThat(truth(condition, noBooking)).as(field + " " + operator).isEqualTo(expected);
                assertThat(truth(not(condition), noBooking)).as("not " + field + " " + operator)
                        .isEqualTo(operator == Operator.IS_EMPTY ? Truth.FALSE : Truth.UNKNOWN);
            }
        }
    }

    private String[] valuesFor(Field field, Operator operator) {
        if (operator == Operator.IS_EMPTY) {
            return new String[0];
        }
        if (operator.takesGroup()) {
            return new String[] { "watched-agencies" };
        }
        if (operator == Operator.BETWEEN) {
            return new String[] { "1", "3" };
        }
        return new String[] { field.kind() == Field.Kind.NUMBER ? "3" : field.kind() == Field.Kind.YES_NO ? "NO" : "X" };
    }

    @Test
    void missingDataStaysUnknownThroughAllOfUnlessSomethingIsFalse() {
        Consumer<APassenger> noAge = passenger -> passenger.age = null;
        Criterion under25 = when(Field.AGE, Operator.LESS, "25");
        assertThat(truth(allOf(under25, when(Field.ONE_WAY, Operator.EQUALS, "YES")), noAge)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth(allOf(under25, when(Field.ONE_WAY, Operator.EQUALS, "NO")), noAge)).isEqualTo(Truth.FALSE);
        assertThat(truth(anyOf(under25, when(Field.ONE_WAY, Operator.EQUALS, "YES")), noAge)).isEqualTo(Truth.TRUE);
        assertThat(truth(anyOf(under25, when(Field.ONE_WAY, Operator.EQUALS, "NO")), noAge)).isEqualTo(Truth.UNKNOWN);
        assertThat(reasons(not(under25), noAge)).as("no hit, no reasons").isEmpty();
    }

    @Test
    void missingDataIsSaidWhenARuleAsksForIt() {
        assertThat(reasons(when(Field.BAGS, Operator.IS_EMPTY), passenger -> passenger.bags = null))
                .containsExactly("bags checked: none given (rule: empty)");
    }

    @Test
    void allOfGivesEveryReason() {
        assertThat(reasons(allOf(lastMinute, when(Field.PAYER_TRAVELS, Operator.EQUALS, "NO"),
                when(Field.NATIONALITY, Operator.MEMBER_OF, "focus-countries")))).containsExactly(
                        "booked 1 day before departure (rule: less than 4 days)", "payer does not travel",
                        "nationality Moldova is in focus countries");
    }

    @Test
    void anyOfGivesTheReasonsThatHold() {
        assertThat(reasons(anyOf(under18, lastMinute)))
                .containsExactly("booked 1 day before departure (rule: less than 4 days)");
        assertThat(truth(anyOf(under18, when(Field.BOOKING_DAYS_BEFORE, Operator.MORE, "10")))).isEqualTo(Truth.FALSE);
    }

    @Test
    void notSaysWhatDoesNotHold() {
        assertThat(reasons(not(under18))).containsExactly("aged 19 years (rule: at least 18 years)");
        assertThat(reasons(not(anyOf(under18, when(Field.BAGS, Operator.MORE, "1"))))).containsExactly(
                "aged 19 years (rule: at least 18 years)", "1 bag checked (rule: at most 1 bag)");
        assertThat(reasons(not(allOf(under18, lastMinute))))
                .as("only what keeps all of from holding").containsExactly("aged 19 years (rule: at least 18 years)");
        assertThat(reasons(not(not(lastMinute))))
                .containsExactly("booked 1 day before departure (rule: less than 4 days)");
        assertThat(reasons(not(when(Field.AGE, Operator.BETWEEN, "20", "24"))))
                .containsExactly("aged 19 years (rule: not 20 to 24 years)");
        assertThat(reasons(not(when(Field.TRAVEL_AGENCY, Operator.STARTS, "Other"))))
                .containsExactly("booked through Sunny Travel Ltd (rule: does not start with Other)");
        assertThat(reasons(not(when(Field.TRAVEL_AGENCY, Operator.CONTAINS, "tours"))))
                .containsExactly("booked through Sunny Travel Ltd (rule: does not contain tours)");
        assertThat(reasons(not(when(Field.NATIONALITY, Operator.IN, "ROU"))))
                .containsExactly("nationality Moldova (rule: none of Romania)");
        assertThat(reasons(not(when(Field.NATIONALITY, Operator.NOT_IN, "MDA", "ROU"))))
                .containsExactly("nationality Moldova (rule: one of Moldova, Romania)");
        assertThat(reasons(not(when(Field.NATIONALITY, Operator.EQUALS, "ROU"))))
                .containsExactly("nationality Moldova (rule: not Romania)");
        assertThat(reasons(not(when(Field.NATIONALITY, Operator.NOT_EQUALS, "MDA"))))
                .containsExactly("nationality Moldova (rule: Moldova)");
        assertThat(reasons(not(when(Field.NATIONALITY, Operator.MEMBER_OF, "focus-countries")),
                passenger -> passenger.nationality = "GBR"))
                .containsExactly("nationality United Kingdom is not in focus countries");
        assertThat(reasons(not(when(Field.BAGS, Operator.IS_EMPTY))))
                .containsExactly("1 bag checked (rule: not empty)");
    }

    @Test
    void aMissIsNotExplained() {
        assertThat(reasons(under18)).isEmpty();
    }
}
