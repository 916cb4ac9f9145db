package org.waymark.passengerdata.edifact;

import java.io.InputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.Location;

/**
 * Reads a UN/EDIFACT PAXLST or PNRGOV interchange into a {@link ParsedInterchange}, with StAEDI's
 * streaming reader doing the syntax (service string advice, separators, release character, control
 * counts). Stateless and thread-safe: each call keeps its own state.
 *
 * <p>Tolerant by design: an unknown or misplaced segment, a date that does not parse, a wrong
 * control count or a message that breaks off become {@link ParseWarning}s. Only a message that
 * means nothing fails with {@link MalformedMessageException}: not EDIFACT, neither PAXLST nor
 * PNRGOV, no flight, or no names at all.
 *
 * <p>What it takes from a PAXLST: BGM 745 (passengers) or 250 (crew); TDT+20 the flight; LOC+125
 * with DTM+189 and LOC+87 with DTM+232 its legs; per NAD+FL/DDU (passenger) or NAD+FM/DDT (crew):
 * ATT+2 gender, DTM+329 birth, NAT+2, LOC+174 residence, RFF AVF/SEA/ABO, the first non-visa DOC with
 * its DTM+36 and LOC+91; CNT 42/41 checked against the names. Parts of one flight's list (UNH
 * sequence {@code 01:C} ... {@code nn:F}) come out as one manifest.
 *
 * <p>What it takes from a PNRGOV: the TVL before the first SRC is the push's flight; per SRC: RCI
 * locator and creation date, ORG's second element the agency, ADD an address, IFT {@code CTCx}
 * texts phones ({@code CTCE} an email), TIF the travellers (type INF an infant), FTI frequent
 * flyer numbers, SSR DOCS document, birth, gender and nationality, FOP type and card number, IFT
 * 4:43 after FOP the payer, TVL the itinerary (marketing:operating carriers: a marketing carrier on
 * the push's flight is a codeshare); after the push flight's TVL, TRI/TIF groups are check-in:
 * SSD seat, TBD bags, DAT+2 checked in, DAT+BD boarded.
 */
public class EdifactReader {

    static final Set<String> PAXLST_VERSIONS = Set.of("D:02B", "D:05B", "D:12B", "D:16B");
    static final Set<String> PNRGOV_VERSIONS = Set.of("10:1", "11:1", "12:1", "13:1", "14:1", "15:1");

    private static final Set<String> PAXLST_SEGMENTS = Set.of("BGM", "RFF", "DTM", "NAD", "COM", "TDT", "LOC",
            "ATT", "GEI", "FTX", "MEA", "QTY", "NAT", "DOC", "CNT", "EMP", "CTA", "GID", "FII", "SEQ");
    private static final Set<String> PNRGOV_SEGMENTS = Set.of("MSG", "ORG", "TVL", "EQN", "SRC", "RCI", "DAT",
            "ADD", "IFT", "EBD", "TIF", "FTI", "SSR", "FOP", "TKT", "MON", "PTK", "TXD", "FAR", "RPI", "APD", "TRI",
            "SSD", "TBD", "ABI", "SAC", "REF", "PTS", "TRA", "CNT", "LTS", "DCS", "STX", "CRI");
    /** Known segments whose values the reader never needs: their text is not even taken. */
    private static final Set<String> SKIPPED = Set.of("COM", "GEI", "FTX", "MEA", "QTY", "EMP", "CTA", "GID", "FII",
            "SEQ", "MSG", "EQN", "EBD", "TKT", "MON", "PTK", "TXD", "FAR", "RPI", "APD", "ABI", "SAC", "REF", "PTS",
            "TRA", "LTS", "STX", "CRI", "UNE", "UNG");

    private final EDIInputFactory factory;

    public EdifactReader() {
        factory = EDIInputFactory.newFactory();
        // Codes in the service segments (versions, agencies) are ours to judge, not the control schema's
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
    }

