package org.waymark.operation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.waymark.shared.AgencyId;
import org.waymark.shared.AirportCode;
import org.waymark.shared.ConflictException;
import org.waymark.shared.CountryCode;
import org.waymark.shared.OperationId;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

/** A week of action (or any operation) at one port, led by one agency with its partners. */
class Operation {

    static final int MAX_NAME = 120;
    /** Longer than any campaign; catches a mistyped year. */
    static final long MAX_DAYS = 366;
    /** Operations are planned in this range of years; a date outside it is a typing mistake. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @Id
    private final UUID id;
    private String name;
    private String port;
    private LocalDate startDate;
    private LocalDate endDate;
    private OperationStatus status;
    /** The agency of the coordinator who created it; always a participant. */
    private final UUID leadAgencyId;
    private final UUID createdBy;
    private final Instant createdAt;
    @MappedCollection(idColumn = "operation_id")
    private Set<Participant> agencies;
    @MappedCollection(idColumn = "operation_id")
    private Set<FocusType> focusTypes;
    @MappedCollection(idColumn = "operation_id")
    private Set<FocusCountry> focusCountries;
    /** Whether flights that passenger data speak of, and that the operation has not listed, are added to it. */
    private boolean addFlightsFromPassengerData;
    @Version
    private Long version;

    Operation(UUID id, String name, String port, LocalDate startDate, LocalDate endDate, OperationStatus status,
            UUID leadAgencyId, UUID createdBy, Instant createdAt, Set<Participant> agencies,
            Set<FocusType> focusTypes, Set<FocusCountry> focusCountries, boolean addFlightsFromPassengerData,
            Long version) {
        this.id = id;
        this.name = name;
        this.port = port;
        this.startDate = startDate;
        this.endDate = endDate;
        this.status = status;
        this.leadAgencyId = leadAgencyId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.agencies = agencies;
        this.focusTypes = focusTypes;
        this.focusCountries = focusCountries;
        this.addFlightsFromPassengerData = addFlightsFromPassengerData;
        this.version = version;
    }

    static Operation plan(OperationDetails details, AgencyId leadAgency, UserId createdBy, Instant now) {
        Operation operation = new Operation(UUID.randomUUID(), null, null, null, null, OperationStatus.PLANNED,
                leadAgency.value(), createdBy.value(), now, Set.of(), Set.of(), Set.of(), false, null);
        operation.apply(details);
        return operation;
    }

    /** Changes the plan; a closed operation must be reopened first. */
    void revise(OperationDetails details) {
        if (status == OperationStatus.CLOSED) {
            throw new ConflictException("operation.closed", null);
        }
        apply(details);
    }

    /**
     * Moves the operation on. Coordinators follow {@link OperationStatus#coordinatorMayMoveTo()};
     * administrators may make any change, which is how a closed operation is reopened.
     */
    void changeStatus(OperationStatus next, boolean byAdministrator) {
        if (next == status) {
            return;
        }
        if (!byAdministrator && !status.coordinatorMayMoveTo().contains(next)) {
            throw new ConflictException(status == OperationStatus.CLOSED ? "operation.reopen.adminOnly"
                    : "operation.status.notAllowed", "status");
        }
        status = next;
    }

    private void apply(OperationDetails details) {
        if (details.name() == null || details.name().isBlank()) {
            throw new RuleViolationException("operation.name.required", "name");
        }
        PlainText.check(details.name().strip(), MAX_NAME, "operation.name.tooLong", "name");
        if (details.port() == null) {
            throw new RuleViolationException("operation.port.required", "port");
        }
        if (details.startDate() == null) {
            throw new RuleViolationException("operation.startDate.required", "startDate");
        }
        if (details.endDate() == null) {
            throw new RuleViolationException("operation.endDate.required", "endDate");
        }
        if (outOfRange(details.startDate())) {
            throw new RuleViolationException("operation.startDate.outOfRange", "startDate");
        }
        if (outOfRange(details.endDate())) {
            throw new RuleViolationException("operation.endDate.outOfRange", "endDate");
        }
        if (details.endDate().isBefore(details.startDate())) {
            throw new RuleViolationException("operation.endDate.beforeStart", "endDate");
        }
        if (ChronoUnit.DAYS.between(details.startDate(), details.endDate()) >= MAX_DAYS) {
            throw new RuleViolationException("operation.endDate.tooLong", "endDate");
        }
        this.name = details.name().strip();
        this.port = details.port().value();
        this.startDate = details.startDate();
        this.endDate = details.endDate();
        this.focusTypes = details.focusExploitationTypes().stream().map(FocusType::new).collect(Collectors.toSet());
        this.focusCountries = details.focusCountries().stream().map(c -> new FocusCountry(c.value()))
                .collect(Collectors.toSet());
        Set<Participant> participants = new HashSet<>();
        details.agencyIds().forEach(agency -> participants.add(new Participant(agency.value())));
        participants.add(new Participant(leadAgencyId));
        this.agencies = participants;
        this.addFlightsFromPassengerData = details.addFlightsFromPassengerData();
    }

    private static boolean outOfRange(LocalDate date) {
        return date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR;
    }

    OperationId id() {
        return new OperationId(id);
    }

    OperationStatus status() {
        return status;
    }

    AgencyId leadAgency() {
        return new AgencyId(leadAgencyId);
    }

    boolean takesPart(AgencyId agency) {
        return agencies.contains(new Participant(agency.value()));
    }

    String name() {
        return name;
    }

    AirportCode port() {
        return new AirportCode(port);
    }

    LocalDate startDate() {
        return startDate;
    }

    LocalDate endDate() {
        return endDate;
    }

    Set<ExploitationType> focusExploitationTypes() {
        Set<ExploitationType> types = EnumSet.noneOf(ExploitationType.class);
        focusTypes.forEach(type -> types.add(type.exploitationType()));
        return types;
    }

    Set<CountryCode> focusCountries() {
        Set<String> codes = new TreeSet<>();
        focusCountries.forEach(country -> codes.add(country.countryCode()));
        return codes.stream().map(CountryCode::new).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    boolean addsFlightsFromPassengerData() {
        return addFlightsFromPassengerData;
    }

    Set<AgencyId> agencyIds() {
        return agencies.stream().map(p -> new AgencyId(p.agencyId())).collect(Collectors.toSet());
    }

    @Table("operation_agency")
    record Participant(UUID agencyId) {
    }

    @Table("operation_focus_type")
    record FocusType(ExploitationType exploitationType) {
    }

    @Table("operation_focus_country")
    record FocusCountry(String countryCode) {
    }
}
