package org.waymark.passengerdata.edifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PNRGOV pushes, written by hand, as the reader returns them. */
class EdifactReaderPnrgovTest {

    private final EdifactReader reader = new EdifactReader();

    static final String FLIGHT = "TVL+040127:0930:040127:1110+SOF+STN+W6+4301'";

    /** The first booking: two adults and an infant, a card paid by someone not travelling, an agency. */
    static final String FAMILY = "SRC'"
            + "RCI+W6:ABC123::051126:1012'"
            + "ORG+W6:SOF+12345675'"
            + "ADD++702:1 HIGH STREET:HARLOW::CM17 0AB:GB'"
            + "IFT+4:28+CTCM 00359 888 123456'"
            + "IFT+4:28+CTCE ANNA.IVANOVA//GMAIL.COM'"
            + "TIF+IVANOVA+ANNA:ADT:1'"
            + "SSR+DOCS:HK:1:W6:::::/P/BGR/382233344/BGR/12JUL84/F/23OCT29/IVANOVA/ANNA'"
            + "TIF+IVANOV+PETAR:ADT:2'"
            + "TIF+IVANOV+BORIS:INF:3'"
            + "SSR+DOCS:HK:1:W6:::::/P/BGR/382233999/BGR/01MAR26/MI/01MAR31/IVANOV/BORIS'"
            + "FTI+W6:123456789'"
            + "FOP+CC:::VI:4111111111111111:1228'"
            + "IFT+4:43+GEORGI DIMITROV'"
            + FLIGHT.replace("+4301'", "+04301'")
            + "RPI+1+HK'"
            + "TRI++1:1'TIF+IVANOVA+ANNA:ADT:1'SSD+12C'TBD++2:40:700'DAT+2:040127:0700'DAT+BD:040127:0905'"
            + "TRI++2:2'TIF+IVANOV+PETAR:ADT:2'SSD+12D'TBD++0'DAT+2:040127:0700'"
            + "TVL+110127:1200:110127:1530+STN+SOF+W6+4302'"
            + "RPI+1+HK'";

    /** The second booking: one traveller, booked on the marketing carrier's number, sharing the family's phone. */
    static final String CODESHARE = "SRC'"
            + "RCI+W6:XYZ789::011226'"
            + "ORG+W6:WEB'"
            + "IFT+4:28+CTCM ?+359888123456'"
            + "TIF+SMITH+JOHN:ADT:1'"
            + "FOP+CA'"
            + "TVL+040127:0930:040127:1110+SOF+STN+LH:W6+5123'";

    static String pnrgov(String version, String syntax, String bookings) {
        String[] v = version.split(":");
        return "UNA:+.? '"
                + "UNB+" + syntax + ":4+W6+GBPNR+270104:0730+000000456'"
                + "UNH+102+PNRGOV:" + v[0] + ":" + v[1] + ":IA+W64301/040127'"
                + "MSG+:22'"
                + "ORG+W6:SOF'"
                + FLIGHT
                + "EQN+2'"
                + bookings
                + "UNT+99+102'"
                + "UNZ+1+000000456'";
    }

