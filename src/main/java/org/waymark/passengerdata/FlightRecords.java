package org.waymark.passengerdata;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.operation.KnownAirports;
import org.waymark.passengerdata.edifact.Booking;
import org.waymark.passengerdata.edifact.FlightLeg;
import org.waymark.passengerdata.edifact.Manifest;
import org.waymark.passengerdata.edifact.MessageType;
import org.waymark.passengerdata.edifact.ParseWarning;
import org.waymark.passengerdata.edifact.ParsedInterchange;
import org.waymark.passengerdata.edifact.Traveller;
import org.waymark.shared.AirportCode;
import org.waymark.shared.PlainText;

/**
 * The flights messages speak of and who is on them. Each flight keeps, for each kind of
 * message, the one applied last and its order (when the airline prepared it, then its
 * reference): a later message replaces what an earlier one said, an older one arriving late is
 * kept but never applied, and a further part of the message applied last (same reference) adds
 * to it. A flight whose passenger data has been masked takes no more: a message arriving after
 * that is kept, not applied.
 */
@Repository
@RequiredArgsConstructor
class FlightRecords {

    private static final DateTimeFormatter ORDER_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final KnownAirports airports;
    private final KeyedHash hash;

    /** The flight a manifest is for, as its row is keyed: carrier, number, day it leaves at its origin, origin. */
    record FlightKey(String carrier, String number, LocalDate departureDate, String origin) {
    }

    /** The key of a manifest's flight, or empty when it lacks its day or either end (a message for no such flight is meaningless). */
    static Optional<FlightKey> keyOf(FlightLeg flight) {
        LocalDateTime when = flight.departure() != null ? flight.departure() : flight.arrival();
        if (when == null || flight.carrier() == null || flight.number() == null || flight.origin() == null
                || flight.destination() == null) {
            return Optional.empty();
        }
        return Optional.of(new FlightKey(clean(flight.carrier(), 3), clean(flight.number(), 5), when.toLocalDate(),
                clean(flight.origin(), 3)));
    }

