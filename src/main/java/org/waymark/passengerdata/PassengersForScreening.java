package org.waymark.passengerdata;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;

/**
 * Passengers' data as the screening module reads it: a whole flight at a time, its passengers
 * (crew aside) with their bookings, for software to look for the indicators rules describe.
 * Nothing is logged here: screening logs each run it makes and every hit a person opens, and
 * no person sees what this gives except through a hit. Document numbers are left out: no rule
 * needs them.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PassengersForScreening {

    private final JdbcClient jdbc;

    /** A flight of the passenger data, the operations' flights it is, and who is on it. */
    public record FlightPassengers(UUID id, String carrier, String number, LocalDate departureDate, String origin,
            String destination, LocalDateTime departureLocal, LocalDateTime arrivalLocal, Instant departureUtc,
            boolean masked, List<OperationFlight> operationFlights, List<Passenger> passengers,
            List<PassengerBooking> bookings) {

        public String flightNumber() {
            return carrier + number;
        }

        /** The booking a passenger is on, where the PNR gave one. */
        public Optional<PassengerBooking> bookingOf(Passenger passenger) {
            return bookings.stream().filter(booking -> booking.id().equals(passenger.bookingId())).findFirst();
        }
    }

    /** An operation's flight that a flight of the passenger data is. */
    public record OperationFlight(OperationId operation, FlightId flight) {
    }

    /**
     * A passenger (or an infant) as the API gave them where it came, else as the PNR did.
     *
     * @param source PAXLST or PNRGOV
     * @param type PASSENGER or INFANT
     * @param bookingId their booking: the PNR's, or the one whose locator the API gave
     */
    public record Passenger(UUID id, String source, String type, String familyName, String givenNames,
            LocalDate birthDate, String gender, String nationality, String residence, String documentType,
            String documentCountry, LocalDate documentExpiry, String seat, Integer bags, Boolean checkedIn,
            Boolean boarded, String bookingLocator, UUID bookingId) {
    }

    /**
     * A booking as the PNR gave it.
     *
     * @param itinerary every flight of it, as CC1234 ORG-DST yyyy-MM-ddTHH:mm, in order
     * @param cardHash the keyed hash of the card paid with; never its number
     * @param contacts the contacts given, each as kind and normalised value
     * @param travellers the names on it, family name first, as the PNR gave them
     */
    public record PassengerBooking(UUID id, String locator, LocalDate bookedOn, Integer daysBefore, boolean oneWay,
            List<String> itinerary, String paymentType, String cardHash, String payerName, String travelAgency,
            List<PassengerData.Contact> contacts, List<BookedName> travellers) {
    }

    /** A name on a booking, with the date of birth where the PNR gave one. */
    public record BookedName(String familyName, String givenNames, LocalDate birthDate, String type) {
    }

    /** The flights of the passenger data leaving between these days (local at their origin), both included. */
    @Transactional(readOnly = true)
    public List<UUID> flightsLeaving(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT id FROM pd_flight WHERE departure_date BETWEEN :from AND :to AND deleted_at IS NULL"
                + " ORDER BY departure_date, departure_local, id").param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to)).query(UUID.class).list();
    }

    /**
     * The flights of the passenger data that are the operation's flights, leaving between these
     * days (local at their origin), both included.
     */
    @Transactional(readOnly = true)
    public List<UUID> flightsOfOperation(OperationId operation, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT f.id FROM pd_flight f WHERE f.departure_date BETWEEN :from AND :to AND f.deleted_at IS NULL
                AND EXISTS (SELECT 1 FROM pd_flight_link l WHERE l.pd_flight_id = f.id AND l.operation_id = :operation)
                ORDER BY f.departure_date, f.departure_local, f.id""").param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to)).param("operation", operation.value()).query(UUID.class).list();
    }

    /** The flight with its passengers and bookings, while it is kept. */
    @Transactional(readOnly = true)
    public Optional<FlightPassengers> flight(UUID id) {
        record Row(FlightPassengers flight, boolean api) {
        }
        Optional<Row> found = jdbc.sql("""
                SELECT id, carrier, number, departure_date, origin, destination, departure_local, arrival_local,
                    departure_utc, masked_at, api_message_id FROM pd_flight WHERE id = :id AND deleted_at IS NULL""")
                .param("id", id).query((rs, row) -> new Row(new FlightPassengers(id, rs.getString("carrier"),
                        rs.getString("number"), date(rs, "departure_date"), rs.getString("origin"),
                        rs.getString("destination"), time(rs, "departure_local"), time(rs, "arrival_local"),
                        instant(rs, "departure_utc"), rs.getTimestamp("masked_at") != null, List.of(), List.of(),
                        List.of()), rs.getObject("api_message_id") != null))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FlightPassengers flight = found.get().flight();
        List<OperationFlight> links = jdbc.sql("SELECT operation_id, flight_id FROM pd_flight_link WHERE pd_flight_id = :id"
                + " ORDER BY linked_at, operation_id").param("id", id)
                .query((rs, row) -> new OperationFlight(new OperationId(rs.getObject(1, UUID.class)),
                        new FlightId(rs.getObject(2, UUID.class)))).list();
        // As the passenger list shows them: by the API where it came, else by the PNRs.
        List<Passenger> passengers = jdbc.sql("""
                SELECT t.*, COALESCE(t.booking_id, (SELECT b.id FROM pd_booking b WHERE b.flight_id = t.flight_id
                    AND b.locator = t.booking_locator ORDER BY b.id FETCH FIRST 1 ROWS ONLY)) AS found_booking
                FROM pd_traveller t WHERE t.flight_id = :id AND t.source = :source AND t.type <> 'CREW'
                ORDER BY t.ordinal""").param("id", id).param("source", found.get().api() ? "PAXLST" : "PNRGOV")
                .query(PassengersForScreening::passenger).list();
        return Optional.of(new FlightPassengers(id, flight.carrier(), flight.number(), flight.departureDate(),
                flight.origin(), flight.destination(), flight.departureLocal(), flight.arrivalLocal(),
                flight.departureUtc(), flight.masked(), links, passengers, bookings(id)));
    }

    private List<PassengerBooking> bookings(UUID flight) {
        Map<UUID, List<PassengerData.Contact>> contacts = new HashMap<>();
        jdbc.sql("SELECT c.booking_id, c.kind, c.normalised FROM pd_contact c JOIN pd_booking b ON b.id = c.booking_id"
                + " WHERE b.flight_id = :id ORDER BY c.booking_id, c.ordinal").param("id", flight)
                .query((ResultSet rs) -> {
                    contacts.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>())
                            .add(new PassengerData.Contact(rs.getString(2), rs.getString(3)));
                });
        Map<UUID, List<BookedName>> names = new HashMap<>();
        jdbc.sql("SELECT booking_id, family_name, given_names, birth_date, type FROM pd_traveller"
                + " WHERE flight_id = :id AND source = 'PNRGOV' AND booking_id IS NOT NULL ORDER BY ordinal")
                .param("id", flight).query((ResultSet rs) -> {
                    names.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>())
                            .add(new BookedName(rs.getString(2), rs.getString(3), date(rs, "birth_date"),
                                    rs.getString(5)));
                });
        return jdbc.sql("SELECT * FROM pd_booking WHERE flight_id = :id ORDER BY locator, id").param("id", flight)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new PassengerBooking(id, rs.getString("locator"), date(rs, "booked_on"),
                            (Integer) rs.getObject("days_before", Integer.class), rs.getBoolean("one_way"),
                            Arrays.stream(rs.getString("itinerary").split("\n")).filter(line -> !line.isBlank())
                                    .toList(),
                            rs.getString("payment_type"), rs.getString("card_hash"), rs.getString("payer_name"),
                            rs.getString("travel_agency"), contacts.getOrDefault(id, List.of()),
                            names.getOrDefault(id, List.of()));
                }).list();
    }

    private static Passenger passenger(ResultSet rs, int row) throws SQLException {
        return new Passenger(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("type"),
                rs.getString("family_name"), rs.getString("given_names"), date(rs, "birth_date"),
                rs.getString("gender"), rs.getString("nationality"), rs.getString("residence"),
                rs.getString("document_type"), rs.getString("document_country"), date(rs, "document_expiry"),
                rs.getString("seat"), (Integer) rs.getObject("bags", Integer.class),
                (Boolean) rs.getObject("checked_in", Boolean.class), (Boolean) rs.getObject("boarded", Boolean.class),
                rs.getString("booking_locator"), rs.getObject("found_booking", UUID.class));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toLocalDateTime();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }
}