    private ParsedInterchange read(String text) {
        return reader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = { "10:1", "11:1", "12:1", "13:1", "14:1", "15:1" })
    void eachPnrgovVersionReadsItsFlightBookingsAndTravellers(String version) {
        ParsedInterchange read = read(pnrgov(version, "UNOA", FAMILY + CODESHARE));

        assertThat(read.type()).isEqualTo(MessageType.PNRGOV);
        assertThat(read.version()).isEqualTo(version);
        assertThat(read.preparedAt()).isEqualTo(LocalDateTime.of(2027, 1, 4, 7, 30));
        assertThat(read.warnings()).extracting(ParseWarning::segment).containsOnly("UNT");
        Manifest m = read.manifests().get(0);
        FlightLeg flight = new FlightLeg("W6", "4301", "SOF", "STN", LocalDateTime.of(2027, 1, 4, 9, 30),
                LocalDateTime.of(2027, 1, 4, 11, 10));
        assertThat(m.flight()).isEqualTo(flight);
        assertThat(m.reference()).isEqualTo("102");
        assertThat(m.codeshares()).containsExactly("LH5123");
        assertThat(m.bookings()).extracting(Booking::locator).containsExactly("ABC123", "XYZ789");
        assertThat(m.travellers()).extracting(Traveller::familyName, Traveller::givenNames, Traveller::type,
                Traveller::bookingLocator).containsExactly(
                        tuple("IVANOVA", "ANNA", TravellerType.PASSENGER, "ABC123"),
                        tuple("IVANOV", "PETAR", TravellerType.PASSENGER, "ABC123"),
                        tuple("IVANOV", "BORIS", TravellerType.INFANT, "ABC123"),
                        tuple("SMITH", "JOHN", TravellerType.PASSENGER, "XYZ789"));
        assertThat(read.passengers()).isEqualTo(4);
        assertThat(read.bookings()).isEqualTo(2);

        Booking family = m.bookings().get(0);
        assertThat(family.bookedOn()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(family.travelAgency()).isEqualTo("12345675");
        assertThat(family.paymentType()).isEqualTo("CC");
        assertThat(family.cardNumber()).isEqualTo("4111111111111111");
        assertThat(family.payerName()).isEqualTo("GEORGI DIMITROV");
        assertThat(family.frequentFlyerNumbers()).containsExactly("W6:123456789");
        assertThat(family.contacts()).containsExactly(new Contact(Contact.Kind.ADDRESS, "1 HIGH STREET HARLOW CM17 0AB GB"),
                new Contact(Contact.Kind.PHONE, "+359888123456"),
                new Contact(Contact.Kind.EMAIL, "anna.ivanova@gmail.com"));
        assertThat(family.itinerary()).containsExactly(flight, new FlightLeg("W6", "4302", "STN", "SOF",
                LocalDateTime.of(2027, 1, 11, 12, 0), LocalDateTime.of(2027, 1, 11, 15, 30)));
        assertThat(family.travellers()).isEqualTo(m.travellers().subList(0, 3));

        Traveller anna = family.travellers().get(0);
        assertThat(anna).isEqualTo(new Traveller(TravellerType.PASSENGER, "IVANOVA", "ANNA", LocalDate.of(1984, 7, 12),
                "F", "BGR", null, new TravelDocument("P", "382233344", "BGR", LocalDate.of(2029, 10, 23)), "12C", 2,
                true, true, "ABC123", "1"));
        Traveller petar = family.travellers().get(1);
        assertThat(petar.seat()).isEqualTo("12D");
        assertThat(petar.bags()).isZero();
        assertThat(petar.checkedIn()).isTrue();
        assertThat(petar.boarded()).isFalse();
        assertThat(petar.birthDate()).isNull();
        Traveller boris = family.travellers().get(2);
        assertThat(boris.gender()).isEqualTo("M");
        assertThat(boris.birthDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(boris.checkedIn()).isNull();

        Booking smith = m.bookings().get(1);
        assertThat(smith.paymentType()).isEqualTo("CA");
        assertThat(smith.cardNumber()).isNull();
        assertThat(smith.travelAgency()).isNull();
        assertThat(smith.bookedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(smith.itinerary()).containsExactly(flight);
        assertThat(smith.contacts()).containsExactly(new Contact(Contact.Kind.PHONE, "+359888123456"));
    }

    @Test
    void theCardNumberIsOnlyInCardNumber() {
        ParsedInterchange read = read(pnrgov("13:1", "UNOA", FAMILY + CODESHARE));
        Booking family = read.manifests().get(0).bookings().get(0);

        Booking withoutCard = new Booking(family.locator(), family.bookedOn(), family.itinerary(),
                family.paymentType(), null, family.payerName(), family.travelAgency(), family.contacts(),
                family.travellers(), family.frequentFlyerNumbers());
        assertThat(withoutCard.toString()).doesNotContain("4111111111111111");
        assertThat(read.manifests().get(0).travellers().toString()).doesNotContain("4111111111111111");
        assertThat(read.warnings().toString()).doesNotContain("4111111111111111");
        assertThat(family.secrets()).containsExactlyInAnyOrder("4111111111111111", "W6:123456789");
    }

    @Test
    void cyrillicTravellersReadInIso8859_5AndInUtf8() {
        String cyrillic = "SRC'RCI+W6:ABC123'TIF+ИВАНОВА+МАРИЯ:ADT:1'TIF+ШЕВЧЕНКО+ОЛЕНА:CHD:2'";
        byte[] unoe = pnrgov("13:1", "UNOE", cyrillic).getBytes(Charset.forName("ISO-8859-5"));
        byte[] unoy = pnrgov("13:1", "UNOY", cyrillic).getBytes(StandardCharsets.UTF_8);

        for (byte[] body : List.of(unoe, unoy)) {
            assertThat(reader.read(body).manifests().get(0).travellers())
                    .extracting(Traveller::familyName, Traveller::givenNames)
                    .containsExactly(tuple("ИВАНОВА", "МАРИЯ"), tuple("ШЕВЧЕНКО", "ОЛЕНА"));
        }
    }

    @Test
    void severalPushesInOneInterchangeForOneFlightAreOneManifest() {
        String one = "UNH+1+PNRGOV:13:1:IA'" + FLIGHT + "SRC'RCI+W6:AAA111'TIF+ONE+A:ADT:1'UNT+6+1'";
        String two = "UNH+2+PNRGOV:13:1:IA'" + FLIGHT + "SRC'RCI+W6:BBB222'TIF+TWO+B:ADT:1'UNT+6+2'";
        ParsedInterchange read = read("UNB+UNOA:4+W6+GBPNR+270104:0730+9'" + one + two + "UNZ+2+9'");

        assertThat(read.warnings()).isEmpty();
        assertThat(read.manifests()).hasSize(1);
        assertThat(read.manifests().get(0).bookings()).extracting(Booking::locator).containsExactly("AAA111",
                "BBB222");
    }

    @Test
    void aTruncatedPushIsReadAsFarAsItGoes() {
        String text = pnrgov("13:1", "UNOA", FAMILY + CODESHARE);
        ParsedInterchange read = read(text.substring(0, text.indexOf("TIF+SMITH") + 6));

        assertThat(read.manifests().get(0).bookings()).extracting(Booking::locator).containsExactly("ABC123",
                "XYZ789");
        assertThat(read.manifests().get(0).travellers()).hasSize(3);
        assertThat(read.warnings()).isNotEmpty();
    }

    @Test
    void unknownSegmentsAndBadDatesAreWarnings() {
        String text = pnrgov("13:1", "UNOA", FAMILY.replace("RCI+W6:ABC123::051126:1012'",
                "RCI+W6:ABC123::351326:1012'QQQ+1'").replace("12JUL84", "12XYZ84"));
        ParsedInterchange read = read(text);

        Booking family = read.manifests().get(0).bookings().get(0);
        assertThat(family.bookedOn()).isNull();
        assertThat(family.travellers().get(0).birthDate()).isNull();
        assertThat(read.warnings()).extracting(ParseWarning::segment, ParseWarning::position).contains(
                tuple("RCI", 8), tuple("QQQ", 9), tuple("SSR", 15));
        assertThat(read.warnings()).allSatisfy(w -> assertThat(w.text()).doesNotContain("IVANOV", "ABC123"));
    }

    @Test
    void aPushWithoutItsFlightFails() {
        assertThatThrownBy(() -> read(pnrgov("13:1", "UNOA", FAMILY).replace(FLIGHT + "EQN", "EQN")))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> {
                    assertThat(e.segment()).isEqualTo("TIF");
                    assertThat(e.position()).isEqualTo(12);
                });
    }

    @Test
    void aPushWithoutNamesFails() {
        assertThatThrownBy(() -> read(pnrgov("13:1", "UNOA", "SRC'RCI+W6:ABC123'")))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> {
                    assertThat(e.segment()).isEqualTo("UNT");
                    assertThat(e.position()).isEqualTo(9);
                });
    }
}
