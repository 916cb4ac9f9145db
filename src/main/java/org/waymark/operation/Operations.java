package org.waymark.operation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.Agencies;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationEvents.OperationCreated;
import org.waymark.operation.OperationEvents.OperationStatusChanged;
import org.waymark.operation.OperationEvents.OperationUpdated;
import org.waymark.shared.AgencyId;
import org.waymark.shared.AirportCode;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.shared.RuleViolationException;

/**
 * Plans and runs operations, and decides who sees what: coordinators plan operations of their
 * agency; users of participating agencies see them, partners and analysts only in outline;
 * administrators see all and alone reopen a closed one.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Operations {

    private final OperationRepository operations;
    private final Agencies agencies;
    private final KnownAirports airports;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcClient jdbc;

    /** Whether the user may plan new operations. */
    public boolean mayCreate(WaymarkUser user) {
        return user.hasRole(Role.COORDINATOR);
    }

    public OperationView create(OperationDetails details, WaymarkUser user) {
        if (!mayCreate(user)) {
            throw new AccessDeniedException("only coordinators plan operations");
        }
        checkPortAndAgencies(details);
        Operation operation = operations.save(Operation.plan(details, user.agencyId(), user.id(), clock.instant()));
        events.publishEvent(new OperationCreated(operation.id(), user.actor()));
        return view(operation, user);
    }

    public OperationView update(OperationId id, OperationDetails details, WaymarkUser user) {
        Operation operation = visible(id, user);
        if (!plans(operation, user)) {
            throw new AccessDeniedException("only coordinators of the lead agency change an operation");
        }
        checkPortAndAgencies(details);
        operation.revise(details);
        operations.save(operation);
        events.publishEvent(new OperationUpdated(id, user.actor()));
        return view(operation, user);
    }

    public OperationView changeStatus(OperationId id, OperationStatus next, WaymarkUser user) {
        Operation operation = visible(id, user);
        boolean admin = user.hasRole(Role.ADMIN);
        if (!admin && !plans(operation, user)) {
            throw new AccessDeniedException("only coordinators of the lead agency change the status");
        }
        OperationStatus before = operation.status();
        operation.changeStatus(next, admin);
        if (before != next) {
            operations.save(operation);
            events.publishEvent(new OperationStatusChanged(id, before, next, user.actor()));
        }
        return view(operation, user);
    }

    @Transactional(readOnly = true)
    public List<OperationView> visibleTo(WaymarkUser user) {
        List<Operation> found = user.hasRole(Role.ADMIN) ? operations.findAllByOrderByStartDateDescName()
                : operations.findWithParticipant(user.agencyId().value());
        return found.stream().map(operation -> view(operation, user)).toList();
    }

    /**
     * A shift: the operations under way today (at each one's port) in which the user's agency
     * takes part (those marked active, or where none is, those dated today and not closed), and the one the shift is spent on: the only one, or the one the user chose
     * among several; {@code null} while they have not chosen.
     */
    public record Shift(List<OperationView> underWay, OperationView operation) {
    }

    @Transactional(readOnly = true)
    public Shift shift(WaymarkUser user) {
        List<Operation> today = operations.findWithParticipant(user.agencyId().value()).stream()
                .filter(this::datedToday).toList();
        // Those marked active are under way; if none is, one dated today that a coordinator has
        // not yet marked active still is, as officers work from its first day.
        List<Operation> active = today.stream().filter(o -> o.status() == OperationStatus.ACTIVE).toList();
        List<OperationView> underWay = (active.isEmpty() ? today : active).stream()
                .map(operation -> view(operation, user)).toList();
        if (underWay.size() == 1) {
            return new Shift(underWay, underWay.get(0));
        }
        Optional<UUID> chosen = jdbc.sql("SELECT operation_id FROM shift_choice WHERE user_id = :user")
                .param("user", user.id().value()).query(UUID.class).optional();
        return new Shift(underWay, underWay.stream().filter(o -> chosen.map(o.id().value()::equals).orElse(false))
                .findFirst().orElse(null));
    }

    /**
     * Remembers the operation the user chose for their shift: one under way today that they take part in.
     * A double tap sends the choice twice at once: each statement stands on its own (no transaction
     * a refused insert would spoil), and an insert that finds the other tap's row updates it instead.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void chooseForShift(OperationId id, WaymarkUser user) {
        if (shift(user).underWay().stream().noneMatch(o -> o.id().equals(id))) {
            throw new RuleViolationException("shift.operation.notUnderWay", "operationId");
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (rememberShift(id, user, now) == 0) {
            try {
                jdbc.sql("INSERT INTO shift_choice (user_id, operation_id, chosen_at) VALUES (:user, :operation, :at)")
                        .param("user", user.id().value()).param("operation", id.value()).param("at", now).update();
            } catch (DuplicateKeyException otherTap) {
                rememberShift(id, user, now);
            }
        }
    }

    private int rememberShift(OperationId id, WaymarkUser user, Timestamp at) {
        return jdbc.sql("UPDATE shift_choice SET operation_id = :operation, chosen_at = :at WHERE user_id = :user")
                .param("user", user.id().value()).param("operation", id.value()).param("at", at).update();
    }

    /** Not closed, and today at its port falls within its dates. */
    private boolean datedToday(Operation operation) {
        LocalDate today = LocalDate.now(clock.withZone(airports.zoneOf(operation.port())));
        return operation.status() != OperationStatus.CLOSED && !today.isBefore(operation.startDate())
                && !today.isAfter(operation.endDate());
    }

    /** One operation, if the user may see it; otherwise not found, so ids cannot be probed. */
    @Transactional(readOnly = true)
    public OperationView get(OperationId id, WaymarkUser user) {
        return view(visible(id, user), user);
    }

    /**
     * The operation's status, if the agency takes part in it: one query, for the requests that
     * need no more than that.
     */
    @Transactional(readOnly = true)
    public Optional<OperationStatus> statusForParticipant(OperationId id, AgencyId agency) {
        return operations.findStatusWithParticipant(id.value(), agency.value()).map(OperationStatus::valueOf);
    }

    /**
     * The port of an operation that is not closed and in which the agency takes part: what a
     * module recording field work needs to know, in one query.
     */
    @Transactional(readOnly = true)
    public Optional<AirportCode> openPortForParticipant(OperationId id, AgencyId agency) {
        return operations.findOpenPortWithParticipant(id.value(), agency.value()).map(AirportCode::new);
    }

    /**
     * The operation in outline (name, port, dates, status), for a module that decides itself who
     * may see it, such as a partner called to a check in an operation they do not take part in.
     */
    @Transactional(readOnly = true)
    public OperationView outline(OperationId id) {
        Operation o = operations.findById(id.value()).orElseThrow(() -> new NotFoundException("operation", id));
        return new OperationView(o.id(), o.name(), o.port(), o.startDate(), o.endDate(), o.status(), null, false,
                Set.of());
    }

    /**
     * An operation planned or under way at a port, as a module that links what it knows to the
     * operation's flights needs it: its dates, and whether it adds flights from passenger data.
     */
    public record AtPort(OperationId id, AirportCode port, LocalDate startDate, LocalDate endDate,
            boolean addFlightsFromPassengerData) {
    }

    /**
     * The operations planned or active at the port whose dates include one of the days, for
     * Waymark's own work (not shown to anyone as such).
     */
    @Transactional(readOnly = true)
    public List<AtPort> plannedOrActiveAt(AirportCode port, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT id, port, start_date, end_date, add_flights_from_passenger_data FROM operation
                WHERE port = :port AND status IN ('PLANNED', 'ACTIVE') AND start_date <= :to AND end_date >= :from
                ORDER BY start_date, id""")
                .param("port", port.value()).param("from", from).param("to", to)
                .query((rs, row) -> new AtPort(new OperationId(rs.getObject(1, UUID.class)),
                        new AirportCode(rs.getString(2)), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getBoolean(5)))
                .list();
    }

    /** The agency that leads the operation, for notifications sent on Waymark's own account. */
    @Transactional(readOnly = true)
    public AgencyId leadAgencyOf(OperationId id) {
        return operations.findById(id.value()).map(Operation::leadAgency)
                .orElseThrow(() -> new NotFoundException("operation", id));
    }

    /** Demo data only: the Stansted week of action, seen in full, for seeding its flights. */
    @Transactional(readOnly = true)
    public Optional<OperationView> demoOperation() {
        return operations.findAll().stream().filter(o -> o.name().equals(OperationDemoData.NAME)).findFirst()
                .map(o -> new OperationView(o.id(), o.name(), o.port(), o.startDate(), o.endDate(), o.status(),
                        new OperationView.Plan(o.leadAgency(), o.focusExploitationTypes(), o.focusCountries(),
                                o.agencyIds(), o.addsFlightsFromPassengerData()), false, Set.of()));
    }

    /** The operation, when the user's agency takes part (or the user is an administrator); not found otherwise. */
    Operation visible(OperationId id, WaymarkUser user) {
        return operations.findById(id.value())
                .filter(operation -> user.hasRole(Role.ADMIN) || operation.takesPart(user.agencyId()))
                .orElseThrow(() -> new NotFoundException("operation", id));
    }

    /** Coordinators of the lead agency plan the operation. */
    static boolean plans(Operation operation, WaymarkUser user) {
        return user.hasRole(Role.COORDINATOR) && operation.leadAgency().equals(user.agencyId());
    }

    private static boolean seesPlan(WaymarkUser user) {
        return user.hasRole(Role.ADMIN) || user.hasRole(Role.COORDINATOR) || user.hasRole(Role.OFFICER);
    }

    private void checkPortAndAgencies(OperationDetails details) {
        if (details.port() != null && !airports.isKnown(details.port())) {
            throw new RuleViolationException("operation.port.unknown", "port");
        }
        checkAgencies(details.agencyIds());
    }

    private void checkAgencies(Set<AgencyId> ids) {
        if (agencies.byId(ids).size() != ids.size()) {
            throw new RuleViolationException("operation.agencies.unknown", "agencyIds");
        }
    }

    private OperationView view(Operation operation, WaymarkUser user) {
        OperationView.Plan plan = seesPlan(user) ? new OperationView.Plan(operation.leadAgency(),
                operation.focusExploitationTypes(), operation.focusCountries(), operation.agencyIds(),
                operation.addsFlightsFromPassengerData()) : null;
        Set<OperationStatus> next = EnumSet.noneOf(OperationStatus.class);
        if (user.hasRole(Role.ADMIN)) {
            next = EnumSet.complementOf(EnumSet.of(operation.status()));
        } else if (plans(operation, user)) {
            next = operation.status().coordinatorMayMoveTo();
        }
        boolean editable = plans(operation, user) && operation.status() != OperationStatus.CLOSED;
        return new OperationView(operation.id(), operation.name(), operation.port(), operation.startDate(),
                operation.endDate(), operation.status(), plan, editable, next);
    }
}
