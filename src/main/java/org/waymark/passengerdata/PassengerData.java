package org.waymark.passengerdata;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.NotFoundException;

/**
 * Passengers' data as people with the passenger data role see it: flights with their counts
 * (nothing of a person, so no purpose is asked), and, only with a purpose stated for the
 * flight, its passenger list, a traveller and a booking, each read written to the audit log
 * with that purpose. Nobody else sees any of it. Card numbers are never shown: only their
 * keyed hash was kept.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PassengerData {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    /** A flight with passenger data, by its counts only; times are local at each airport. */
    public record FlightSummary(UUID id, String carrier, String number, LocalDate departureDate, String origin,
            String destination, LocalDateTime departure, LocalDateTime arrival, int passengers, int crew,
            int bookings, boolean api, boolean pnr) {

        public String flightNumber() {
            return carrier + number;
        }
    }

    /** A traveller as a list shows them: enough to tell one from another, not their document's number. */
    public record TravellerRow(UUID id, String source, String type, String familyName, String givenNames, LocalDate birthDate,
            String gender, String nationality, String documentType, String documentCountry, String seat,
            String bookingLocator, UUID bookingId) {
    }

    /**
     * A page of a flight's list: its passengers (with infants), by the API where one came, else by
     * the PNRs; its crew apart, on the first page.
     *
     * @param total how many passengers the list holds in all
     * @param page the page shown, from 0
     * @param pages how many pages the list fills, at least 1
     */
    public record PassengerList(FlightSummary flight, List<TravellerRow> passengers, List<TravellerRow> crew,
            boolean fromApi, int total, int page, int pages) {

        /** The number of the first passenger shown, from 1. */
        public int first() {
            return page * PAGE_SIZE + 1;
        }
    }

    /** Passengers on a page of a list: more than most flights carry, few enough for a phone. */
    public static final int PAGE_SIZE = 250;

    /** All that was sent of one traveller. */
    public record Traveller(UUID id, FlightSummary flight, String source, String type, String familyName,
            String givenNames, LocalDate birthDate, String gender, String nationality, String residence,
            String documentType, String documentNumber, String documentCountry, LocalDate documentExpiry, String seat,
            Integer bags, Boolean checkedIn, Boolean boarded, String bookingLocator, UUID bookingId) {
    }

    /** A contact given with a booking: its kind (PHONE, EMAIL, ADDRESS...) and value as normalised. */
    public record Contact(String kind, String value) {
    }

    /** A booking as the PNR gave it: never a card's number. */
    public record Booking(UUID id, FlightSummary flight, String locator, LocalDate bookedOn, Integer daysBefore,
            boolean oneWay, List<String> itinerary, String paymentType, boolean cardHashKept, String payerName,
            String travelAgency, List<Contact> contacts, int frequentFlyerNumbers, List<TravellerRow> travellers) {
    }

    /** The flights leaving on this day (local at their origin), by their counts: nothing of a person. */
    @Transactional(readOnly = true)
    public List<FlightSummary> flightsOn(LocalDate day, WaymarkUser user) {
        mayRead(user);
        return jdbc.sql(FLIGHT + " WHERE f.departure_date = :day AND f.deleted_at IS NULL"
                + " ORDER BY f.departure_local, f.carrier, f.number, f.origin")
                .param("day", Date.valueOf(day)).query(PassengerData::flight).list();
    }

    /** A flight, by its counts: nothing of a person. */
    @Transactional(readOnly = true)
    public FlightSummary flight(UUID id, WaymarkUser user) {
        mayRead(user);
        return findFlight(id).orElseThrow(() -> new NotFoundException("passengerDataFlight", id));
    }

    /** The flight a traveller was on; nothing of them. */
    @Transactional(readOnly = true)
    public UUID flightOfTraveller(UUID traveller, WaymarkUser user) {
        mayRead(user);
        return jdbc.sql("SELECT flight_id FROM pd_traveller WHERE id = :id").param("id", traveller).query(UUID.class)
                .optional().orElseThrow(() -> new NotFoundException("passengerDataTraveller", traveller));
    }

    /** The flight a booking was for; nothing of it. */
    @Transactional(readOnly = true)
    public UUID flightOfBooking(UUID booking, WaymarkUser user) {
        mayRead(user);
        return jdbc.sql("SELECT flight_id FROM pd_booking WHERE id = :id").param("id", booking).query(UUID.class)
                .optional().orElseThrow(() -> new NotFoundException("passengerDataBooking", booking));
    }

    /**
     * A page of the flight's passengers, and its crew on the first page, for the purpose stated for
     * it; the read of those shown is logged. A page past the last shows the last.
     */
    @Transactional
    public PassengerList passengers(UUID flightId, int page, Purpose purpose, WaymarkUser user) {
        mayRead(user);
        FlightSummary flight = flight(flightId, user);
        String source = flight.api() ? "PAXLST" : "PNRGOV";
        int total = jdbc.sql("SELECT COUNT(*) FROM pd_traveller t WHERE t.flight_id = :id AND t.type <> 'CREW'"
                + " AND t.source = :source").param("id", flightId).param("source", source).query(Integer.class).single();
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int shownPage = Math.min(Math.max(page, 0), pages - 1);
        List<TravellerRow> passengers = jdbc.sql(ROW + " WHERE t.flight_id = :id AND t.type <> 'CREW'"
                + " AND t.source = :source ORDER BY t.ordinal OFFSET :skip ROWS FETCH NEXT :size ROWS ONLY")
                .param("id", flightId).param("source", source).param("skip", shownPage * PAGE_SIZE)
                .param("size", PAGE_SIZE).query(PassengerData::row).list();
        List<TravellerRow> crew = shownPage > 0 ? List.of()
                : jdbc.sql(ROW + " WHERE t.flight_id = :id AND t.type = 'CREW' ORDER BY t.source, t.ordinal")
                        .param("id", flightId).query(PassengerData::row).list();
        List<UUID> shown = new ArrayList<>();
        passengers.forEach(row -> shown.add(row.id()));
        crew.forEach(row -> shown.add(row.id()));
        if (!shown.isEmpty()) {
            events.publishEvent(new PassengerDataRead.ListRead(shown, purpose.detail(), user.actor()));
        }
        return new PassengerList(flight, passengers, crew, flight.api(), total, shownPage, pages);
    }

    /** One traveller, for the purpose stated for their flight; the read is logged. */
    @Transactional
    public Traveller traveller(UUID id, Purpose purpose, WaymarkUser user) {
        mayRead(user);
        Traveller traveller = jdbc.sql("""
                SELECT t.*, COALESCE(t.booking_id, (SELECT b.id FROM pd_booking b WHERE b.flight_id = t.flight_id
                    AND b.locator = t.booking_locator ORDER BY b.id FETCH FIRST 1 ROWS ONLY)) AS found_booking
                FROM pd_traveller t WHERE t.id = :id""").param("id", id)
                .query((rs, row) -> new Traveller(rs.getObject("id", UUID.class), null, rs.getString("source"),
                        rs.getString("type"), rs.getString("family_name"), rs.getString("given_names"),
                        date(rs, "birth_date"), rs.getString("gender"), rs.getString("nationality"),
                        rs.getString("residence"), rs.getString("document_type"), rs.getString("document_number"),
                        rs.getString("document_country"), date(rs, "document_expiry"), rs.getString("seat"),
                        (Integer) rs.getObject("bags", Integer.class), (Boolean) rs.getObject("checked_in", Boolean.class),
                        (Boolean) rs.getObject("boarded", Boolean.class), rs.getString("booking_locator"),
                        rs.getObject("found_booking", UUID.class)))
                .optional().orElseThrow(() -> new NotFoundException("passengerDataTraveller", id));
        FlightSummary flight = flight(flightOfTraveller(id, user), user);
        events.publishEvent(new PassengerDataRead.TravellerRead(id, purpose.detail(), user.actor()));
        return new Traveller(traveller.id(), flight, traveller.source(), traveller.type(), traveller.familyName(),
                traveller.givenNames(), traveller.birthDate(), traveller.gender(), traveller.nationality(),
                traveller.residence(), traveller.documentType(), traveller.documentNumber(),
                traveller.documentCountry(), traveller.documentExpiry(), traveller.seat(), traveller.bags(),
                traveller.checkedIn(), traveller.boarded(), traveller.bookingLocator(), traveller.bookingId());
    }

    /** One booking and those on it, for the purpose stated for its flight; the read is logged. */
    @Transactional
    public Booking booking(UUID id, Purpose purpose, WaymarkUser user) {
        mayRead(user);
        UUID flightId = flightOfBooking(id, user);
        FlightSummary flight = flight(flightId, user);
        List<Contact> contacts = jdbc.sql("SELECT kind, normalised FROM pd_contact WHERE booking_id = :id ORDER BY ordinal")
                .param("id", id).query((rs, row) -> new Contact(rs.getString(1), rs.getString(2))).list();
        int frequentFlyers = jdbc.sql("SELECT COUNT(*) FROM pd_frequent_flyer WHERE booking_id = :id").param("id", id)
                .query(Integer.class).single();
        Booking booking = jdbc.sql("SELECT * FROM pd_booking WHERE id = :id").param("id", id)
                .query((rs, row) -> new Booking(id, flight, rs.getString("locator"), date(rs, "booked_on"),
                        (Integer) rs.getObject("days_before", Integer.class), rs.getBoolean("one_way"),
                        Arrays.stream(rs.getString("itinerary").split("\n")).filter(line -> !line.isBlank()).toList(),
                        rs.getString("payment_type"), rs.getString("card_hash") != null, rs.getString("payer_name"),
                        rs.getString("travel_agency"), contacts, frequentFlyers, List.of()))
                .single();
        // Those on the booking as the PNR named them, and as the API named them where it gave the locator.
        List<TravellerRow> travellers = jdbc.sql(ROW + " WHERE t.flight_id = :flight AND t.type <> 'CREW'"
                + " AND (t.booking_id = :id OR (t.source = 'PAXLST' AND t.booking_locator = :locator))"
                + " ORDER BY t.source, t.ordinal").param("flight", flightId).param("id", id)
                .param("locator", booking.locator()).query(PassengerData::row).list();
        events.publishEvent(new PassengerDataRead.BookingRead(id, purpose.detail(), user.actor()));
        return new Booking(id, flight, booking.locator(), booking.bookedOn(), booking.daysBefore(), booking.oneWay(),
                booking.itinerary(), booking.paymentType(), booking.cardHashKept(), booking.payerName(),
                booking.travelAgency(), contacts, frequentFlyers, travellers);
    }

    /** Whether the user may see passengers' data at all (with a purpose stated for each flight). */
    public static boolean mayReadPassengers(WaymarkUser user) {
        return user != null && user.hasRole(Role.PASSENGER_DATA);
    }

    private static void mayRead(WaymarkUser user) {
        if (!mayReadPassengers(user)) {
            throw new AccessDeniedException("passengers are seen only by those with the passenger data role");
        }
    }

    private Optional<FlightSummary> findFlight(UUID id) {
        return jdbc.sql(FLIGHT + " WHERE f.id = :id AND f.deleted_at IS NULL").param("id", id)
                .query(PassengerData::flight).optional();
    }

    private static final String FLIGHT = """
            SELECT f.id, f.carrier, f.number, f.departure_date, f.origin, f.destination, f.departure_local,
                f.arrival_local, f.passengers, f.api_message_id, f.pnr_message_id,
                (SELECT COUNT(*) FROM pd_traveller t WHERE t.flight_id = f.id AND t.type = 'CREW') AS crew,
                (SELECT COUNT(*) FROM pd_booking b WHERE b.flight_id = f.id) AS bookings
            FROM pd_flight f""";

    private static final String ROW = """
            SELECT t.id, t.source, t.type, t.family_name, t.given_names, t.birth_date, t.gender, t.nationality, t.document_type,
                t.document_country, t.seat, t.booking_locator,
                COALESCE(t.booking_id, (SELECT b.id FROM pd_booking b WHERE b.flight_id = t.flight_id
                    AND b.locator = t.booking_locator ORDER BY b.id FETCH FIRST 1 ROWS ONLY)) AS found_booking
            FROM pd_traveller t""";

    private static FlightSummary flight(ResultSet rs, int row) throws SQLException {
        return new FlightSummary(rs.getObject("id", UUID.class), rs.getString("carrier"), rs.getString("number"),
                date(rs, "departure_date"), rs.getString("origin"), rs.getString("destination"),
                time(rs, "departure_local"), time(rs, "arrival_local"), rs.getInt("passengers"), rs.getInt("crew"),
                rs.getInt("bookings"), rs.getObject("api_message_id") != null, rs.getObject("pnr_message_id") != null);
    }

    private static TravellerRow row(ResultSet rs, int row) throws SQLException {
        return new TravellerRow(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("type"), rs.getString("family_name"),
                rs.getString("given_names"), date(rs, "birth_date"), rs.getString("gender"),
                rs.getString("nationality"), rs.getString("document_type"), rs.getString("document_country"),
                rs.getString("seat"), rs.getString("booking_locator"), rs.getObject("found_booking", UUID.class));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toLocalDateTime();
    }
}
