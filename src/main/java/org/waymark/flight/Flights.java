package org.waymark.flight;

import java.io.BufferedReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.flight.FlightEvents.FlightAdded;
import org.waymark.flight.FlightEvents.FlightChanged;
import org.waymark.flight.FlightEvents.FlightsImported;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationStatus;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.shared.ConflictException;
import org.waymark.shared.CountryCode;
import org.waymark.shared.FlightId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

/**
 * The flights of an operation. Coordinators of the lead agency add, import, choose and assign
 * them; officers and coordinators of the participating agencies see them and the board.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Flights {

    private static final Logger log = LoggerFactory.getLogger(Flights.class);
    private static final int BATCH = 1000;

    private final FlightRepository flights;
    private final FlightQueries queries;
    private final Operations operations;
    private final Users users;
    private final Airports airports;
    private final EngagedPassengers engaged;
    /** The passenger data module, where it is part of the application; otherwise no counts are known. */
    private final ObjectProvider<PassengersOnBoard> onBoard;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The day's board: the monitored flights of a day in time order, with passengers met so far. */
    public record Board(LocalDate date, List<BoardRow> rows) {
    }

    public record BoardRow(FlightView flight, int passengers) {
    }

    public FlightView add(OperationId operationId, ScheduledFlight flight, WaymarkUser user) {
        OperationView operation = planned(operationId, user);
        Airport airport = importer(operation).check(flight);
        if (exists(operationId, flight)) {
            throw new ConflictException("flight.duplicate", "flightNumber");
        }
        Flight saved = flights.save(Flight.schedule(operationId, flight, airport, clock.instant()));
        events.publishEvent(new FlightAdded(saved.id(), user.actor()));
        return saved.view(airports, focus(operation));
    }

    /**
     * Imports a schedule file: valid rows land, rows already there (same flight number, day and
     * direction) are skipped, every other row is refused with its line and reason. The file must
     * be UTF-8, at most {@link ScheduleImport#MAX_BYTES} bytes and {@link ScheduleImport#MAX_ROWS} rows.
     */
    public ImportResult importSchedule(OperationId operationId, byte[] file, WaymarkUser user,
            IntConsumer rowsSaved) {
        OperationView operation = planned(operationId, user);
        BufferedReader reader = ScheduleImport.utf8(file);
        Set<String> taken = new HashSet<>(jdbc.sql(
                "SELECT flight_number, scheduled_date, direction FROM flight WHERE operation_id = :operation")
                .param("operation", operationId.value())
                .query((rs, row) -> key(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)))
                .list());
        List<ScheduleImport.Row> pending = new ArrayList<>();
        int[] counts = new int[2]; // accepted, duplicates
        Instant now = clock.instant();
        List<ImportResult.Rejection> rejected = importer(operation).read(reader, row -> {
            ScheduledFlight flight = row.flight();
            if (!taken.add(key(flight.flightNumber(), flight.scheduled().toLocalDate(), flight.direction().name()))) {
                counts[1]++;
                return;
            }
            pending.add(row);
            if (pending.size() == BATCH) {
                counts[0] += insert(operationId, pending, now);
                rowsSaved.accept(counts[0]);
            }
        });
        counts[0] += insert(operationId, pending, now);
        rowsSaved.accept(counts[0]);
        events.publishEvent(new FlightsImported(operationId, counts[0], user.actor()));
        return new ImportResult(counts[0], counts[1], rejected);
    }

    @Transactional(readOnly = true)
    public List<FlightView> list(OperationId operationId, LocalDate date, WaymarkUser user) {
        OperationView operation = visible(operationId, user);
        return counted(operationId, queries.list(operationId.value(), date, focus(operation)));
    }

    @Transactional(readOnly = true)
    public FlightView get(OperationId operationId, FlightId flightId, WaymarkUser user) {
        OperationView operation = visible(operationId, user);
        return counted(operationId, load(operationId, flightId).view(airports, focus(operation)));
    }

    @Transactional(readOnly = true)
    public Board board(OperationId operationId, LocalDate date, WaymarkUser user) {
        OperationView operation = visible(operationId, user);
        Map<FlightId, Integer> passengers = engaged.byFlight(operationId);
        List<BoardRow> rows = counted(operationId, queries.list(operationId.value(), date, focus(operation))).stream()
                .filter(flight -> flight.status() != FlightStatus.SCHEDULED)
                .map(flight -> new BoardRow(flight, passengers.getOrDefault(flight.id(), 0)))
                .toList();
        return new Board(date, rows);
    }

    /**
     * The flights the user is assigned to meet next, soonest first: those not yet an hour past
     * their time at the port, as an arrival's passengers are still coming through.
     */
    @Transactional(readOnly = true)
    public List<FlightView> assignedTo(OperationId operationId, WaymarkUser user) {
        OperationView operation = visible(operationId, user);
        LocalDateTime since = LocalDateTime.now(clock.withZone(airports.zoneOf(operation.port()))).minusHours(1);
        return counted(operationId, queries.list(operationId.value(), null, focus(operation)).stream()
                .filter(flight -> flight.officers().contains(user.id()) && !flight.scheduled().isBefore(since))
                .toList());
    }

    /**
     * A flight that airline passenger data speak of, as it is at an operation's port.
     *
     * @param carrier the airline's code, such as FR
     * @param number the flight's number without the carrier, such as 1234 or 0123
     * @param airport the other airport: origin of an arrival, destination of a departure
     * @param date the day it lands (an arrival) or leaves (a departure), local at the port
     * @param scheduled its local time at the port, where the data give it; null otherwise
     */
    public record ReportedFlight(String carrier, String number, Direction direction, String airport, LocalDate date,
            LocalDateTime scheduled) {
    }

    /**
     * The operation's flight that passenger data speak of: the one of the same flight number
     * (leading zeros aside), day at the port and direction. Where it has none and {@code add} is
     * true, the flight is added, marked as from passenger data, while the operation is not closed,
     * the day within its dates, the other airport known and the time at the port given. Waymark's
     * own work, for no user; a flight added at the same moment by another call makes this one
     * fail on the one-flight-a-day rule, and a second call then finds it.
     */
    public Optional<FlightId> fromPassengerData(OperationId operationId, ReportedFlight reported, boolean add) {
        Optional<FlightId> found = matching(operationId, reported);
        if (found.isPresent() || !add || reported.scheduled() == null) {
            return found;
        }
        OperationView operation = operations.outline(operationId);
        Optional<Airport> other = airports.find(reported.airport());
        LocalDate day = reported.scheduled().toLocalDate();
        if (operation.status() == OperationStatus.CLOSED || other.isEmpty() || day.isBefore(operation.startDate())
                || day.isAfter(operation.endDate())) {
            return Optional.empty();
        }
        ScheduledFlight flight;
        try {
            flight = new ScheduledFlight(reported.carrier() + withoutLeadingZeros(reported.number()), null,
                    reported.direction(), reported.airport(), reported.scheduled(), null, null);
        } catch (RuleViolationException notAFlightNumber) {
            log.warn("Passenger data name a flight number Waymark cannot list for operation {}", operationId);
            return Optional.empty();
        }
        Flight saved = flights.save(Flight.fromPassengerData(operationId, flight, other.get(), clock.instant()));
        events.publishEvent(new FlightAdded(saved.id(), null));
        return Optional.of(saved.id());
    }

    private Optional<FlightId> matching(OperationId operationId, ReportedFlight reported) {
        String carrier = reported.carrier().strip().toUpperCase(java.util.Locale.ROOT);
        String number = withoutLeadingZeros(reported.number().strip().toUpperCase(java.util.Locale.ROOT));
        return jdbc.sql("""
                SELECT id, flight_number FROM flight WHERE operation_id = :operation AND scheduled_date = :day
                AND direction = :direction ORDER BY created_at, id""")
                .param("operation", operationId.value()).param("day", reported.date())
                .param("direction", reported.direction().name())
                .query((rs, row) -> Map.entry(new FlightId(rs.getObject(1, UUID.class)), rs.getString(2))).list()
                .stream()
                .filter(flight -> flight.getValue().startsWith(carrier)
                        && withoutLeadingZeros(flight.getValue().substring(carrier.length())).equals(number))
                .map(Map.Entry::getKey).findFirst();
    }

    private static String withoutLeadingZeros(String number) {
        String stripped = number.replaceFirst("^0+(?=[0-9])", "");
        return stripped;
    }

    /** The flights with the passengers on board that passenger data count, where any came. */
    private List<FlightView> counted(OperationId operationId, List<FlightView> views) {
        Map<FlightId, Integer> counts = passengersOnBoard(operationId);
        if (counts.isEmpty()) {
            return views;
        }
        return views.stream().map(view -> view.withPassengersOnBoard(counts.get(view.id()))).toList();
    }

    private FlightView counted(OperationId operationId, FlightView view) {
        return view.withPassengersOnBoard(passengersOnBoard(operationId).get(view.id()));
    }

    /** Passengers on board each flight of the operation that passenger data came for. */
    private Map<FlightId, Integer> passengersOnBoard(OperationId operationId) {
        PassengersOnBoard counts = onBoard.getIfAvailable();
        return counts == null ? Map.of() : counts.byFlight(operationId);
    }

    /** Today at the operation's port while it is under way; otherwise its first day. */
    public LocalDate today(OperationView operation) {
        LocalDate today = LocalDate.now(clock.withZone(airports.zoneOf(operation.port())));
        return today.isBefore(operation.startDate()) || today.isAfter(operation.endDate()) ? operation.startDate()
                : today;
    }

    /**
     * A flight of the operation, to show where something happened, such as an enhanced check;
     * the calling module decides who may see it.
     */
    @Transactional(readOnly = true)
    public Optional<FlightView> of(OperationId operationId, FlightId flightId) {
        return flights.findByIdAndOperationId(flightId.value(), operationId.value())
                .map(flight -> flight.view(airports, Set.of()));
    }

    /** Whether the flight is one of the operation's: checks may only be made on those. */
    @Transactional(readOnly = true)
    public boolean belongsTo(FlightId flightId, OperationId operationId) {
        return countryAndTimeOf(flightId, operationId).isPresent();
    }

    /** Where and when one of an operation's flights flies: the country of its other airport, and its local time at the port. */
    public record CountryAndTime(String country, LocalDateTime scheduled) {
    }

    /** The country and local time of the operation's flight; empty if it is not the operation's. */
    @Transactional(readOnly = true)
    public Optional<CountryAndTime> countryAndTimeOf(FlightId flightId, OperationId operationId) {
        return jdbc.sql("SELECT country, scheduled FROM flight WHERE id = :flight AND operation_id = :operation")
                .param("flight", flightId.value()).param("operation", operationId.value())
                .query((rs, row) -> new CountryAndTime(rs.getString(1), rs.getObject(2, LocalDateTime.class)))
                .optional();
    }

    public FlightView monitor(OperationId operationId, FlightId flightId, WaymarkUser user) {
        OperationView operation = planned(operationId, user);
        Flight flight = load(operationId, flightId);
        if (flight.monitor()) {
            flights.save(flight);
            events.publishEvent(new FlightChanged(flightId, "MONITORED", user.actor()));
        }
        return counted(operationId, flight.view(airports, focus(operation)));
    }

    /** Marks every suggested flight that is still only scheduled as monitored; returns how many. */
    public int monitorSuggested(OperationId operationId, WaymarkUser user) {
        return monitorSuggested(operationId, null, user);
    }

    /**
     * Marks the suggested flights of the day (local at the port; every day when {@code day} is
     * null) that are still only scheduled as monitored; returns how many.
     */
    public int monitorSuggested(OperationId operationId, LocalDate day, WaymarkUser user) {
        OperationView operation = planned(operationId, user);
        Set<String> focus = focus(operation);
        int monitored = 0;
        for (Flight flight : flights.findByOperationIdOrderByScheduledAscFlightNumberAsc(operationId.value())) {
            if ((day == null || day.equals(flight.scheduledDate())) && focus.contains(flight.country())
                    && flight.monitor()) {
                flights.save(flight);
                events.publishEvent(new FlightChanged(flight.id(), "MONITORED", user.actor()));
                monitored++;
            }
        }
        return monitored;
    }

    public FlightView changeStatus(OperationId operationId, FlightId flightId, FlightStatus status,
            WaymarkUser user) {
        OperationView operation = planned(operationId, user);
        Flight flight = load(operationId, flightId);
        flight.changeStatus(status);
        flights.save(flight);
        events.publishEvent(new FlightChanged(flightId, status.name(), user.actor()));
        return counted(operationId, flight.view(airports, focus(operation)));
    }

    /** Assigns officers of the participating agencies to meet the flight. */
    public FlightView assignOfficers(OperationId operationId, FlightId flightId, Set<UserId> officers,
            WaymarkUser user) {
        OperationView operation = planned(operationId, user);
        Set<UserId> eligible = officersOf(operation).stream().map(UserSummary::id).collect(Collectors.toSet());
        if (!eligible.containsAll(officers)) {
            throw new RuleViolationException("flight.officers.notEligible", "officerIds");
        }
        Flight flight = load(operationId, flightId);
        flight.assign(officers);
        flights.save(flight);
        events.publishEvent(new FlightChanged(flightId, "OFFICERS_ASSIGNED", user.actor()));
        return counted(operationId, flight.view(airports, focus(operation)));
    }

    /** The active officers of the operation's agencies: who may be assigned to a flight. */
    @Transactional(readOnly = true)
    public List<UserSummary> officersOf(OperationView operation) {
        var agencies = operation.plan() == null ? Set.of() : operation.plan().agencyIds();
        return users.all().stream().filter(u -> u.active() && u.roles().contains(Role.OFFICER)
                && agencies.contains(u.agencyId())).toList();
    }

    /** The operation, if the user plans it: a coordinator of the lead agency, while it is not closed. */
    private OperationView planned(OperationId operationId, WaymarkUser user) {
        OperationView operation = operations.get(operationId, user);
        if (operation.status() == OperationStatus.CLOSED) {
            throw new ConflictException("operation.closed", null);
        }
        if (!operation.editable()) {
            throw new AccessDeniedException("only coordinators of the lead agency plan flights");
        }
        return operation;
    }

    /** The operation, if the user may see its flights: officers, coordinators, administrators. */
    private OperationView visible(OperationId operationId, WaymarkUser user) {
        OperationView operation = operations.get(operationId, user);
        if (operation.plan() == null) {
            throw new AccessDeniedException("partners and analysts do not see flights");
        }
        return operation;
    }

    private ScheduleImport importer(OperationView operation) {
        return new ScheduleImport(airports, messages, operation.startDate(), operation.endDate());
    }

    private Flight load(OperationId operationId, FlightId flightId) {
        return flights.findByIdAndOperationId(flightId.value(), operationId.value())
                .orElseThrow(() -> new NotFoundException("flight", flightId));
    }

    private boolean exists(OperationId operationId, ScheduledFlight flight) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM flight WHERE operation_id = :operation AND flight_number = :number
                AND scheduled_date = :day AND direction = :direction""")
                .param("operation", operationId.value()).param("number", flight.flightNumber())
                .param("day", flight.scheduled().toLocalDate()).param("direction", flight.direction().name())
                .query(Integer.class).single() > 0;
    }

    private static Set<String> focus(OperationView operation) {
        return operation.plan() == null ? Set.of()
                : operation.plan().focusCountries().stream().map(CountryCode::value).collect(Collectors.toSet());
    }

    private static String key(String flightNumber, LocalDate day, String direction) {
        return flightNumber + "|" + day + "|" + direction;
    }

    /** Writes a batch of imported flights in one round trip; returns how many. */
    private int insert(OperationId operationId, List<ScheduleImport.Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Object[]> values = rows.stream().map(row -> new Object[] { UUID.randomUUID(),
                operationId.value(), row.flight().flightNumber(), row.flight().airline(),
                row.flight().direction().name(), row.airport().code().value(), row.airport().country().value(),
                row.flight().scheduled(), row.flight().scheduled().toLocalDate(),
                FlightStatus.SCHEDULED.name(), Timestamp.from(now) }).toList();
        batch.batchUpdate("""
                INSERT INTO flight (id, operation_id, flight_number, airline, direction, airport, country, scheduled,
                                    scheduled_date, status, created_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", values);
        rows.clear();
        return values.size();
    }
}
