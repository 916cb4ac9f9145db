package org.waymark.passengerdata.generator;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;

import org.waymark.passengerdata.edifact.Booking;
import org.waymark.passengerdata.edifact.Contact;
import org.waymark.passengerdata.edifact.FlightLeg;
import org.waymark.passengerdata.edifact.Manifest;
import org.waymark.passengerdata.edifact.MessageType;
import org.waymark.passengerdata.edifact.ParsedInterchange;
import org.waymark.passengerdata.edifact.TravelDocument;
import org.waymark.passengerdata.edifact.Traveller;
import org.waymark.passengerdata.edifact.TravellerType;

/**
 * Writes realistic PAXLST and PNRGOV interchanges for flights between the focus countries and
 * Stansted, each with the truth it wrote: what {@link org.waymark.passengerdata.edifact.EdifactReader}
 * should return. Deterministic for a seed. Every message here is made up by this class.
 *
 * <p>Per flight: a passenger list (multi-part when long), a crew list, and five PNR pushes (72, 24,
 * 2 and 1 hours before departure and at departure) with rising message references and check-in and
 * boarding as they happen. {@link #damaged()} gives messages with one kind of damage each.
 */
public final class MessageGenerator {

    /** What is wrong with a message, and whether it should still be read. */
    public enum Damage {
        NONE(true), ODD_SEPARATORS(true), TRUNCATED(true), WRONG_COUNTS(true), MISSING_UNZ(true),
        UNKNOWN_SEGMENTS(true), OUT_OF_PLACE(true), BAD_DATE(true), MIXED_CHARSET(true),
        GARBAGE(false), NOT_PASSENGER_DATA(false), NO_FLIGHT(false), NO_NAMES(false);

        public final boolean readable;

        Damage(boolean readable) {
            this.readable = readable;
        }
    }

