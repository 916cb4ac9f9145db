package org.waymark.passengerdata.edifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PAXLST passenger and crew lists, written by hand, as the reader returns them. */
class EdifactReaderPaxlstTest {

    private final EdifactReader reader = new EdifactReader();

    static String paxlst(String version, String bgm, String people) {
        return "UNA:+.? '"
                + "UNB+UNOA:4+W6+GBAPI+270104:0900+000000123'"
                + "UNH+1+PAXLST:" + version + ":UN:IATA+W64301270104P'"
                + "BGM+" + bgm + "+PAX123'"
                + "NAD+MS+++W6 API DESK'"
                + "TDT+20+W604301+++W6'"
                + "LOC+125+sof'"
                + "DTM+189:2701040930:201'"
                + "LOC+87+STN'"
                + "DTM+232:2701041110:201'"
                + people
                + "CNT+42:1'"
                + "UNT+99+1'"
                + "UNZ+1+000000123'";
    }

    static final String IVANOVA = "NAD+FL+++IVANOVA:MARIA:ELENA'"
            + "ATT+2++F'"
            + "DTM+329:840712'"
            + "LOC+178+SOF'LOC+179+STN'"
            + "LOC+174+BGR'"
            + "NAT+2+BGR'"
            + "RFF+AVF:ABC123'RFF+SEA:12C'RFF+ABO:7'"
            + "DOC+P:110:111+382233344'"
            + "DTM+36:291023'"
            + "LOC+91+BGR'";

    private ParsedInterchange read(String text) {
        return reader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = { "D:02B", "D:05B", "D:12B", "D:16B" })
    void eachPaxlstVersionReadsItsFlightAndPassenger(String version) {
        ParsedInterchange read = read(paxlst(version, "745", IVANOVA).replace("UNT+99+1", "UNT+23+1"));

        assertThat(read.type()).isEqualTo(MessageType.PAXLST);
        assertThat(read.version()).isEqualTo(version);
        assertThat(read.sender()).isEqualTo("W6");
        assertThat(read.reference()).isEqualTo("000000123");
        assertThat(read.preparedAt()).isEqualTo(LocalDateTime.of(2027, 1, 4, 9, 0));
        assertThat(read.warnings()).isEmpty();
        Manifest m = read.manifests().get(0);
        assertThat(m.flight()).isEqualTo(new FlightLeg("W6", "4301", "SOF", "STN",
                LocalDateTime.of(2027, 1, 4, 9, 30), LocalDateTime.of(2027, 1, 4, 11, 10)));
        assertThat(m.legs()).containsExactly(m.flight());
        assertThat(m.reference()).isEqualTo("W64301270104P/PAX123");
        assertThat(m.crewList()).isFalse();
        assertThat(m.bookings()).isEmpty();
        assertThat(m.travellers()).containsExactly(new Traveller(TravellerType.PASSENGER, "IVANOVA", "MARIA ELENA",
                LocalDate.of(1984, 7, 12), "F", "BGR", "BGR",
                new TravelDocument("P", "382233344", "BGR", LocalDate.of(2029, 10, 23)), "12C", null, null, null,
                "ABC123", "7"));
        assertThat(read.passengers()).isEqualTo(1);
    }

    @Test
    void aCrewListNamesCrewNotPassengers() {
        String crew = "NAD+FM+++SMITH:JOHN'ATT+2++M'DTM+329:19750101:102'NAT+2+GBR'"
                + "NAD+FL+++JONES:ANNA'ATT+2++F'";
        ParsedInterchange read = read(paxlst("D:05B", "250", crew).replace("CNT+42:1", "CNT+41:2"));

        Manifest m = read.manifests().get(0);
        assertThat(m.crewList()).isTrue();
        assertThat(m.travellers()).extracting(Traveller::type).containsOnly(TravellerType.CREW);
        assertThat(m.travellers()).extracting(Traveller::familyName).containsExactly("SMITH", "JONES");
        assertThat(m.travellers().get(0).birthDate()).isEqualTo(LocalDate.of(1975, 1, 1));
        assertThat(read.passengers()).isZero();
    }