    public ParsedInterchange read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedMessageException("The message is empty", null, 1);
        }
        Parse parse = new Parse();
        Charset charset = charset(body, parse.warnings);
        EDIStreamReader reader;
        try {
            reader = factory.createEDIStreamReader(new Bytes(body), charset.name());
        } catch (EDIStreamException e) {
            throw new MalformedMessageException("The message cannot be read as EDIFACT", null, 1, e);
        }
        try {
            parse.run(reader);
        } catch (EDIStreamException | RuntimeException e) {
            if (e instanceof MalformedMessageException m) {
                throw m;
            }
            parse.brokenOff(e);
        } finally {
            try {
                reader.close();
            } catch (IOException ignored) {
                // a byte array has nothing to close
            }
        }
        return parse.result();
    }

    /**
     * The body as a stream without {@link java.io.ByteArrayInputStream}'s locking: StAEDI reads
     * one byte at a time.
     */
    private static final class Bytes extends InputStream {
        private final byte[] body;
        private int at;

        Bytes(byte[] body) {
            this.body = body;
            // a byte order mark or blank lines before UNA/UNB are no part of the interchange
            if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
                at = 3;
            }
            while (at < body.length && (body[at] == ' ' || body[at] == '\r' || body[at] == '\n' || body[at] == '\t')) {
                at++;
            }
        }

        @Override
        public int read() {
            return at < body.length ? body[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (at >= body.length) {
                return -1;
            }
            int n = Math.min(length, body.length - at);
            System.arraycopy(body, at, into, offset, n);
            at += n;
            return n;
        }
    }

    // ---------------------------------------------------------------- character set

    /**
     * The character set the UNB syntax identifier names. When the bytes plainly are not in it (UTF-8
     * where ASCII or an ISO 8859 set was declared, or not UTF-8 where UTF-8 was), read them as what
     * they are and say so.
     */
    static Charset charset(byte[] body, List<ParseWarning> warnings) {
        String syntax = syntaxIdentifier(body);
        Charset declared = switch (syntax == null ? "" : syntax) {
            case "UNOA", "UNOB" -> StandardCharsets.US_ASCII;
            case "UNOC" -> StandardCharsets.ISO_8859_1;
            case "UNOD" -> Charset.forName("ISO-8859-2");
            case "UNOE" -> Charset.forName("ISO-8859-5");
            case "UNOF" -> Charset.forName("ISO-8859-7");
            default -> StandardCharsets.UTF_8;
        };
        boolean high = false;
        boolean bom = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF;
        for (int i = bom ? 3 : 0; i < body.length; i++) {
            if (body[i] < 0) {
                high = true;
                break;
            }
        }
        if (!high) {
            // plain ASCII reads the same in every set named here; ISO 8859-1 is the cheapest for StAEDI to decode
            return StandardCharsets.ISO_8859_1;
        }
        boolean utf8 = validUtf8(body);
        if (declared == StandardCharsets.UTF_8 && !utf8) {
            warnings.add(new ParseWarning("UNB", 1,
                    "The interchange declares UTF-8 but holds bytes that are not UTF-8; they were read as ISO 8859-1"));
            return StandardCharsets.ISO_8859_1;
        }
        if (declared == StandardCharsets.US_ASCII) {
            warnings.add(new ParseWarning("UNB", 1, "The interchange declares " + syntax
                    + " but holds characters outside it; they were read as " + (utf8 ? "UTF-8" : "ISO 8859-1")));
            return utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        }
        if (declared != StandardCharsets.UTF_8 && utf8) {
            warnings.add(new ParseWarning("UNB", 1,
                    "The interchange declares " + syntax + " but its text is UTF-8; it was read as UTF-8"));
            return StandardCharsets.UTF_8;
        }
        return declared;
    }

    /** The four letters after {@code UNB} and its element separator, such as {@code UNOY}, or null. */
    private static String syntaxIdentifier(byte[] body) {
        int limit = Math.min(body.length - 8, 256);
        for (int i = 0; i <= limit; i++) {
            if (body[i] == 'U' && body[i + 1] == 'N' && body[i + 2] == 'B' && body[i + 4] == 'U'
                    && body[i + 5] == 'N' && body[i + 6] == 'O') {
                return new String(body, i + 4, 4, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static boolean validUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        boolean multibyte = false;
        while (i < n) {
            int c = b[i] & 0xFF;
            int more;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                more = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                more = 2;
            } else if (c >= 0xF0 && c <= 0xF4) {
                more = 3;
            } else {
                return false;
            }
            for (int k = 1; k <= more; k++) {
                if (i + k >= n || (b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            multibyte = true;
            i += more + 1;
        }
        return multibyte;
    }

    // ---------------------------------------------------------------- one read

    /** The state of one read. */
    private static final class Parse {

        final List<ParseWarning> warnings = new ArrayList<>();
        final Segment seg = new Segment();
        final Map<String, ManifestBuilder> manifests = new LinkedHashMap<>();

        MessageType type;
        String version;
        String sender;
        String reference;
        LocalDateTime preparedAt;
        boolean sawUnb;
        boolean sawUnz;
        boolean una;
        int count;
        String lastTag;
        int lastEnd;
        String lastEndTag = "UNZ";
        int messages;
        MalformedMessageException noFlight;

        Message message;

        /**
         * Walks StAEDI's events, filling {@link #seg} and handing each finished segment on. Under
         * syntax version 4 StAEDI takes the fifth character of UNA as the repetition separator, and
         * most senders put a space there meaning none; an element it splits at a space is joined
         * back with the space. A true repetition keeps its first occurrence.
         */
        void run(EDIStreamReader r) throws EDIStreamException {
            boolean capture = false;
            int element = 0;
            int occurrence = 0;
            int base = 0;
            int lastComponent = 0;
            int spaceRepetition = -1;
            while (r.hasNext()) {
                EDIStreamEvent event = r.next();
                switch (event) {
                    case START_SEGMENT -> {
                        String tag = r.getText();
                        if ("UNA".equals(tag)) {
                            una = true;
                            capture = false;
                            seg.reset(tag, 0);
                        } else {
                            count++;
                            seg.reset(tag, count);
                            lastTag = tag;
                            capture = !SKIPPED.contains(tag);
                        }
                        element = 0;
                    }
                    case ELEMENT_DATA -> {
                        Location at = r.getLocation();
                        int e = at.getElementPosition();
                        int c = Math.max(1, at.getComponentPosition());
                        int occ = at.getElementOccurrence();
                        if (e != element) {
                            element = e;
                            occurrence = occ;
                            base = 0;
                        } else if (occ != occurrence) {
                            occurrence = occ;
                            base = lastComponent - 1;
                        }
                        int index = base + c;
                        lastComponent = index;
                        if (!capture) {
                            continue;
                        }
                        if (occ > 1) {
                            if (spaceRepetition < 0) {
                                Character rep = r.getDelimiters().get(Delimiters.REPETITION);
                                spaceRepetition = rep != null && rep == ' ' ? 1 : 0;
                            }
                            if (spaceRepetition == 0) {
                                continue;
                            }
                            if (c == 1) {
                                seg.append(e, index, r.getText());
                                continue;
                            }
                        }
                        seg.set(e, index, r.getText());
                    }
                    case END_SEGMENT -> {
                        if (seg.position > 0) {
                            segment(seg);
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(r);
                    default -> {
                        // interchange, group and transaction boundaries are read from their segments
                    }
                }
            }
        }

        private void error(EDIStreamReader r) {
            EDIStreamValidationError error = r.getErrorType();
            int position = r.getLocation().getSegmentPosition() - (una ? 1 : 0);
            // a segment error may come before the segment's start: StAEDI names the segment then
            String tag = r.getEventType() == EDIStreamEvent.SEGMENT_ERROR && r.hasText() ? r.getText() : seg.tag;
            switch (error) {
                case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> warnings.add(new ParseWarning(tag, position,
                        switch (tag == null ? "" : tag) {
                            case "UNT" -> "The segment count in UNT does not match the message";
                            case "UNZ" -> "The message or group count in UNZ does not match the interchange";
                            case "UNE" -> "The message count in UNE does not match the group";
                            default -> "A control count does not match what was sent";
                        }));
                case CONTROL_REFERENCE_MISMATCH -> warnings.add(new ParseWarning(tag, position,
                        "The control reference in " + tag + " does not match the one that opened it"));
                case DATA_ELEMENT_TOO_SHORT, DATA_ELEMENT_TOO_LONG, INVALID_CHARACTER_DATA, INVALID_CODE_VALUE,
                        INVALID_DATE, INVALID_TIME, TOO_MANY_DATA_ELEMENTS, TOO_MANY_COMPONENTS,
                        TOO_MANY_REPETITIONS, REQUIRED_DATA_ELEMENT_MISSING -> {
                    // the service segments' element formats vary between senders; the reader judges values itself
                }
                default -> warnings.add(new ParseWarning(tag, position,
                        "The interchange's structure is out of order: " + words(error)));
            }
        }

        private static String words(EDIStreamValidationError error) {
            return error.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }

        void warn(Segment s, String text) {
            warnings.add(new ParseWarning(s.tag, s.position, text));
        }

        // ------------------------------------------------------------ dispatch

        private void segment(Segment s) {
            switch (s.tag) {
                case "UNB" -> unb(s);
                case "UNG", "UNE" -> {
                    // functional groups add nothing the messages do not say
                }
                case "UNH" -> unh(s);
                case "UNT" -> {
                    if (message == null) {
                        warn(s, "UNT without a UNH before it");
                    } else {
                        finish(message, s.tag, s.position);
                        message = null;
                    }
                }
                case "UNZ" -> {
                    sawUnz = true;
                    if (message != null) {
                        warnings.add(new ParseWarning("UNH", message.start, "The message has no UNT"));
                        finish(message, s.tag, s.position);
                        message = null;
                    }
                }
                default -> {
                    if (!sawUnb) {
                        throw new MalformedMessageException("The interchange does not begin with UNB", s.tag,
                                s.position);
                    }
                    if (message == null) {
                        warn(s, "A segment outside any message (UNH to UNT) was left out");
                    } else if (message.skip) {
                        // a message of another type: already warned
                    } else if (message.type == MessageType.PAXLST) {
                        message.paxlst(s);
                    } else {
                        message.pnrgov(s);
                    }
                }
            }
        }

        private void unb(Segment s) {
            if (sawUnb) {
                warn(s, "A second UNB in one interchange; read as part of the first");
                return;
            }
            sawUnb = true;
            sender = s.get(2, 1);
            preparedAt = EdifactValues.headerTime(s.get(4, 1), s.get(4, 2));
            if (preparedAt == null) {
                warn(s, "The interchange's preparation date and time are not understood");
            }
            reference = s.get(5, 1);
        }

        private void unh(Segment s) {
            if (!sawUnb) {
                throw new MalformedMessageException("The interchange does not begin with UNB", s.tag, s.position);
            }
            if (message != null) {
                warnings.add(new ParseWarning("UNH", message.start, "The message has no UNT"));
                finish(message, s.tag, s.position);
            }
            messages++;
            String name = s.get(2, 1);
            MessageType messageType;
            if ("PAXLST".equals(name)) {
                messageType = MessageType.PAXLST;
            } else if ("PNRGOV".equals(name)) {
                messageType = MessageType.PNRGOV;
            } else {
                throw new MalformedMessageException("The message is neither PAXLST nor PNRGOV", s.tag, s.position);
            }
            String v = s.get(2, 2) == null ? null
                    : s.get(2, 3) == null ? s.get(2, 2) : s.get(2, 2) + ":" + s.get(2, 3);
            message = new Message(this, messageType, s.position);
            if (type == null) {
                type = messageType;
                version = v;
                boolean known = messageType == MessageType.PAXLST ? PAXLST_VERSIONS.contains(v)
                        : PNRGOV_VERSIONS.contains(v);
                if (!known) {
                    warn(s, "The message version is not one this reader knows; read as the nearest it knows");
                }
            } else if (type != messageType) {
                warn(s, "A " + messageType + " message in a " + type + " interchange was left out");
                message.skip = true;
            }
            message.messageReference = s.get(1);
            message.commonAccess = s.get(3, 1);
            String sequenceOfTransfers = s.get(4, 1);
            int sequence = sequenceOfTransfers == null ? -1
                    : EdifactValues.digits(sequenceOfTransfers, 0, sequenceOfTransfers.length());
            message.part = sequence > 0 ? sequence : 1;
        }

        private void finish(Message m, String endTag, int endPosition) {
            lastEndTag = endTag;
            lastEnd = endPosition;
            if (m.skip) {
                return;
            }
            m.close();
            if (m.flight == null) {
                if (noFlight == null) {
                    noFlight = new MalformedMessageException("The message names no flight", m.firstNameTag == null
                            ? endTag : m.firstNameTag, m.firstNameTag == null ? endPosition : m.firstNamePosition);
                }
                warnings.add(new ParseWarning("UNH", m.start, "The message names no flight; it was left out"));
                return;
            }
            String key = m.key();
            ManifestBuilder b = manifests.get(key);
            if (b == null) {
                b = new ManifestBuilder(m);
                manifests.put(key, b);
            } else {
                b.add(m);
            }
        }

        void brokenOff(Exception e) {
            if (!sawUnb) {
                throw new MalformedMessageException("The message is not EDIFACT", count == 0 ? null : lastTag,
                        count + 1, e);
            }
            int at = count + 1;
            if (message != null) {
                warnings.add(new ParseWarning(lastTag, count,
                        "The interchange breaks off or cannot be read after this segment;"
                                + " the message was read as far as it goes"));
                finish(message, lastTag, count);
                message = null;
            } else if (!sawUnz) {
                warnings.add(new ParseWarning(lastTag, count,
                        "The interchange ends without UNZ or cannot be read after this segment"));
            } else {
                warnings.add(new ParseWarning(null, at, "Something after UNZ could not be read"));
            }
        }

        ParsedInterchange result() {
            if (!sawUnb) {
                throw new MalformedMessageException("The message is not EDIFACT", null, 1);
            }
            if (message != null) {
                warnings.add(new ParseWarning("UNH", message.start, "The message has no UNT"));
                finish(message, lastTag, count);
                message = null;
                if (!sawUnz) {
                    warnings.add(new ParseWarning(lastTag, count, "The interchange ends without UNZ"));
                }
            }
            if (type == null) {
                throw new MalformedMessageException("The interchange holds no message", lastTag, count);
            }
            if (manifests.isEmpty()) {
                throw noFlight != null ? noFlight
                        : new MalformedMessageException("The message names no flight", lastEndTag, lastEnd);
            }
            List<Manifest> built = new ArrayList<>(manifests.size());
            int people = 0;
            for (ManifestBuilder b : manifests.values()) {
                Manifest m = b.build();
                people += m.travellers().size();
                built.add(m);
            }
            if (people == 0) {
                throw new MalformedMessageException("The message names no one", lastEndTag, lastEnd);
            }
            return new ParsedInterchange(type, version, sender, reference, preparedAt, built, warnings);
        }
    }

    // ---------------------------------------------------------------- one message

    /** One message, UNH to UNT, as it is read. */
    private static final class Message {

        final Parse parse;
        final MessageType type;
        final int start;
        boolean skip;
        String messageReference;
        String commonAccess;
        /** The UNH sequence of transfers: which part of a multi-part message this is, 1 when whole. */
        int part = 1;
        String documentNumber;
        boolean crewList;

        // the flight
        String flightId;
        String carrierHint;
        final List<String[]> legs = new ArrayList<>(); // origin, destination
        final List<LocalDateTime[]> legTimes = new ArrayList<>();
        FlightLeg flight;
        List<FlightLeg> flightLegs = List.of();
        final List<String> codeshares = new ArrayList<>();
        String firstNameTag;
        int firstNamePosition;

        final List<Traveller> travellers = new ArrayList<>();
        final List<Booking> bookings = new ArrayList<>();

        // PAXLST
        Person person;
        Integer countedPassengers;
        int countPosition;
        Integer countedCrew;
        int namedPassengers;
        int namedCrew;

        // PNRGOV
        BookingBuilder booking;

        Message(Parse parse, MessageType type, int start) {
            this.parse = parse;
            this.type = type;
            this.start = start;
        }

        String key() {
            return type + "|" + crewList + "|" + flight.carrier() + flight.number() + "|" + flight.origin() + "|"
                    + (flight.departure() == null ? null : flight.departure().toLocalDate());
        }

        String reference() {
            if (type == MessageType.PNRGOV) {
                return messageReference;
            }
            String base = commonAccess != null ? commonAccess : messageReference;
            return documentNumber == null ? base : base + "/" + documentNumber;
        }

        LocalDate departureDate() {
            if (flight != null && flight.departure() != null) {
                return flight.departure().toLocalDate();
            }
            for (LocalDateTime[] t : legTimes) {
                if (t[0] != null) {
                    return t[0].toLocalDate();
                }
            }
            return null;
        }

        void named(Segment s) {
            if (firstNameTag == null) {
                firstNameTag = s.tag;
                firstNamePosition = s.position;
            }
        }

        // ------------------------------------------------------------ PAXLST

        void paxlst(Segment s) {
            switch (s.tag) {
                case "BGM" -> {
                    String code = s.get(1, 1);
                    if ("250".equals(code)) {
                        crewList = true;
                    } else if (!"745".equals(code)) {
                        parse.warn(s, "The document is neither a passenger (745) nor a crew list (250);"
                                + " read as passengers");
                    }
                    documentNumber = s.get(2, 1);
                }
                case "TDT" -> {
                    if (s.is("20")) {
                        flightId = s.get(2, 1);
                        carrierHint = s.get(5, 1);
                    }
                }
                case "LOC" -> paxlstLocation(s);
                case "DTM" -> paxlstDate(s);
                case "NAD" -> paxlstName(s);
                case "ATT" -> {
                    if (inPerson(s) && s.is("2")) {
                        person.gender = s.get(3, 1);
                    }
                }
                case "NAT" -> {
                    if (inPerson(s) && s.is("2")) {
                        person.nationality = upper(s.get(2, 1));
                    }
                }
                case "RFF" -> {
                    if (person != null) {
                        String q = s.get(1, 1);
                        String value = s.get(1, 2);
                        if ("AVF".equals(q)) {
                            person.bookingLocator = value;
                        } else if ("SEA".equals(q)) {
                            person.seat = value;
                        } else if ("ABO".equals(q)) {
                            person.reference = value;
                        }
                    }
                }
                case "DOC" -> {
                    if (inPerson(s)) {
                        String docType = s.get(1, 1);
                        boolean replace = person.docType == null
                                || ("V".equals(person.docType) && !"V".equals(docType));
                        person.docOpen = replace;
                        if (replace) {
                            person.docType = docType;
                            person.docNumber = s.get(2, 1);
                            person.docCountry = null;
                            person.docExpiry = null;
                        }
                    }
                }
                case "CNT" -> {
                    flushPerson();
                    countPosition = s.position;
                    Integer n = EdifactValues.integer(s.get(1, 2));
                    if (s.is("42")) {
                        countedPassengers = n;
                    } else if (s.is("41")) {
                        countedCrew = n;
                    }
                }
                default -> {
                    if (!PAXLST_SEGMENTS.contains(s.tag)) {
                        parse.warn(s, "An unknown segment was left out");
                    }
                }
            }
        }

        private boolean inPerson(Segment s) {
            if (person == null) {
                parse.warn(s, "A traveller's segment before any traveller (NAD) was left out");
                return false;
            }
            return true;
        }

        private void paxlstLocation(Segment s) {
            String q = s.get(1, 1);
            if (person == null) {
                if ("125".equals(q)) {
                    legs.add(new String[] { upper(s.get(2, 1)), null });
                    legTimes.add(new LocalDateTime[2]);
                } else if ("87".equals(q)) {
                    if (legs.isEmpty() || legs.get(legs.size() - 1)[1] != null) {
                        legs.add(new String[] { null, null });
                        legTimes.add(new LocalDateTime[2]);
                    }
                    legs.get(legs.size() - 1)[1] = upper(s.get(2, 1));
                }
                return;
            }
            if ("174".equals(q)) {
                person.residence = upper(s.get(2, 1));
            } else if ("91".equals(q)) {
                if (person.docOpen) {
                    person.docCountry = upper(s.get(2, 1));
                }
            }
            // 178, 179, 22: where the traveller boards, leaves or clears; nothing kept
        }

        private void paxlstDate(Segment s) {
            String q = s.get(1, 1);
            String value = s.get(1, 2);
            String format = s.get(1, 3);
            if (person == null) {
                if (("189".equals(q) || "232".equals(q)) && !legs.isEmpty()) {
                    LocalDateTime t = EdifactValues.dateTime(value, format);
                    if (t == null) {
                        parse.warn(s, "A flight date and time is not understood");
                    }
                    legTimes.get(legTimes.size() - 1)["189".equals(q) ? 0 : 1] = t;
                }
                return;
            }
            if ("329".equals(q)) {
                person.birthDate = EdifactValues.birthDate(value, format, departureDateOrToday());
                if (person.birthDate == null) {
                    parse.warn(s, "A date of birth is not understood");
                }
            } else if ("36".equals(q) && person.docOpen) {
                LocalDateTime t = EdifactValues.dateTime(value, format);
                if (t == null) {
                    parse.warn(s, "A document's expiry date is not understood");
                }
                person.docExpiry = t == null ? null : t.toLocalDate();
            }
        }

        private LocalDate departureDateOrToday() {
            LocalDate d = departureDate();
            return d != null ? d : parse.preparedAt != null ? parse.preparedAt.toLocalDate() : LocalDate.now();
        }

        private void paxlstName(Segment s) {
            String q = s.get(1, 1);
            boolean passenger = "FL".equals(q) || "DDU".equals(q);
            boolean crew = "FM".equals(q) || "DDT".equals(q);
            if (!passenger && !crew) {
                if (person != null) {
                    flushPerson();
                }
                return;
            }
            flushPerson();
            named(s);
            buildFlight();
            String family = s.get(4, 1);
            if (family == null) {
                parse.warn(s, "A traveller without a family name was left out");
                return;
            }
            person = new Person();
            person.crew = crew || crewList;
            person.familyName = family;
            person.givenNames = joinComponents(s, 4, 2);
        }

        private static String joinComponents(Segment s, int element, int from) {
            String first = s.get(element, from);
            if (first == null) {
                return null;
            }
            String next = s.get(element, from + 1);
            if (next == null) {
                return first;
            }
            StringBuilder b = new StringBuilder(first);
            for (int c = from + 1; c <= 6; c++) {
                String v = s.get(element, c);
                if (v != null) {
                    b.append(' ').append(v);
                }
            }
            return b.toString();
        }

        private void flushPerson() {
            if (person == null) {
                return;
            }
            Person p = person;
            person = null;
            TravellerType t;
            if (p.crew) {
                t = TravellerType.CREW;
                namedCrew++;
            } else {
                t = infant(p.birthDate, false) ? TravellerType.INFANT : TravellerType.PASSENGER;
                namedPassengers++;
            }
            TravelDocument doc = p.docType == null && p.docNumber == null ? null
                    : new TravelDocument(p.docType, p.docNumber, p.docCountry, p.docExpiry);
            travellers.add(new Traveller(t, p.familyName, p.givenNames, p.birthDate, p.gender, p.nationality,
                    p.residence, doc, p.seat, null, null, null, p.bookingLocator, p.reference));
        }

        /**
         * IATA's definition: an infant is a passenger who has not reached their second birthday on
         * the day the flight departs. A booking's INF type says so too.
         */
        boolean infant(LocalDate birthDate, boolean typedInfant) {
            if (typedInfant) {
                return true;
            }
            LocalDate departure = departureDate();
            return birthDate != null && departure != null && departure.isBefore(birthDate.plusYears(2));
        }

        private void buildFlight() {
            if (flight != null || flightId == null) {
                return;
            }
            String[] f = EdifactValues.flight(flightId, carrierHint);
            if (f == null) {
                return;
            }
            List<FlightLeg> built = new ArrayList<>();
            for (int i = 0; i < legs.size(); i++) {
                String[] l = legs.get(i);
                LocalDateTime[] t = legTimes.get(i);
                built.add(new FlightLeg(f[0], f[1], l[0], l[1], t[0], t[1]));
            }
            if (built.isEmpty()) {
                flight = new FlightLeg(f[0], f[1], null, null, null, null);
                flightLegs = List.of(flight);
            } else {
                FlightLeg first = built.get(0);
                FlightLeg last = built.get(built.size() - 1);
                flight = built.size() == 1 ? first
                        : new FlightLeg(f[0], f[1], first.origin(), last.destination(), first.departure(),
                                last.arrival());
                flightLegs = built;
            }
        }

        // ------------------------------------------------------------ PNRGOV

        void pnrgov(Segment s) {
            switch (s.tag) {
                case "TVL" -> pnrTravel(s);
                case "SRC" -> {
                    flushBooking();
                    booking = new BookingBuilder();
                    booking.position = s.position;
                }
                case "RCI" -> {
                    if (inBooking(s)) {
                        booking.locator = s.get(1, 2);
                        String date = s.get(1, 4);
                        if (date != null) {
                            LocalDateTime t = EdifactValues.ddMMyy(date, null);
                            if (t == null) {
                                parse.warn(s, "A booking's creation date is not understood");
                            }
                            booking.bookedOn = t == null ? null : t.toLocalDate();
                        }
                    }
                }
                case "ORG" -> {
                    if (booking != null) {
                        booking.agency = s.get(2, 1);
                    }
                }
                case "ADD" -> {
                    if (inBooking(s)) {
                        StringBuilder b = new StringBuilder();
                        for (int c = 2; c <= 7; c++) {
                            String v = s.get(2, c);
                            if (v != null) {
                                if (b.length() > 0) {
                                    b.append(' ');
                                }
                                b.append(v);
                            }
                        }
                        booking.contact(Contact.of(Contact.Kind.ADDRESS, b.toString()));
                    }
                }
                case "IFT" -> pnrText(s);
                case "TIF" -> pnrTraveller(s);
                case "FTI" -> {
                    if (inBooking(s) && s.get(1, 2) != null) {
                        booking.frequentFlyer.add(s.get(1, 1) + ":" + s.get(1, 2));
                    }
                }
                case "SSR" -> {
                    if ("DOCS".equals(s.get(1, 1)) && booking != null && booking.current != null
                            && !booking.inDcs) {
                        docs(s, booking.current);
                    }
                }
                case "FOP" -> {
                    if (inBooking(s)) {
                        booking.paymentType = s.get(1, 1);
                        String card = s.get(1, 5);
                        if (card != null) {
                            booking.cardNumber = card;
                        }
                        booking.afterPayment = true;
                    }
                }
                case "TRI" -> {
                    if (booking != null) {
                        booking.inDcs = booking.pushLeg;
                        booking.dcs = null;
                    }
                }
                case "SSD" -> {
                    if (booking != null && booking.dcs != null) {
                        booking.dcs.seat = s.get(1, 1);
                    }
                }
                case "TBD" -> {
                    if (booking != null && booking.dcs != null) {
                        booking.dcs.bags = EdifactValues.integer(s.get(2, 1));
                    }
                }
                case "DAT" -> {
                    if (booking != null && booking.dcs != null) {
                        if (s.is("2")) {
                            booking.dcs.checkedIn = true;
                        } else if (s.is("BD")) {
                            booking.dcs.boarded = true;
                        }
                    }
                }
                default -> {
                    if (!PNRGOV_SEGMENTS.contains(s.tag)) {
                        parse.warn(s, "An unknown segment was left out");
                    }
                }
            }
        }

        private boolean inBooking(Segment s) {
            if (booking == null) {
                parse.warn(s, "A booking's segment before any booking (SRC) was left out");
                return false;
            }
            return true;
        }

        private void pnrTravel(Segment s) {
            String carrier = upper(s.get(4, 2) != null ? s.get(4, 2) : s.get(4, 1));
            FlightLeg leg = new FlightLeg(carrier, EdifactValues.number(s.get(5, 1)), upper(s.get(2, 1)),
                    upper(s.get(3, 1)),
                    pnrTime(s, 1, 2), pnrTime(s, 3, 4));
            if (booking == null) {
                if (flight == null) {
                    if (leg.carrier() == null || leg.number() == null) {
                        parse.warn(s, "The flight's carrier or number is missing");
                        return;
                    }
                    flight = leg;
                    flightLegs = List.of(leg);
                } else {
                    parse.warn(s, "A second flight in the message's header was left out");
                }
                return;
            }
            booking.inDcs = false;
            booking.dcs = null;
            booking.pushLeg = false;
            if (flight != null && leg.origin() != null && leg.origin().equals(flight.origin())
                    && java.util.Objects.equals(leg.destination(), flight.destination())
                    && java.util.Objects.equals(leg.departure(), flight.departure())
                    && flight.carrier().equals(leg.carrier())) {
                String marketing = upper(s.get(4, 1));
                boolean codeshare = s.get(4, 2) != null && marketing != null && !marketing.equals(leg.carrier());
                if (codeshare || java.util.Objects.equals(leg.number(), flight.number())) {
                    booking.pushLeg = true;
                    if (codeshare && leg.number() != null && !codeshares.contains(marketing + leg.number())) {
                        codeshares.add(marketing + leg.number());
                    }
                    booking.itinerary.add(flight);
                    return;
                }
            }
            booking.itinerary.add(leg);
        }

        private LocalDateTime pnrTime(Segment s, int dateComponent, int timeComponent) {
            String date = s.get(1, dateComponent);
            if (date == null) {
                return null;
            }
            LocalDateTime t = EdifactValues.ddMMyy(date, s.get(1, timeComponent));
            if (t == null) {
                parse.warn(s, "A flight date and time is not understood");
            }
            return t;
        }

        private void pnrText(Segment s) {
            if (booking == null) {
                return;
            }
            if ("43".equals(s.get(1, 2)) && booking.afterPayment) {
                booking.payerName = s.get(2, 1);
                return;
            }
            for (int e = 2; e <= 4; e++) {
                String text = s.get(e, 1);
                if (text == null || text.length() < 5 || !text.startsWith("CTC")) {
                    continue;
                }
                int space = text.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                char kind = text.charAt(3);
                String value = text.substring(space + 1);
                booking.contact(Contact.of(kind == 'E' ? Contact.Kind.EMAIL : Contact.Kind.PHONE, value));
            }
        }

        private void pnrTraveller(Segment s) {
            if (!inBooking(s)) {
                return;
            }
            String family = s.get(1, 1);
            String given = s.get(2, 1);
            String ref = s.get(2, 3);
            if (booking.inDcs) {
                booking.dcs = booking.find(ref, family, given);
                if (booking.dcs == null) {
                    parse.warn(s, "Check-in details for a traveller the booking does not name were left out");
                } else {
                    if (booking.dcs.checkedIn == null) {
                        booking.dcs.checkedIn = false;
                    }
                    if (booking.dcs.boarded == null) {
                        booking.dcs.boarded = false;
                    }
                }
                return;
            }
            named(s);
            if (family == null) {
                parse.warn(s, "A traveller without a family name was left out");
                booking.current = null;
                return;
            }
            Person p = new Person();
            p.familyName = family;
            p.givenNames = given;
            p.typedInfant = "INF".equals(s.get(2, 2));
            p.reference = ref;
            booking.people.add(p);
            booking.current = p;
        }

        /** SSR DOCS free text: {@code /P/BGR/123456789/BGR/12JUL84/F/23OCT29/SURNAME/GIVEN}. */
        private void docs(Segment s, Person p) {
            String text = null;
            for (int c = 2; c <= 12 && text == null; c++) {
                String v = s.get(1, c);
                if (v != null && v.length() > 1 && v.charAt(0) == '/') {
                    text = v;
                }
            }
            if (text == null) {
                text = s.get(2, 1);
            }
            if (text == null) {
                return;
            }
            String[] f = new String[9];
            int field = 0;
            int from = text.charAt(0) == '/' ? 1 : 0;
            for (int i = from; i <= text.length() && field < 9; i++) {
                if (i == text.length() || text.charAt(i) == '/') {
                    f[field++] = i > from ? text.substring(from, i) : null;
                    from = i + 1;
                }
            }
            p.docType = f[0];
            p.docCountry = upper(f[1]);
            p.docNumber = f[2];
            p.nationality = upper(f[3]);
            if (f[4] != null) {
                p.birthDate = EdifactValues.ddMMMyy(f[4], true, departureDateOrToday());
                if (p.birthDate == null) {
                    parse.warn(s, "A date of birth is not understood");
                }
            }
            String gender = f[5];
            if (gender != null && gender.length() == 2 && gender.charAt(1) == 'I') {
                p.typedInfant = true;
                gender = gender.substring(0, 1);
            }
            p.gender = gender;
            if (f[6] != null) {
                p.docExpiry = EdifactValues.ddMMMyy(f[6], false, null);
                if (p.docExpiry == null) {
                    parse.warn(s, "A document's expiry date is not understood");
                }
            }
        }

        private void flushBooking() {
            if (booking == null) {
                return;
            }
            BookingBuilder b = booking;
            booking = null;
            if (b.locator == null) {
                parse.warnings.add(new ParseWarning("SRC", b.position, "A booking without a record locator"));
            }
            List<Traveller> people = new ArrayList<>(b.people.size());
            for (Person p : b.people) {
                TravellerType t = infant(p.birthDate, p.typedInfant) ? TravellerType.INFANT : TravellerType.PASSENGER;
                TravelDocument doc = p.docType == null && p.docNumber == null ? null
                        : new TravelDocument(p.docType, p.docNumber, p.docCountry, p.docExpiry);
                people.add(new Traveller(t, p.familyName, p.givenNames, p.birthDate, p.gender, p.nationality, null,
                        doc, p.seat, p.bags, p.checkedIn, p.boarded, b.locator, p.reference));
            }
            travellers.addAll(people);
            bookings.add(new Booking(b.locator, b.bookedOn, b.itinerary, b.paymentType, b.cardNumber, b.payerName,
                    b.agency, b.contacts, people, b.frequentFlyer));
        }

        void close() {
            if (type == MessageType.PAXLST) {
                flushPerson();
                buildFlight();
                if (countedPassengers != null && countedPassengers != namedPassengers) {
                    parse.warnings.add(new ParseWarning("CNT", countPosition,
                            "The passenger count (CNT) does not match the passengers the message names"));
                }
                if (countedCrew != null && countedCrew != namedCrew) {
                    parse.warnings.add(new ParseWarning("CNT", countPosition,
                            "The crew count (CNT) does not match the crew the message names"));
                }
            } else {
                flushBooking();
            }
        }
    }

    private static String upper(String value) {
        return EdifactValues.squeeze(value);
    }

    /** A traveller as their segments come in. */
    private static final class Person {
        boolean crew;
        boolean typedInfant;
        String familyName;
        String givenNames;
        LocalDate birthDate;
        String gender;
        String nationality;
        String residence;
        String docType;
        String docNumber;
        String docCountry;
        LocalDate docExpiry;
        boolean docOpen;
        String seat;
        Integer bags;
        Boolean checkedIn;
        Boolean boarded;
        String bookingLocator;
        String reference;
    }

    /** A PNR as its segments come in. */
    private static final class BookingBuilder {
        int position;
        String locator;
        LocalDate bookedOn;
        final List<FlightLeg> itinerary = new ArrayList<>();
        String paymentType;
        String cardNumber;
        String payerName;
        String agency;
        final List<Contact> contacts = new ArrayList<>();
        final List<Person> people = new ArrayList<>();
        final List<String> frequentFlyer = new ArrayList<>();
        Person current;
        boolean afterPayment;
        boolean pushLeg;
        boolean inDcs;
        Person dcs;

        void contact(Contact c) {
            if (c != null && !contacts.contains(c)) {
                contacts.add(c);
            }
        }

        Person find(String reference, String family, String given) {
            for (Person p : people) {
                if (reference != null && reference.equals(p.reference)) {
                    return p;
                }
            }
            for (Person p : people) {
                if (family != null && family.equals(p.familyName) && java.util.Objects.equals(given, p.givenNames)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** The parts of one flight's list, merged. */
    private static final class ManifestBuilder {
        final FlightLeg flight;
        final List<FlightLeg> legs;
        final List<String> codeshares = new ArrayList<>();
        final String reference;
        final boolean crewList;
        final List<Traveller> travellers = new ArrayList<>();
        final List<Booking> bookings = new ArrayList<>();
        int firstPart;

        ManifestBuilder(Message m) {
            flight = m.flight;
            legs = m.flightLegs;
            reference = m.reference();
            crewList = m.crewList;
            firstPart = m.part;
            add(m);
        }

        void add(Message m) {
            firstPart = Math.min(firstPart, m.part);
            for (String c : m.codeshares) {
                if (!codeshares.contains(c)) {
                    codeshares.add(c);
                }
            }
            travellers.addAll(m.travellers);
            bookings.addAll(m.bookings);
        }

        Manifest build() {
            return new Manifest(flight, legs, codeshares, reference, crewList, travellers, bookings, firstPart);
        }
    }
}