    /**
     * One interchange and what it says.
     *
     * @param truth what the reader should return, warnings aside; null where the damage makes it
     *              inexact (a truncated message) or the message should fail
     * @param flight the flight it is about
     */
    public record Generated(String label, MessageType type, Damage damage, byte[] body, ParsedInterchange truth,
            FlightLeg flight) {

        public boolean readable() {
            return damage.readable;
        }
    }

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");
    private static final DateTimeFormatter YYMMDDHHMM = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final String[] MONTHS = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
            "NOV", "DEC" };
    private static final int[] PUSH_HOURS = { 72, 24, 2, 1, 0 };
    private static final double[] CHECKED_IN = { 0, 0, 0.6, 0.9, 0.97 };
    private static final List<String> PAXLST_VERSIONS = List.of("D:02B", "D:05B", "D:12B", "D:16B");
    private static final List<String> PNRGOV_VERSIONS = List.of("10:1", "11:1", "12:1", "13:1", "14:1", "15:1");
    private static final List<EdiWriter.Separators> ODD = List.of(
            new EdiWriter.Separators('*', '^', '.', '?', ' ', '\''),
            new EdiWriter.Separators('!', '|', ',', '\\', ' ', '~'),
            new EdiWriter.Separators(':', '+', ',', '#', '*', '\''));

    private final Random random;
    private final LocalDate firstDay;
    private int controlReference = 1000;
    private int messageCounter = 100;
    /** Set only while writing a message whose bytes deliberately differ from its declared character set. */
    private Charset forcedEncoding;

    public MessageGenerator(long seed) {
        this.random = new Random(seed);
        this.firstDay = LocalDate.of(2027, 1, 4);
    }

    // ---------------------------------------------------------------- the model

    private static final class Pax {
        Names.Name name;
        String pnrFamily;
        String pnrGiven;
        String apiFamily;
        String apiGiven;
        LocalDate birth;
        char gender;
        String typeCode;
        String nationality;
        String residence;
        String docType;
        String docNumber;
        LocalDate expiry;
        boolean docs;
        String ref;
        String apiRef;
        double checkInDraw;
        double boardDraw;
        String seat;
        int bags;
        boolean infant() {
            return "INF".equals(typeCode);
        }
    }

    private static final class Pnr {
        String locator;
        LocalDateTime bookedAt;
        List<Pax> pax = new ArrayList<>();
        String agency;
        String paymentType;
        String card;
        String payer;
        List<String[]> contacts = new ArrayList<>(); // code letter, value
        String[] address;
        List<String> frequentFlyers = new ArrayList<>();
        boolean viaCodeshare;
        FlightLeg otherLeg;
    }

    private static final class Flight {
        FlightLeg leg;
        List<FlightLeg> legs;
        Names.Country country;
        String marketingCarrier;
        String marketingNumber;
        List<Pnr> pnrs = new ArrayList<>();
        List<Pax> crew = new ArrayList<>();
        String apiSyntax;
        String pnrSyntax;
    }

    // ---------------------------------------------------------------- flights

    /** Interchanges for {@code flights} flights of about {@code passengers} passengers each. */
    public List<Generated> flights(int flights, int passengers) {
        List<Generated> all = new ArrayList<>();
        for (int i = 0; i < flights; i++) {
            Flight f = flight(i, passengers);
            all.add(passengerList(f, separators(), 40 + random.nextInt(60), random.nextDouble() < 0.3));
            all.add(crewList(f, separators()));
            for (int k = 0; k < PUSH_HOURS.length; k++) {
                all.add(push(f, k, separators(), random.nextDouble() < 0.3));
            }
        }
        return all;
    }

    /** Only the PNR pushes for {@code flights} flights (for the parse rate). */
    public List<Generated> pushes(int flights, int passengers) {
        List<Generated> all = new ArrayList<>();
        for (int i = 0; i < flights; i++) {
            Flight f = flight(i, passengers);
            for (int k = 0; k < PUSH_HOURS.length; k++) {
                all.add(push(f, k, separators(), random.nextDouble() < 0.3));
            }
        }
        return all;
    }

    private EdiWriter.Separators separators() {
        double d = random.nextDouble();
        if (d < 0.1) {
            return Names.pick(random, ODD);
        }
        return d < 0.15 ? null : EdiWriter.Separators.STANDARD;
    }

    private Flight flight(int index, int passengers) {
        Flight f = new Flight();
        f.country = Names.COUNTRIES.get(index % Names.COUNTRIES.size());
        String airport = Names.pick(random, f.country.airports());
        String carrier = Names.pick(random, f.country.carriers());
        String number = String.valueOf(random.nextDouble() < 0.2 ? 100 + random.nextInt(900)
                : 1000 + random.nextInt(9000));
        boolean toStansted = random.nextBoolean();
        LocalDateTime departure = firstDay.plusDays(index % 60).atTime(6 + random.nextInt(16), random.nextInt(12) * 5);
        int minutes = 150 + random.nextInt(80);
        String origin = toStansted ? airport : "STN";
        String destination = toStansted ? "STN" : airport;
        int offset = toStansted ? -120 : 120;
        if (random.nextDouble() < 0.1 && toStansted) {
            // a flight with a stop on the way
            String via = f.country == Names.MOLDOVA ? "IAS" : "OTP";
            LocalDateTime arriveVia = departure.plusMinutes(60);
            LocalDateTime leaveVia = arriveVia.plusMinutes(50);
            LocalDateTime arrive = leaveVia.plusMinutes(minutes + offset);
            FlightLeg one = new FlightLeg(carrier, number, origin, via, departure, arriveVia);
            FlightLeg two = new FlightLeg(carrier, number, via, destination, leaveVia, arrive);
            f.legs = List.of(one, two);
            f.leg = new FlightLeg(carrier, number, origin, destination, departure, arrive);
        } else {
            f.leg = new FlightLeg(carrier, number, origin, destination, departure,
                    departure.plusMinutes(minutes + offset));
            f.legs = List.of(f.leg);
        }
        if (random.nextDouble() < 0.2) {
            f.marketingCarrier = carrier.equals("LH") ? "OS" : Names.pick(random, List.of("LH", "OS", "LO", "A3"));
            f.marketingNumber = String.valueOf(5000 + random.nextInt(4000));
        }
        f.apiSyntax = syntaxFor(f.country);
        f.pnrSyntax = syntaxFor(f.country);
        int seatRow = 1;
        char seatLetter = 'A';
        Set<String> usedLocators = new HashSet<>();
        int apiRef = 1;
        int people = 0;
        List<String[]> sharedContacts = new ArrayList<>();
        while (people < passengers) {
            Pnr b = new Pnr();
            do {
                b.locator = locator();
            } while (!usedLocators.add(b.locator));
            b.bookedAt = random.nextDouble() < 0.2 ? departure.minusHours(3 + random.nextInt(67))
                    : departure.minusHours(100 + random.nextInt(2000)).withMinute(random.nextInt(60));
            int size = Math.min(passengers - people, 1 + (random.nextDouble() < 0.5 ? 0 : random.nextInt(4)));
            Names.Name family = name(f.country);
            for (int p = 0; p < size; p++) {
                Pax x = new Pax();
                x.name = p > 0 && random.nextDouble() < 0.5 ? family : name(f.country);
                int age = p == 0 ? 18 + random.nextInt(65) : random.nextInt(10) == 0 ? 0 : random.nextInt(80);
                if (age == 0) {
                    x.typeCode = "INF";
                    x.birth = departure.toLocalDate().minusDays(30 + random.nextInt(660));
                } else {
                    age = Math.max(age, 2);
                    x.typeCode = age < 12 ? "CHD" : "ADT";
                    x.birth = departure.toLocalDate().minusYears(age).minusDays(5 + random.nextInt(350));
                }
                x.gender = x.name.gender();
                x.nationality = random.nextDouble() < 0.9 ? f.country.code() : "GBR";
                x.residence = random.nextDouble() < 0.6 ? (random.nextBoolean() ? "GBR" : x.nationality) : null;
                boolean eu = x.nationality.equals("BGR") || x.nationality.equals("ROU");
                x.docType = eu && random.nextBoolean() ? "I" : "P";
                x.docNumber = documentNumber();
                x.expiry = departure.toLocalDate().plusDays(60 + random.nextInt(3600));
                x.docs = random.nextDouble() < 0.9;
                x.ref = String.valueOf(p + 1);
                x.apiRef = String.valueOf(apiRef++);
                x.checkInDraw = random.nextDouble();
                x.boardDraw = random.nextDouble();
                if (!x.infant()) {
                    x.seat = seatRow + String.valueOf(seatLetter);
                    if (++seatLetter > 'F') {
                        seatLetter = 'A';
                        seatRow++;
                    }
                }
                x.bags = random.nextInt(3);
                spell(x, f);
                b.pax.add(x);
                if (random.nextDouble() < 0.2) {
                    b.frequentFlyers.add(carrier + ":" + (100000000 + random.nextInt(899999999)));
                }
            }
            people += size;
            bookingDetails(b, f, sharedContacts);
            f.pnrs.add(b);
        }
        int crew = 4 + random.nextInt(3);
        for (int c = 0; c < crew; c++) {
            Pax x = new Pax();
            x.name = name(f.country);
            x.apiFamily = x.name.latinFamily().get(0);
            x.apiGiven = x.name.latinGiven().get(0);
            x.birth = departure.toLocalDate().minusYears(21 + random.nextInt(40)).minusDays(random.nextInt(300));
            x.gender = x.name.gender();
            x.nationality = f.country.code();
            x.docType = "P";
            x.docNumber = documentNumber();
            x.expiry = departure.toLocalDate().plusDays(100 + random.nextInt(3000));
            x.typeCode = "CRW";
            f.crew.add(x);
        }
        return f;
    }

    private Names.Name name(Names.Country country) {
        return random.nextDouble() < 0.08 ? Names.pick(random, Names.OTHERS) : Names.pick(random, country.names());
    }

    private String syntaxFor(Names.Country country) {
        double d = random.nextDouble();
        if (country == Names.BULGARIA || country == Names.MOLDOVA) {
            return d < 0.4 ? "UNOE" : d < 0.8 ? "UNOY" : "UNOA";
        }
        if (country == Names.ROMANIA) {
            return d < 0.3 ? "UNOD" : d < 0.8 ? "UNOY" : "UNOA";
        }
        if (country == Names.ALBANIA) {
            return d < 0.4 ? "UNOC" : d < 0.8 ? "UNOW" : "UNOA";
        }
        return d < 0.7 ? "UNOY" : "UNOA";
    }

    static Charset charset(String syntax) {
        return switch (syntax) {
            case "UNOA", "UNOB" -> StandardCharsets.US_ASCII;
            case "UNOC" -> StandardCharsets.ISO_8859_1;
            case "UNOD" -> Charset.forName("ISO-8859-2");
            case "UNOE" -> Charset.forName("ISO-8859-5");
            case "UNOF" -> Charset.forName("ISO-8859-7");
            default -> StandardCharsets.UTF_8;
        };
    }

    /** How the booking and the passport data spell a traveller, as each interchange's character set allows. */
    private void spell(Pax x, Flight f) {
        Charset pnr = charset(f.pnrSyntax);
        Charset api = charset(f.apiSyntax);
        Names.Name n = x.name;
        boolean nativePnr = pnr.newEncoder().canEncode(n.family() + n.given()) && random.nextDouble() < 0.7;
        x.pnrFamily = nativePnr ? n.family() : Names.pick(random, n.latinFamily());
        x.pnrGiven = nativePnr ? n.given() : Names.pick(random, n.latinGiven());
        boolean nativeApi = api.newEncoder().canEncode(n.family() + n.given()) && random.nextDouble() < 0.3;
        x.apiFamily = nativeApi ? n.family() : n.latinFamily().get(0);
        x.apiGiven = nativeApi ? n.given() : n.latinGiven().get(0);
    }

    private void bookingDetails(Pnr b, Flight f, List<String[]> shared) {
        Pax lead = b.pax.get(0);
        boolean ascii = f.pnrSyntax.equals("UNOA");
        if (random.nextDouble() < 0.1 && !shared.isEmpty()) {
            b.contacts.add(Names.pick(random, shared));
        } else {
            String digits = f.country.phone() + (800000000 + random.nextInt(199999999));
            String phone = switch (random.nextInt(3)) {
                case 0 -> "+" + digits;
                case 1 -> "00" + digits;
                default -> "+" + digits.substring(0, f.country.phone().length()) + " "
                        + digits.substring(f.country.phone().length());
            };
            String[] c = { "M", phone };
            b.contacts.add(c);
            shared.add(c);
        }
        if (random.nextDouble() < 0.8) {
            String local = (lead.name.latinGiven().get(0) + "." + lead.name.latinFamily().get(0))
                    .replace("'", "").replace(" ", "").toLowerCase(Locale.ROOT) + random.nextInt(100);
            String email = local + "//" + Names.pick(random, List.of("gmail.com", "abv.bg", "yahoo.com", "mail.ru"));
            String[] c = { "E", ascii ? email.toUpperCase(Locale.ROOT) : email };
            b.contacts.add(c);
            if (random.nextDouble() < 0.5) {
                shared.add(c);
            }
        }
        if (random.nextDouble() < 0.1) {
            b.contacts.add(new String[] { "H", "+44 20 7946 " + (1000 + random.nextInt(8999)) });
        }
        if (random.nextDouble() < 0.3) {
            b.address = new String[] { "702", (1 + random.nextInt(120)) + " HIGH STREET", "HARLOW", null,
                    "CM" + (17 + random.nextInt(3)) + " " + random.nextInt(9) + "AB", "GB" };
        }
        b.agency = random.nextDouble() < 0.3 ? String.valueOf(10000000 + random.nextInt(89999999)) : null;
        double pay = random.nextDouble();
        b.paymentType = pay < 0.75 ? "CC" : pay < 0.85 ? "CA" : "MS";
        if (b.paymentType.equals("CC")) {
            b.card = (random.nextBoolean() ? "4" : "5") + String.format("%015d", Math.abs(random.nextLong()) % 1_000_000_000_000_000L);
            double p = random.nextDouble();
            if (p < 0.2) {
                Names.Name payer = Names.pick(random, f.country.names());
                b.payer = payer.latinGiven().get(0) + " " + payer.latinFamily().get(0);
            } else if (p < 0.6) {
                b.payer = lead.name.latinGiven().get(0) + " " + lead.name.latinFamily().get(0);
            }
        }
        b.viaCodeshare = f.marketingCarrier != null && random.nextDouble() < 0.3;
        if (random.nextDouble() < 0.6) {
            FlightLeg l = f.leg;
            int days = 3 + random.nextInt(12);
            String other = String.valueOf(Integer.parseInt(l.number()) + 1);
            b.otherLeg = l.origin().equals("STN")
                    ? new FlightLeg(l.carrier(), other, l.destination(), "STN", l.departure().minusDays(days),
                            l.departure().minusDays(days).plusHours(3))
                    : new FlightLeg(l.carrier(), other, l.destination(), l.origin(), l.departure().plusDays(days),
                            l.departure().plusDays(days).plusHours(3));
        }
    }

    private String locator() {
        String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }

    private String documentNumber() {
        StringBuilder b = new StringBuilder(9);
        b.append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 8; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    private String nextControlReference() {
        return String.format("%09d", controlReference++);
    }

    // ---------------------------------------------------------------- PAXLST

    private static String[] flightDesignatorParts(FlightLeg l) {
        return new String[] { l.carrier(), l.number() };
    }

    private Generated passengerList(Flight f, EdiWriter.Separators seps, int partSize, boolean group) {
        List<Pax> pax = new ArrayList<>();
        List<Pnr> owner = new ArrayList<>();
        for (Pnr b : f.pnrs) {
            for (Pax x : b.pax) {
                pax.add(x);
                owner.add(b);
            }
        }
        return paxlst(f, seps, partSize, group, false, pax, owner, f.apiSyntax, "PAXLST");
    }

    private Generated crewList(Flight f, EdiWriter.Separators seps) {
        return paxlst(f, seps, 1000, false, true, f.crew, null, f.apiSyntax, "PAXLST crew");
    }

    private Generated paxlst(Flight f, EdiWriter.Separators seps, int partSize, boolean group, boolean crew,
            List<Pax> people, List<Pnr> owner, String syntax, String label) {
        String version = Names.pick(random, PAXLST_VERSIONS);
        LocalDateTime prepared = f.leg.departure().minusMinutes(crew ? 60 : 30 - random.nextInt(10));
        String ref = nextControlReference();
        boolean newlines = random.nextBoolean();
        EdiWriter w = new EdiWriter(seps == null ? EdiWriter.Separators.STANDARD : seps, seps != null, newlines);
        String sender = f.leg.carrier();
        w.seg("UNB", new String[] { syntax, "4" }, sender, "GBAPI", new String[] { prepared.format(YYMMDD),
                prepared.format(HHMM) }, ref);
        if (group) {
            w.seg("UNG", "PAXLST", sender, "GBAPI", new String[] { prepared.format(YYMMDD), prepared.format(HHMM) },
                    ref, "UN", new String[] { version.substring(0, 1), version.substring(2) });
        }
        String commonAccess = f.leg.carrier() + f.leg.number() + f.leg.departure().format(YYMMDD) + (crew ? "C" : "P");
        String document = (crew ? "CREW" : "PAX") + ref;
        int parts = Math.max(1, (people.size() + partSize - 1) / partSize);
        List<Traveller> truth = new ArrayList<>();
        boolean leadingZero = random.nextBoolean();
        for (int part = 0; part < parts; part++) {
            w.startMessage();
            String messageRef = String.valueOf(part + 1);
            String[] sequence = parts == 1 ? null
                    : new String[] { String.format("%02d", part + 1), part == parts - 1 ? "F" : "C" };
            w.seg("UNH", messageRef, new String[] { "PAXLST", version.substring(0, 1), version.substring(2), "UN",
                    "IATA" }, commonAccess, sequence);
            w.seg("BGM", crew ? "250" : "745", document);
            w.seg("NAD", "MS", null, null, sender + " API DESK");
            w.seg("COM", new String[] { "442079460000", "TE" });
            String designator = f.leg.carrier() + (leadingZero && f.leg.number().length() < 4
                    ? "0".repeat(4 - f.leg.number().length()) + f.leg.number() : f.leg.number());
            w.seg("TDT", "20", designator, null, null, new String[] { f.leg.carrier() });
            for (FlightLeg l : f.legs) {
                w.seg("LOC", "125", l.origin());
                w.seg("DTM", new String[] { "189", l.departure().format(YYMMDDHHMM), "201" });
                w.seg("LOC", "87", l.destination());
                w.seg("DTM", new String[] { "232", l.arrival().format(YYMMDDHHMM), "201" });
            }
            int from = part * partSize;
            int to = Math.min(people.size(), from + partSize);
            for (int i = from; i < to; i++) {
                Pax x = people.get(i);
                Pnr b = owner == null ? null : owner.get(i);
                List<String> name = new ArrayList<>();
                name.add(x.apiFamily);
                name.addAll(List.of(x.apiGiven.split(" ")));
                w.seg("NAD", crew ? "FM" : "FL", null, null, name.toArray(String[]::new));
                w.seg("ATT", "2", null, new String[] { String.valueOf(x.gender) });
                boolean longDate = random.nextDouble() < 0.2;
                w.seg("DTM", longDate ? new String[] { "329", x.birth.format(DateTimeFormatter.BASIC_ISO_DATE), "102" }
                        : new String[] { "329", x.birth.format(YYMMDD) });
                if (!crew) {
                    w.seg("LOC", "178", f.leg.origin());
                    w.seg("LOC", "179", f.leg.destination());
                    if (x.residence != null) {
                        w.seg("LOC", "174", x.residence);
                    }
                }
                w.seg("NAT", "2", x.nationality);
                boolean seated = !crew && x.seat != null && checkedIn(x, 4);
                if (b != null) {
                    w.seg("RFF", new String[] { "AVF", b.locator });
                    if (seated) {
                        w.seg("RFF", new String[] { "SEA", x.seat });
                    }
                    w.seg("RFF", new String[] { "ABO", x.apiRef });
                }
                w.seg("DOC", new String[] { x.docType, "110", "111" }, x.docNumber);
                w.seg("DTM", new String[] { "36", x.expiry.format(YYMMDD) });
                w.seg("LOC", "91", x.nationality);
                TravellerType type = crew ? TravellerType.CREW
                        : f.leg.departure().toLocalDate().isBefore(x.birth.plusYears(2)) ? TravellerType.INFANT
                                : TravellerType.PASSENGER;
                truth.add(new Traveller(type, x.apiFamily, x.apiGiven, x.birth, String.valueOf(x.gender),
                        x.nationality, crew ? null : x.residence,
                        new TravelDocument(x.docType, x.docNumber, x.nationality, x.expiry), seated ? x.seat : null,
                        null, null, null, b == null ? null : b.locator, b == null ? null : x.apiRef));
            }
            w.seg("CNT", new String[] { crew ? "41" : "42", String.valueOf(to - from) });
            w.seg("UNT", String.valueOf(w.messageSegments()), messageRef);
        }
        if (group) {
            w.seg("UNE", String.valueOf(parts), ref);
        }
        w.seg("UNZ", group ? "1" : String.valueOf(parts), ref);
        Manifest m = new Manifest(f.leg, f.legs, List.of(), commonAccess + "/" + document, crew, truth, List.of());
        ParsedInterchange t = new ParsedInterchange(MessageType.PAXLST, version, sender, ref, prepared, List.of(m),
                List.of());
        return new Generated(label + " " + f.leg.carrier() + f.leg.number() + " " + syntax + (parts > 1 ? " in "
                + parts + " parts" : ""), MessageType.PAXLST,
                seps != null && seps != EdiWriter.Separators.STANDARD ? Damage.ODD_SEPARATORS : Damage.NONE,
                w.bytes(forcedEncoding != null ? forcedEncoding : charset(syntax)), t, f.leg);
    }

    private boolean checkedIn(Pax x, int push) {
        return x.checkInDraw < CHECKED_IN[push];
    }

    private boolean boarded(Pax x, int push) {
        return push == 4 && checkedIn(x, push) && x.boardDraw < 0.97;
    }

    // ---------------------------------------------------------------- PNRGOV

    private Generated push(Flight f, int k, EdiWriter.Separators seps, boolean group) {
        String version = Names.pick(random, PNRGOV_VERSIONS);
        LocalDateTime prepared = f.leg.departure().minusHours(PUSH_HOURS[k]);
        String ref = nextControlReference();
        String messageRef = String.valueOf(messageCounter++);
        EdiWriter w = new EdiWriter(seps == null ? EdiWriter.Separators.STANDARD : seps, seps != null,
                random.nextBoolean());
        String sender = f.leg.carrier();
        String[] when = { prepared.format(YYMMDD), prepared.format(HHMM) };
        w.seg("UNB", new String[] { f.pnrSyntax, "4" }, sender, "GBPNR", when, ref);
        String[] v = version.split(":");
        if (group) {
            w.seg("UNG", "PNRGOV", sender, "GBPNR", when, ref, "IA", new String[] { v[0], v[1] });
        }
        w.startMessage();
        w.seg("UNH", messageRef, new String[] { "PNRGOV", v[0], v[1], "IA" },
                f.leg.carrier() + f.leg.number() + "/" + f.leg.departure().format(DDMMYY));
        w.seg("MSG", new String[] { null, "22" });
        w.seg("ORG", new String[] { sender, f.leg.origin() });
        travel(w, f.leg, f.leg.carrier(), null, false);
        List<Pnr> present = new ArrayList<>();
        for (Pnr b : f.pnrs) {
            if (b.bookedAt.isBefore(prepared)) {
                present.add(b);
            }
        }
        w.seg("EQN", String.valueOf(present.size()));
        List<Booking> bookings = new ArrayList<>();
        List<Traveller> travellers = new ArrayList<>();
        List<String> codeshares = new ArrayList<>();
        for (Pnr b : present) {
            w.seg("SRC");
            w.seg("RCI", new String[] { sender, b.locator, null, b.bookedAt.format(DDMMYY), b.bookedAt.format(HHMM) });
            w.seg("ORG", new String[] { sender, f.leg.origin() }, b.agency == null ? null : new String[] { b.agency });
            List<Contact> contacts = new ArrayList<>();
            if (b.address != null) {
                w.seg("ADD", null, b.address);
                add(contacts, Contact.of(Contact.Kind.ADDRESS, String.join(" ", java.util.Arrays.stream(b.address)
                        .skip(1).filter(java.util.Objects::nonNull).toList())));
            }
            for (String[] c : b.contacts) {
                w.seg("IFT", new String[] { "4", "28" }, "CTC" + c[0] + " " + c[1]);
                add(contacts, Contact.of(c[0].equals("E") ? Contact.Kind.EMAIL : Contact.Kind.PHONE, c[1]));
            }
            List<Traveller> people = new ArrayList<>();
            for (Pax x : b.pax) {
                w.seg("TIF", new String[] { x.pnrFamily }, new String[] { x.pnrGiven, x.typeCode, x.ref });
                if (x.docs) {
                    String gender = x.gender + (x.infant() ? "I" : "");
                    w.seg("SSR", new String[] { "DOCS", "HK", "1", sender, null, null, null, null,
                            "/" + x.docType + "/" + x.nationality + "/" + x.docNumber + "/" + x.nationality + "/"
                                    + ddMMMyy(x.birth) + "/" + gender + "/" + ddMMMyy(x.expiry) + "/"
                                    + x.name.latinFamily().get(0).replace("'", "") + "/" + x.name.latinGiven().get(0) });
                }
            }
            for (String ff : b.frequentFlyers) {
                String[] parts = ff.split(":");
                w.seg("FTI", new String[] { parts[0], parts[1] });
            }
            w.seg("FOP", new String[] { b.paymentType, null, null, b.card == null ? null : "VI", b.card,
                    b.card == null ? null : "1228" });
            if (b.payer != null) {
                w.seg("IFT", new String[] { "4", "43" }, b.payer);
            }
            List<FlightLeg> itinerary = new ArrayList<>();
            boolean otherFirst = b.otherLeg != null && b.otherLeg.departure().isBefore(f.leg.departure());
            if (otherFirst) {
                travel(w, b.otherLeg, b.otherLeg.carrier(), null, true);
                itinerary.add(b.otherLeg);
            }
            if (b.viaCodeshare) {
                travel(w, new FlightLeg(f.marketingCarrier, f.marketingNumber, f.leg.origin(), f.leg.destination(),
                        f.leg.departure(), f.leg.arrival()), f.marketingCarrier, f.leg.carrier(), true);
                if (!codeshares.contains(f.marketingCarrier + f.marketingNumber)) {
                    codeshares.add(f.marketingCarrier + f.marketingNumber);
                }
            } else {
                travel(w, f.leg, f.leg.carrier(), null, true);
            }
            itinerary.add(f.leg);
            int seq = 1;
            for (Pax x : b.pax) {
                if (!checkedIn(x, k)) {
                    continue;
                }
                w.seg("TRI", null, new String[] { String.valueOf(seq++), x.ref });
                w.seg("TIF", new String[] { x.pnrFamily }, new String[] { x.pnrGiven, x.typeCode, x.ref });
                if (x.seat != null) {
                    w.seg("SSD", x.seat);
                }
                w.seg("TBD", null, new String[] { String.valueOf(x.bags), String.valueOf(x.bags * 20), "700" });
                LocalDateTime checkIn = f.leg.departure().minusMinutes(150);
                w.seg("DAT", new String[] { "2", checkIn.format(DDMMYY), checkIn.format(HHMM) });
                if (boarded(x, k)) {
                    LocalDateTime board = f.leg.departure().minusMinutes(25);
                    w.seg("DAT", new String[] { "BD", board.format(DDMMYY), board.format(HHMM) });
                }
            }
            if (!otherFirst && b.otherLeg != null) {
                travel(w, b.otherLeg, b.otherLeg.carrier(), null, true);
                itinerary.add(b.otherLeg);
            }
            for (Pax x : b.pax) {
                boolean in = checkedIn(x, k);
                TravellerType type = x.infant() ? TravellerType.INFANT : TravellerType.PASSENGER;
                people.add(new Traveller(type, x.pnrFamily, x.pnrGiven, x.docs ? x.birth : null,
                        x.docs ? String.valueOf(x.gender) : null, x.docs ? x.nationality : null, null,
                        x.docs ? new TravelDocument(x.docType, x.docNumber, x.nationality, x.expiry) : null,
                        in ? x.seat : null, in ? x.bags : null, in ? Boolean.TRUE : null,
                        in ? boarded(x, k) : null, b.locator, x.ref));
            }
            travellers.addAll(people);
            bookings.add(new Booking(b.locator, b.bookedAt.toLocalDate(), itinerary, b.paymentType, b.card, b.payer,
                    b.agency, contacts, people, b.frequentFlyers));
        }
        w.seg("UNT", String.valueOf(w.messageSegments()), messageRef);
        if (group) {
            w.seg("UNE", "1", ref);
        }
        w.seg("UNZ", "1", ref);
        Manifest m = new Manifest(f.leg, List.of(f.leg), codeshares, messageRef, false, travellers, bookings);
        ParsedInterchange t = new ParsedInterchange(MessageType.PNRGOV, version, sender, ref, prepared, List.of(m),
                List.of());
        return new Generated("PNRGOV " + f.leg.carrier() + f.leg.number() + " T-" + PUSH_HOURS[k] + "h "
                + f.pnrSyntax, MessageType.PNRGOV,
                seps != null && seps != EdiWriter.Separators.STANDARD ? Damage.ODD_SEPARATORS : Damage.NONE,
                w.bytes(charset(f.pnrSyntax)), t, f.leg);
    }

    private static void add(List<Contact> contacts, Contact c) {
        if (c != null && !contacts.contains(c)) {
            contacts.add(c);
        }
    }

    private void travel(EdiWriter w, FlightLeg l, String marketing, String operating, boolean inBooking) {
        String number = inBooking && random.nextDouble() < 0.1 ? "0" + l.number() : l.number();
        w.seg("TVL", new String[] { l.departure().format(DDMMYY), l.departure().format(HHMM),
                l.arrival().format(DDMMYY), l.arrival().format(HHMM) }, l.origin(), l.destination(),
                new String[] { marketing, operating }, number);
        if (inBooking) {
            w.seg("RPI", "1", "HK");
        }
    }

    private static String ddMMMyy(LocalDate d) {
        return String.format("%02d%s%02d", d.getDayOfMonth(), MONTHS[d.getMonthValue() - 1], d.getYear() % 100);
    }

    // ---------------------------------------------------------------- damage

    /** One message of each kind of damage, from one small flight, each labelled. */
    public List<Generated> damaged() {
        Flight f = flight(0, 12);
        f.apiSyntax = "UNOA";
        f.pnrSyntax = "UNOA";
        for (Pnr b : f.pnrs) {
            for (Pax x : b.pax) {
                x.apiFamily = x.name.latinFamily().get(0);
                x.apiGiven = x.name.latinGiven().get(0);
                x.pnrFamily = x.apiFamily;
                x.pnrGiven = x.apiGiven;
            }
        }
        List<Generated> out = new ArrayList<>();
        Generated api = passengerList(f, EdiWriter.Separators.STANDARD, 1000, false);
        Generated pnr = push(f, 3, EdiWriter.Separators.STANDARD, false);
        String a = new String(api.body(), StandardCharsets.US_ASCII);
        String p = new String(pnr.body(), StandardCharsets.US_ASCII);

        for (EdiWriter.Separators odd : ODD) {
            Generated g = passengerList(f, odd, 1000, false);
            out.add(new Generated("odd separators " + odd.una(), g.type(), Damage.ODD_SEPARATORS, g.body(), g.truth(),
                    f.leg));
        }
        int cut = nth(a, "NAD+FL", 8) + 20;
        out.add(damaged("PAXLST truncated inside the 8th traveller", api, a.substring(0, cut), Damage.TRUNCATED,
                false));
        int cutPnr = nth(p, "SRC'", 4) + 30;
        out.add(damaged("PNRGOV truncated inside the 4th booking", pnr, p.substring(0, cutPnr), Damage.TRUNCATED,
                false));
        String counts = replaceSegment(replaceSegment(a, "UNT+", "UNT+999+1'"), "UNZ+", "UNZ+7+" + api.truth().reference() + "'");
        out.add(damaged("PAXLST with wrong UNT and UNZ counts", api, counts, Damage.WRONG_COUNTS, true));
        out.add(damaged("PNRGOV without UNZ", pnr, p.substring(0, p.indexOf("UNZ+")), Damage.MISSING_UNZ, true));
        int at = nth(a, "NAD+FL", 3);
        out.add(damaged("PAXLST with an unknown segment", api, a.substring(0, at) + "ZZQ+WHAT+EVER'"
                + a.substring(at), Damage.UNKNOWN_SEGMENTS, true));
        int atPnr = nth(p, "SRC'", 2);
        out.add(damaged("PNRGOV with an unknown segment", pnr, p.substring(0, atPnr) + "XQX+1:2+3'"
                + p.substring(atPnr), Damage.UNKNOWN_SEGMENTS, true));
        int bgm = a.indexOf("BGM+");
        int afterBgm = a.indexOf('\'', bgm) + 1;
        out.add(damaged("PAXLST with a traveller's segment before any traveller", api,
                a.substring(0, afterBgm) + "ATT+2++F'" + a.substring(afterBgm), Damage.OUT_OF_PLACE, true));
        int dob = a.indexOf("DTM+329:", nth(a, "NAD+FL", 2));
        int dobEnd = a.indexOf('\'', dob);
        out.add(damaged("PAXLST with a date of birth that is no date", api,
                a.substring(0, dob) + "DTM+329:841350" + a.substring(dobEnd), Damage.BAD_DATE, false));
        out.add(mixedCharset(f));
        byte[] garbage = new byte[2000];
        random.nextBytes(garbage);
        out.add(new Generated("random bytes", null, Damage.GARBAGE, garbage, null, f.leg));
        out.add(new Generated("plain text", null, Damage.GARBAGE,
                "Dear customs, please find the passenger list attached.".getBytes(StandardCharsets.US_ASCII), null,
                f.leg));
        out.add(damaged("an invoice, not passenger data", api, a.replace("PAXLST:D", "INVOIC:D"),
                Damage.NOT_PASSENGER_DATA, false));
        out.add(damaged("PAXLST without TDT", api, removeSegments(a, "TDT+"), Damage.NO_FLIGHT, false));
        out.add(damaged("PNRGOV without its flight", pnr, removeFirstSegment(p, "TVL+"), Damage.NO_FLIGHT, false));
        String noNames = a.substring(0, a.indexOf("NAD+FL")) + a.substring(a.indexOf("CNT+"));
        out.add(damaged("PAXLST naming no one", api, noNames, Damage.NO_NAMES, false));
        return out;
    }

    private Generated mixedCharset(Flight f) {
        // declared UNOA, written in UTF-8 with Romanian and Turkish letters
        Flight g = new Flight();
        g.leg = f.leg;
        g.legs = f.legs;
        g.country = f.country;
        g.apiSyntax = "UNOA";
        g.pnrSyntax = "UNOA";
        g.crew = f.crew;
        for (Pnr b : f.pnrs) {
            g.pnrs.add(b);
        }
        forcedEncoding = StandardCharsets.UTF_8;
        Generated api;
        try {
            api = paxlst(g, EdiWriter.Separators.STANDARD, 1000, false, false, diacritics(g), owners(g), "UNOA",
                    "PAXLST");
        } finally {
            forcedEncoding = null;
        }
        return new Generated("PAXLST declared UNOA written in UTF-8", MessageType.PAXLST, Damage.MIXED_CHARSET,
                api.body(), api.truth(), f.leg);
    }

    private List<Pax> diacritics(Flight g) {
        List<Pax> all = new ArrayList<>();
        int i = 0;
        for (Pnr b : g.pnrs) {
            for (Pax x : b.pax) {
                Pax y = copy(x);
                Names.Name n = (i++ % 2 == 0 ? Names.ROMANIA : Names.TURKEY).names().get(i % 5);
                y.apiFamily = n.family();
                y.apiGiven = n.given();
                all.add(y);
            }
        }
        return all;
    }

    private static List<Pnr> owners(Flight g) {
        List<Pnr> all = new ArrayList<>();
        for (Pnr b : g.pnrs) {
            for (int i = 0; i < b.pax.size(); i++) {
                all.add(b);
            }
        }
        return all;
    }

    private static Pax copy(Pax x) {
        Pax y = new Pax();
        y.name = x.name;
        y.birth = x.birth;
        y.gender = x.gender;
        y.typeCode = x.typeCode;
        y.nationality = x.nationality;
        y.residence = x.residence;
        y.docType = x.docType;
        y.docNumber = x.docNumber;
        y.expiry = x.expiry;
        y.ref = x.ref;
        y.apiRef = x.apiRef;
        y.checkInDraw = x.checkInDraw;
        y.seat = x.seat;
        return y;
    }

    private static Generated damaged(String label, Generated base, String text, Damage damage, boolean exact) {
        return new Generated(label, base.type(), damage, text.getBytes(StandardCharsets.UTF_8),
                exact ? base.truth() : null, base.flight());
    }

    private static int nth(String s, String what, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(what, at + 1);
            if (at < 0) {
                throw new IllegalArgumentException("fewer than " + n + " " + what);
            }
        }
        return at;
    }

    private static String replaceSegment(String s, String start, String with) {
        int at = s.indexOf(start);
        int end = s.indexOf('\'', at) + 1;
        return s.substring(0, at) + with + s.substring(end);
    }

    private static String removeSegments(String s, String start) {
        String out = s;
        int at;
        while ((at = out.indexOf(start)) >= 0) {
            out = out.substring(0, at) + out.substring(out.indexOf('\'', at) + 1);
        }
        return out;
    }

    private static String removeFirstSegment(String s, String start) {
        int at = s.indexOf(start);
        return s.substring(0, at) + s.substring(s.indexOf('\'', at) + 1);
    }

    // ---------------------------------------------------------------- files

    /** Writes {@code flights} flights' interchanges into a folder: {@code args: folder flights [passengers] [seed]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: MessageGenerator <folder> <flights> [passengers per flight] [seed]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int flights = Integer.parseInt(args[1]);
        int passengers = args.length > 2 ? Integer.parseInt(args[2]) : 150;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
        Files.createDirectories(folder);
        int n = 0;
        long bytes = 0;
        for (Generated g : new MessageGenerator(seed).flights(flights, passengers)) {
            String name = String.format("%06d-%s.edi", n++, g.type().name().toLowerCase(Locale.ROOT));
            Files.write(folder.resolve(name), g.body());
            bytes += g.body().length;
        }
        System.out.printf("%d interchanges, %d bytes, in %s%n", n, bytes, folder);
    }
}