    @Test
    void crewNamedInAPassengerListAreCrew() {
        String people = IVANOVA + "NAD+FM+++PILOT:PETAR'" + "NAD+DDT+++STEWARD:ANA'";
        Manifest m = read(paxlst("D:05B", "745", people)).manifests().get(0);

        assertThat(m.crewList()).isFalse();
        assertThat(m.travellers()).extracting(Traveller::type).containsExactly(TravellerType.PASSENGER,
                TravellerType.CREW, TravellerType.CREW);
    }

    @Test
    void anInfantIsAPassengerNotYetTwoOnTheDayOfDeparture() {
        String people = "NAD+FL+++BABY:ONE'DTM+329:250105'" // turns two the day after departure
                + "NAD+FL+++CHILD:TWO'DTM+329:250104'" // turns two on the day of departure
                + "NAD+FL+++GRAN:THREE'DTM+329:400101'";
        Manifest m = read(paxlst("D:05B", "745", people)).manifests().get(0);

        assertThat(m.travellers()).extracting(Traveller::type).containsExactly(TravellerType.INFANT,
                TravellerType.PASSENGER, TravellerType.PASSENGER);
        assertThat(m.travellers().get(2).birthDate()).isEqualTo(LocalDate.of(1940, 1, 1));
    }

    @Test
    void thePartsOfAMultiPartListAreOneManifest() {
        String part1 = "UNH+1+PAXLST:D:05B:UN:IATA+W64301270104P+01:C'BGM+745+PAX9'TDT+20+W64301'LOC+125+SOF'"
                + "DTM+189:2701040930:201'LOC+87+STN'DTM+232:2701041110:201'NAD+FL+++ONE:A'NAD+FL+++TWO:B'"
                + "CNT+42:2'UNT+11+1'";
        String part2 = "UNH+2+PAXLST:D:05B:UN:IATA+W64301270104P+02:F'BGM+745+PAX9'TDT+20+W64301'LOC+125+SOF'"
                + "DTM+189:2701040930:201'LOC+87+STN'DTM+232:2701041110:201'NAD+FL+++THREE:C'CNT+42:1'UNT+10+2'";
        ParsedInterchange read = read("UNB+UNOA:4+W6+GBAPI+270104:0900+77'" + part1 + part2 + "UNZ+2+77'");

        assertThat(read.warnings()).isEmpty();
        assertThat(read.manifests()).hasSize(1);
        assertThat(read.manifests().get(0).travellers()).extracting(Traveller::familyName)
                .containsExactly("ONE", "TWO", "THREE");
        assertThat(read.manifests().get(0).reference()).isEqualTo("W64301270104P/PAX9");
    }