    /**
     * The row of the manifest's flight, made if it is new. Called outside the transaction that
     * applies a message, so that two messages making one flight at once both go on.
     */
    UUID ensure(Manifest manifest) {
        FlightLeg flight = manifest.flight();
        FlightKey key = keyOf(flight).orElseThrow();
        Optional<UUID> existing = find(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO pd_flight (id, carrier, number, departure_date, origin, destination, departure_local,
                        arrival_local, departure_utc, arrival_utc, codeshares, legs, version_no)
                    VALUES (:id, :carrier, :number, :date, :origin, :destination, :departureLocal, :arrivalLocal,
                        :departureUtc, :arrivalUtc, :codeshares, :legs, 0)""")
                    .param("id", id).param("carrier", key.carrier()).param("number", key.number())
                    .param("date", Date.valueOf(key.departureDate())).param("origin", key.origin())
                    .param("destination", clean(flight.destination(), 3))
                    .param("departureLocal", local(flight.departure())).param("arrivalLocal", local(flight.arrival()))
                    .param("departureUtc", utc(flight.departure(), flight.origin()))
                    .param("arrivalUtc", utc(flight.arrival(), flight.destination()))
                    .param("codeshares", MessageRecords.cut(String.join(" ", manifest.codeshares()), 200))
                    .param("legs", MessageRecords.cut(manifest.legs().stream()
                            .map(leg -> leg.origin() + "-" + leg.destination()).collect(Collectors.joining(" ")), 200))
                    .update();
            return id;
        } catch (DuplicateKeyException madeAtOnce) {
            return find(key).orElseThrow();
        }
    }

    private Optional<UUID> find(FlightKey key) {
        return jdbc.sql("""
                SELECT id FROM pd_flight WHERE carrier = :carrier AND number = :number AND departure_date = :date
                AND origin = :origin""").param("carrier", key.carrier()).param("number", key.number())
                .param("date", Date.valueOf(key.departureDate())).param("origin", key.origin()).query(UUID.class)
                .optional();
    }

    /**
     * Applies a read message to its flights (made beforehand by {@link #ensure}), locking each
     * flight's row in a fixed order; whether it was applied to at least one of them. Warns on the
     * message for each flight it was too old for.
     */
    boolean apply(UUID messageId, ParsedInterchange parsed, Map<Manifest, UUID> flights, List<ParseWarning> warnings) {
        return apply(messageId, parsed, flights, warnings, hash::of);
    }

    /**
     * As {@link #apply(UUID, ParsedInterchange, Map, List)}, with the keyed hash of each card and
     * frequent flyer number given by secretHash: for a message whose numbers were hashed when it
     * was taken in and replaced by their hashes before it was queued.
     */
    boolean apply(UUID messageId, ParsedInterchange parsed, Map<Manifest, UUID> flights, List<ParseWarning> warnings,
            UnaryOperator<String> secretHash) {
        Map<UUID, List<Manifest>> byFlight = new java.util.TreeMap<>();
        flights.forEach((manifest, flight) -> byFlight.computeIfAbsent(flight, f -> new ArrayList<>()).add(manifest));
        boolean applied = false;
        for (var entry : byFlight.entrySet()) {
            UUID flight = entry.getKey();
            jdbc.sql("UPDATE pd_flight SET version_no = version_no + 1 WHERE id = :id").param("id", flight).update();
            if (jdbc.sql("SELECT COUNT(*) FROM pd_flight WHERE id = :id AND masked_at IS NOT NULL").param("id", flight)
                    .query(Long.class).single() > 0) {
                for (Manifest manifest : entry.getValue()) {
                    warnings.add(new ParseWarning(null, 0, "The passenger data of flight " + manifest.flight().carrier()
                            + manifest.flight().number() + " was disposed of already: this message is kept, not applied."));
                }
                continue;
            }
            for (Manifest manifest : entry.getValue()) {
                Kind kind = Kind.of(parsed.type(), manifest);
                String[] last = jdbc.sql("SELECT " + kind.column + "_order, " + kind.column + "_parts FROM pd_flight"
                        + " WHERE id = :id").param("id", flight)
                        .query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) }).single();
                String appliedOrder = last[0];
                String parts = last[1] == null ? "," : last[1];
                String order = order(parsed.preparedAt(), manifest.reference());
                boolean furtherPart = manifest.continuesEarlierPart() && appliedOrder != null
                        && reference(appliedOrder).equals(reference(order));
                String part = manifest.firstPart() + ",";
                if (furtherPart && parts.contains("," + part)) {
                    warnings.add(new ParseWarning(null, 0, "Part " + manifest.firstPart() + " of this " + kind.words
                            + " for flight " + manifest.flight().carrier() + manifest.flight().number()
                            + " was applied already: it is kept, not applied again."));
                    continue;
                }
                if (appliedOrder != null && !furtherPart && order.compareTo(appliedOrder) <= 0) {
                    warnings.add(new ParseWarning(null, 0, "A later " + kind.words + " for flight "
                            + manifest.flight().carrier() + manifest.flight().number()
                            + " was applied already: this one is kept, not applied."));
                    continue;
                }
                if (holdsControlCharacters(manifest)) {
                    warnings.add(new ParseWarning(null, 0, "Control characters or direction overrides in the names"
                            + " or contacts of flight " + manifest.flight().carrier() + manifest.flight().number()
                            + " were taken out."));
                }
                if (!furtherPart) {
                    clear(flight, kind);
                }
                insert(messageId, flight, kind.source, manifest, secretHash);
                jdbc.sql("UPDATE pd_flight SET " + kind.column + "_message_id = :message, " + kind.column
                        + "_order = :order, " + kind.column + "_parts = :parts WHERE id = :id")
                        .param("message", messageId).param("order", furtherPart ? appliedOrder : order)
                        .param("parts", MessageRecords.cut(furtherPart ? parts + part : "," + part, 200))
                        .param("id", flight).update();
                applied = true;
            }
            count(flight);
        }
        return applied;
    }

    /** The order of a message: when the airline prepared it, then its reference (numbers compared as numbers). */
    static String order(LocalDateTime preparedAt, String reference) {
        String time = preparedAt == null ? "000000000000" : ORDER_TIME.format(preparedAt);
        String ref = reference == null ? "" : reference.strip();
        if (!ref.isEmpty() && ref.chars().allMatch(Character::isDigit) && ref.length() < 20) {
            ref = "0".repeat(20 - ref.length()) + ref;
        }
        return time + "|" + ref;
    }

    private static String reference(String order) {
        return order.substring(order.indexOf('|') + 1);
    }

    /**
     * The three kinds of message a flight keeps apart, each replaced only by a later one of its
     * kind: passenger lists and crew lists (both PAXLST) and PNR pushes.
     */
    private enum Kind {
        PASSENGER_LIST("api", "PAXLST", "passenger list"),
        CREW_LIST("crew", "CREWLIST", "crew list"),
        BOOKINGS("pnr", "PNRGOV", "PNR push");

        /** The prefix of the flight's columns for the message applied last. */
        final String column;
        /** The source its travellers are kept under. */
        final String source;
        final String words;

        Kind(String column, String source, String words) {
            this.column = column;
            this.source = source;
            this.words = words;
        }

        static Kind of(MessageType type, Manifest manifest) {
            return type == MessageType.PNRGOV ? BOOKINGS : manifest.crewList() ? CREW_LIST : PASSENGER_LIST;
        }
    }

    private void clear(UUID flight, Kind kind) {
        jdbc.sql("DELETE FROM pd_traveller WHERE flight_id = :id AND source = :source").param("id", flight)
                .param("source", kind.source).update();
        if (kind == Kind.BOOKINGS) {
            String bookings = "SELECT id FROM pd_booking WHERE flight_id = :id";
            jdbc.sql("DELETE FROM pd_contact WHERE booking_id IN (" + bookings + ")").param("id", flight).update();
            jdbc.sql("DELETE FROM pd_frequent_flyer WHERE booking_id IN (" + bookings + ")").param("id", flight)
                    .update();
            jdbc.sql("DELETE FROM pd_booking WHERE flight_id = :id").param("id", flight).update();
        }
    }

    private void insert(UUID messageId, UUID flight, String source, Manifest manifest, UnaryOperator<String> secretHash) {
        Map<String, UUID> bookingIds = new HashMap<>();
        LocalDate flightDay = keyOf(manifest.flight()).map(FlightKey::departureDate).orElse(null);
        for (Booking booking : manifest.bookings()) {
            UUID id = UUID.randomUUID();
            bookingIds.putIfAbsent(booking.locator(), id);
            jdbc.sql("""
                    INSERT INTO pd_booking (id, flight_id, message_id, locator, booked_on, days_before, one_way,
                        itinerary, payment_type, card_hash, payer_name, travel_agency)
                    VALUES (:id, :flight, :message, :locator, :bookedOn, :daysBefore, :oneWay, :itinerary,
                        :paymentType, :cardHash, :payer, :agency)""")
                    .param("id", id).param("flight", flight).param("message", messageId)
                    .param("locator", clean(booking.locator(), 20))
                    .param("bookedOn", booking.bookedOn() == null ? null : Date.valueOf(booking.bookedOn()))
                    .param("daysBefore", booking.bookedOn() == null || flightDay == null ? null
                            : (int) ChronoUnit.DAYS.between(booking.bookedOn(), flightDay))
                    .param("oneWay", oneWay(booking.itinerary()))
                    .param("itinerary", clean(itinerary(booking.itinerary()), 2000))
                    .param("paymentType", MessageRecords.cut(booking.paymentType(), 10))
                    .param("cardHash", secretHash.apply(booking.cardNumber()))
                    .param("payer", clean(booking.payerName(), 200))
                    .param("agency", clean(booking.travelAgency(), 200)).update();
            int ordinal = 0;
            for (var contact : booking.contacts()) {
                jdbc.sql("INSERT INTO pd_contact (booking_id, ordinal, kind, normalised) VALUES (:id, :ordinal, :kind, :value)")
                        .param("id", id).param("ordinal", ordinal++).param("kind", contact.kind().name())
                        .param("value", clean(contact.value(), 500)).update();
            }
            ordinal = 0;
            for (String number : booking.frequentFlyerNumbers()) {
                jdbc.sql("INSERT INTO pd_frequent_flyer (booking_id, ordinal, number_hash) VALUES (:id, :ordinal, :hash)")
                        .param("id", id).param("ordinal", ordinal++).param("hash", secretHash.apply(number)).update();
            }
        }
        int first = jdbc.sql("SELECT COALESCE(MAX(ordinal) + 1, 0) FROM pd_traveller WHERE flight_id = :id AND source = :source")
                .param("id", flight).param("source", source).query(Integer.class).single();
        List<Traveller> travellers = manifest.travellers();
        batch.batchUpdate("""
                INSERT INTO pd_traveller (id, flight_id, message_id, source, ordinal, type, family_name, given_names,
                    birth_date, gender, nationality, residence, document_type, document_number, document_country,
                    document_expiry, seat, bags, checked_in, boarded, booking_id, booking_locator, reference)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Traveller t = travellers.get(i);
                        var document = t.document();
                        ps.setObject(1, UUID.randomUUID());
                        ps.setObject(2, flight);
                        ps.setObject(3, messageId);
                        ps.setString(4, source);
                        ps.setInt(5, first + i);
                        ps.setString(6, (manifest.crewList() ? org.waymark.passengerdata.edifact.TravellerType.CREW
                                : t.type()).name());
                        ps.setString(7, clean(t.familyName() == null ? "" : t.familyName(), 200));
                        ps.setString(8, clean(t.givenNames(), 200));
                        setDate(ps, 9, t.birthDate());
                        ps.setString(10, MessageRecords.cut(t.gender(), 2));
                        ps.setString(11, MessageRecords.cut(t.nationality(), 3));
                        ps.setString(12, MessageRecords.cut(t.residence(), 3));
                        ps.setString(13, document == null ? null : MessageRecords.cut(document.type(), 3));
                        ps.setString(14, document == null ? null : clean(document.number(), 50));
                        ps.setString(15, document == null ? null : MessageRecords.cut(document.issuingCountry(), 3));
                        setDate(ps, 16, document == null ? null : document.expiry());
                        ps.setString(17, clean(t.seat(), 5));
                        if (t.bags() == null) {
                            ps.setNull(18, Types.INTEGER);
                        } else {
                            ps.setInt(18, t.bags());
                        }
                        setBoolean(ps, 19, t.checkedIn());
                        setBoolean(ps, 20, t.boarded());
                        ps.setObject(21, t.bookingLocator() == null ? null : bookingIds.get(t.bookingLocator()));
                        ps.setString(22, clean(t.bookingLocator(), 20));
                        ps.setString(23, clean(t.reference(), 50));
                    }

                    @Override
                    public int getBatchSize() {
                        return travellers.size();
                    }
                });
    }

    /** Passengers (crew set aside) by the API applied last, or by the PNRs where no API came. */
    private void count(UUID flight) {
        jdbc.sql("""
                UPDATE pd_flight SET passengers = (SELECT COUNT(*) FROM pd_traveller t WHERE t.flight_id = pd_flight.id
                    AND t.type <> 'CREW' AND t.source = CASE WHEN pd_flight.api_message_id IS NULL THEN 'PNRGOV' ELSE 'PAXLST' END)
                WHERE id = :id""").param("id", flight).update();
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(date));
        }
    }

    private static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BOOLEAN);
        } else {
            ps.setBoolean(index, value);
        }
    }

    private static String clean(String text, int max) {
        return MessageRecords.cut(text, max);
    }

    /** Whether any name or contact the manifest holds has characters {@link #clean} takes out. */
    static boolean holdsControlCharacters(Manifest manifest) {
        return manifest.travellers().stream().anyMatch(t -> dirty(t.familyName()) || dirty(t.givenNames()))
                || manifest.bookings().stream().anyMatch(b -> dirty(b.payerName()) || dirty(b.travelAgency())
                        || b.contacts().stream().anyMatch(c -> dirty(c.value())));
    }

    private static boolean dirty(String text) {
        return text != null && !text.equals(PlainText.withoutControlCharacters(text));
    }

    /** One way unless a later flight of the booking comes back to where the first one left. */
    static boolean oneWay(List<FlightLeg> itinerary) {
        if (itinerary.isEmpty()) {
            return true;
        }
        String start = itinerary.get(0).origin();
        return itinerary.stream().skip(1).noneMatch(leg -> start != null && start.equals(leg.destination()));
    }

    private static String itinerary(List<FlightLeg> legs) {
        return legs.stream().map(leg -> leg.carrier() + leg.number() + " " + leg.origin() + "-" + leg.destination()
                + (leg.departure() == null ? "" : " " + leg.departure())).collect(Collectors.joining("\n"));
    }

    private static Timestamp local(LocalDateTime time) {
        return time == null ? null : Timestamp.valueOf(time);
    }

    private Timestamp utc(LocalDateTime time, String airport) {
        if (time == null || airport == null || !AirportCode.isValid(airport)) {
            return null;
        }
        ZoneId zone = airports.zoneOf(new AirportCode(airport));
        return Timestamp.from(time.atZone(zone).toInstant());
    }
}