    @Test
    void aFlightWithAStopHasALegForEachPairOfPlaces() {
        String header = "UNB+UNOA:4+H4+GBAPI+270104:0900+5'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'TDT+20+H4 0321'"
                + "LOC+125+KIV'DTM+189:2701040600:201'LOC+87+IAS'DTM+232:2701040700:201'"
                + "LOC+125+IAS'DTM+189:2701040750:201'LOC+87+STN'DTM+232:2701041000:201'"
                + "NAD+FL+++RUSU:ION'UNT+13+1'UNZ+1+5'";
        Manifest m = read(header).manifests().get(0);

        assertThat(m.legs()).extracting(FlightLeg::origin, FlightLeg::destination)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("KIV", "IAS"),
                        org.assertj.core.groups.Tuple.tuple("IAS", "STN"));
        assertThat(m.flight()).isEqualTo(new FlightLeg("H4", "321", "KIV", "STN", LocalDateTime.of(2027, 1, 4, 6, 0),
                LocalDateTime.of(2027, 1, 4, 10, 0)));
        assertThat(read(header).warnings()).isEmpty();
    }

    @Test
    void severalFlightsInGroupsAreSeveralManifests() {
        String one = "UNH+1+PAXLST:D:12B:UN:IATA'BGM+745'TDT+20+W61'LOC+125+SOF'DTM+189:2701040930:201'"
                + "LOC+87+STN'NAD+FL+++ONE:A'UNT+8+1'";
        String two = "UNH+2+PAXLST:D:12B:UN:IATA'BGM+745'TDT+20+W62'LOC+125+STN'DTM+189:2701041230:201'"
                + "LOC+87+SOF'NAD+FL+++TWO:B'UNT+8+2'";
        ParsedInterchange read = read("UNB+UNOA:4+W6+GBAPI+270104:0900+5'UNG+PAXLST+W6+GBAPI+270104:0900+5+UN+D:12B'"
                + one + "UNE+1+5'UNG+PAXLST+W6+GBAPI+270104:0900+6+UN+D:12B'" + two + "UNE+1+6'UNZ+2+5'");

        assertThat(read.warnings()).isEmpty();
        assertThat(read.manifests()).extracting(m -> m.flight().number()).containsExactly("1", "2");
        assertThat(read.manifests().get(1).flight().origin()).isEqualTo("STN");
    }

    @Test
    void cyrillicNamesReadInIso8859_5AndInUtf8() {
        String people = "NAD+FL+++ИВАНОВА:МАРИЯ'NAD+FL+++ШЕВЧЕНКО:АНДРІЙ'";
        String unoe = paxlst("D:05B", "745", people).replace("UNOA", "UNOE");
        String unoy = paxlst("D:05B", "745", people).replace("UNOA", "UNOY");

        for (byte[] body : new byte[][] { unoe.getBytes(Charset.forName("ISO-8859-5")),
                unoy.getBytes(StandardCharsets.UTF_8) }) {
            ParsedInterchange read = reader.read(body);
            assertThat(read.manifests().get(0).travellers()).extracting(Traveller::familyName, Traveller::givenNames)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ИВАНОВА", "МАРИЯ"),
                            org.assertj.core.groups.Tuple.tuple("ШЕВЧЕНКО", "АНДРІЙ"));
            assertThat(read.warnings()).extracting(ParseWarning::segment).doesNotContain("UNB");
        }
    }

    @Test
    void latinScriptsReadInTheirIsoSets() {
        String romanian = paxlst("D:05B", "745", "NAD+FL+++MUNTEANU:ŞTEFAN'").replace("UNOA", "UNOD");
        String albanian = paxlst("D:05B", "745", "NAD+FL+++ÇELA:ARBËR'").replace("UNOA", "UNOC");
        String turkish = paxlst("D:05B", "745", "NAD+FL+++ŞAHİN:AYŞE'").replace("UNOA", "UNOW");

        assertThat(reader.read(romanian.getBytes(Charset.forName("ISO-8859-2"))).manifests().get(0).travellers()
                .get(0).givenNames()).isEqualTo("ŞTEFAN");
        assertThat(reader.read(albanian.getBytes(StandardCharsets.ISO_8859_1)).manifests().get(0).travellers().get(0)
                .familyName()).isEqualTo("ÇELA");
        assertThat(reader.read(turkish.getBytes(StandardCharsets.UTF_8)).manifests().get(0).travellers().get(0)
                .familyName()).isEqualTo("ŞAHİN");
    }

    @Test
    void utf8BytesUnderAnAsciiDeclarationAreReadAsUtf8WithAWarning() {
        String text = paxlst("D:05B", "745", "NAD+FL+++ŞTEFĂNESCU:ANDREI'");
        ParsedInterchange read = reader.read(text.getBytes(StandardCharsets.UTF_8));

        assertThat(read.manifests().get(0).travellers().get(0).familyName()).isEqualTo("ŞTEFĂNESCU");
        assertThat(read.warnings()).anySatisfy(w -> {
            assertThat(w.segment()).isEqualTo("UNB");
            assertThat(w.text()).contains("UNOA");
        });
    }

    @Test
    void iso8859BytesUnderAUtf8DeclarationAreReadWithAWarning() {
        String text = paxlst("D:05B", "745", "NAD+FL+++ÇELA:ARBËR'").replace("UNOA", "UNOY");
        ParsedInterchange read = reader.read(text.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(read.manifests().get(0).travellers().get(0).familyName()).isEqualTo("ÇELA");
        assertThat(read.warnings()).extracting(ParseWarning::segment).contains("UNB");
    }

    @ParameterizedTest
    @ValueSource(strings = { "*^.? '", "!|,\\ ~", ":+,#*'", ":+.?*\"" })
    void anyServiceStringAdviceIsHonoured(String una) {
        char c = una.charAt(0);
        char e = una.charAt(1);
        char r = una.charAt(3);
        char t = una.charAt(5);
        String esc = String.valueOf(r);
        String text = "UNA" + una
                + "UNB" + e + "UNOA" + c + "4" + e + "W6" + e + "GBAPI" + e + "270104" + c + "0900" + e + "9" + t
                + "UNH" + e + "1" + e + "PAXLST" + c + "D" + c + "05B" + c + "UN" + c + "IATA" + t
                + "BGM" + e + "745" + t
                + "TDT" + e + "20" + e + "W64301" + t
                + "LOC" + e + "125" + e + "SOF" + t
                + "DTM" + e + "189" + c + "2701040930" + c + "201" + t
                + "LOC" + e + "87" + e + "STN" + t
                + "NAD" + e + "FL" + e + e + e + "O" + esc + t + "BRIEN" + esc + e + esc + c + c + "SIOBHAN" + t
                + "NAD" + e + "FL" + e + e + e + "SMITH" + esc + esc + c + "JOHN PAUL" + t
                + "UNT" + e + "9" + e + "1" + t
                + "UNZ" + e + "1" + e + "9" + t;
        ParsedInterchange read = read(text);

        assertThat(read.warnings()).isEmpty();
        assertThat(read.manifests().get(0).flight().carrier()).isEqualTo("W6");
        assertThat(read.manifests().get(0).travellers()).extracting(Traveller::familyName, Traveller::givenNames)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("O" + t + "BRIEN" + e + c, "SIOBHAN"),
                        org.assertj.core.groups.Tuple.tuple("SMITH" + r, "JOHN PAUL"));
    }

    @Test
    void aTruncatedListIsReadAsFarAsItGoes() {
        String text = paxlst("D:05B", "745", IVANOVA + "NAD+FL+++SECOND:ONE'ATT+2++M'NAD+FL+++THIR");
        text = text.substring(0, text.indexOf("NAD+FL+++THIR") + 13);
        ParsedInterchange read = read(text);

        assertThat(read.manifests().get(0).travellers()).extracting(Traveller::familyName)
                .containsExactly("IVANOVA", "SECOND");
        assertThat(read.warnings()).isNotEmpty();
        assertThat(read.warnings()).allSatisfy(w -> assertThat(w.text()).doesNotContain("IVANOVA", "SECOND"));
    }

    @Test
    void wrongControlCountsAreWarnings() {
        ParsedInterchange read = read(paxlst("D:05B", "745", IVANOVA).replace("UNZ+1+", "UNZ+3+"));

        assertThat(read.manifests().get(0).travellers()).hasSize(1);
        assertThat(read.warnings()).extracting(ParseWarning::segment, ParseWarning::position).contains(
                org.assertj.core.groups.Tuple.tuple("UNT", 24), org.assertj.core.groups.Tuple.tuple("UNZ", 25));
    }

    @Test
    void aCountOfPassengersThatDoesNotMatchIsAWarning() {
        ParsedInterchange read = read(paxlst("D:05B", "745", IVANOVA).replace("CNT+42:1", "CNT+42:3"));

        assertThat(read.warnings()).extracting(ParseWarning::segment).contains("CNT");
    }

    @Test
    void unknownAndMisplacedSegmentsAreWarningsWithTheirPlace() {
        String text = paxlst("D:05B", "745", "ZZZ+1'" + IVANOVA).replace("BGM+745+PAX123'",
                "BGM+745+PAX123'ATT+2++F'");
        ParsedInterchange read = read(text);

        assertThat(read.manifests().get(0).travellers()).hasSize(1);
        assertThat(read.manifests().get(0).travellers().get(0).gender()).isEqualTo("F");
        assertThat(read.warnings()).extracting(ParseWarning::segment, ParseWarning::position).contains(
                org.assertj.core.groups.Tuple.tuple("ATT", 4), org.assertj.core.groups.Tuple.tuple("ZZZ", 11));
    }

    @Test
    void aDateThatIsNoDateIsAWarningAndNothing() {
        ParsedInterchange read = read(paxlst("D:05B", "745", IVANOVA.replace("840712", "841340")
                .replace("291023", "2910")));

        Traveller t = read.manifests().get(0).travellers().get(0);
        assertThat(t.birthDate()).isNull();
        assertThat(t.document().expiry()).isNull();
        assertThat(read.warnings()).extracting(ParseWarning::segment).containsOnly("DTM", "UNT");
        assertThat(read.warnings()).allSatisfy(w -> assertThat(w.text()).doesNotContain("841340"));
    }

    @Test
    void aListWithoutUntOrUnzIsReadWithWarnings() {
        String text = paxlst("D:05B", "745", IVANOVA);
        ParsedInterchange read = read(text.substring(0, text.indexOf("UNT+")));

        assertThat(read.manifests().get(0).travellers()).hasSize(1);
        assertThat(read.warnings()).isNotEmpty();
    }

    @Test
    void aByteOrderMarkAndBlankLinesBeforeTheInterchangeAreNoMatter() {
        byte[] text = ("\r\n" + paxlst("D:05B", "745", IVANOVA)).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[text.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(text, 0, body, 3, text.length);

        ParsedInterchange read = reader.read(body);
        assertThat(read.manifests().get(0).travellers()).hasSize(1);
        assertThat(read.warnings()).extracting(ParseWarning::segment).containsOnly("UNT");
    }

    @Test
    void garbageFailsAtTheFirstSegment() {
        assertThatThrownBy(() -> read("%PDF-1.4 this is no EDIFACT at all")).isInstanceOf(
                MalformedMessageException.class).satisfies(e -> {
                    assertThat(((MalformedMessageException) e).position()).isEqualTo(1);
                });
        assertThatThrownBy(() -> reader.read(new byte[0])).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void aMessageOfAnotherKindFailsAtItsUnh() {
        assertThatThrownBy(() -> read(paxlst("D:05B", "745", IVANOVA).replace("PAXLST:D", "INVOIC:D")))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> {
                    assertThat(e.segment()).isEqualTo("UNH");
                    assertThat(e.position()).isEqualTo(2);
                });
    }

    @Test
    void aListWithoutAFlightFailsWhereTheNamesBegin() {
        assertThatThrownBy(() -> read(paxlst("D:05B", "745", IVANOVA).replace("TDT+20+W604301+++W6'", "")))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> {
                    assertThat(e.segment()).isEqualTo("NAD");
                    assertThat(e.position()).isEqualTo(9);
                });
    }

    @Test
    void aListWithoutNamesFailsAtItsEnd() {
        assertThatThrownBy(() -> read(paxlst("D:05B", "745", "")))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> {
                    assertThat(e.segment()).isEqualTo("UNT");
                    assertThat(e.position()).isEqualTo(11);
                });
    }

    @Test
    void flightNumbersAndCodesAreNormalised() {
        assertThat(EdifactValues.flight("W6 04301", null)).containsExactly("W6", "4301");
        assertThat(EdifactValues.flight("0B0012", "0B")).containsExactly("0B", "12");
        assertThat(EdifactValues.flight("WZZ4301", null)).containsExactly("WZZ", "4301");
        assertThat(EdifactValues.flight("1234", "FR")).containsExactly("FR", "1234");
        assertThat(EdifactValues.flight("tk1979a", null)).containsExactly("TK", "1979A");
        assertThat(EdifactValues.number("0000")).isEqualTo("0");
    }
}
