package org.waymark.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationEvents.OperationCreated;
import org.waymark.shared.AgencyId;
import org.waymark.shared.AirportCode;
import org.waymark.shared.NotFoundException;
import org.waymark.support.TestDatabases;

/**
 * The operation module with identity, the one module it depends on: a coordinator's new
 * operation is announced, seen by its partner agency and not by another force, and its rota
 * shows where nobody is on call.
 */
// With identity, its one dependency, for agencies and users; platform for the clock and the unquoted
// table names without which H2 finds no table of a repository.
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@TestPropertySource(properties = "waymark.scheduling.enabled=false")
class OperationModuleTest {

    private static final String PASSWORD = "a long enough password";
    private static final AirportCode STANSTED = new AirportCode("STN");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    /**
     * The airports are the flight module's, which depends on this one: it is not started here,
     * and Stansted is the one airport known.
     */
    @MockitoBean
    KnownAirports airports;

    private final Agencies agencies;
    private final Users users;
    private final Operations operations;
    private final Rota rota;

    private AgencySummary police;
    private AgencySummary charity;
    private WaymarkUser coordinator;
    private WaymarkUser navigator;
    private WaymarkUser otherForce;

    OperationModuleTest(Agencies agencies, Users users, Operations operations, Rota rota) {
        this.agencies = agencies;
        this.users = users;
        this.operations = operations;
        this.rota = rota;
    }

    @BeforeAll
    void people() {
        police = agencies.create("Essex Police", AgencyType.POLICE, null, null);
        charity = agencies.create("Justice & Care", AgencyType.CHARITY, null, null);
        AgencySummary kent = agencies.create("Kent Police", AgencyType.POLICE, null, null);
        coordinator = user("Cara Coordinator", "cara@essex.example", police.id(), Role.COORDINATOR);
        navigator = user("Nia Navigator", "nia@charity.example", charity.id(), Role.PARTNER);
        otherForce = user("Kit Officer", "kit@kent.example", kent.id(), Role.OFFICER);
    }

    @Test
    void aNewOperationIsAnnouncedAndSeenByItsPartnerButNotByAnotherForce(AssertablePublishedEvents events) {
        OperationView operation = newOperation();

        assertThat(events).contains(OperationCreated.class)
                .matching(OperationCreated::operationId, operation.id())
                .matching(OperationCreated::actor, coordinator.actor());
        assertThat(operations.visibleTo(navigator)).extracting(OperationView::id).contains(operation.id());
        assertThat(operations.get(operation.id(), navigator).plan()).as("a partner sees the outline only").isNull();
        assertThat(operations.visibleTo(otherForce)).isEmpty();
        assertThatThrownBy(() -> operations.get(operation.id(), otherForce)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theRotaShowsWhereNobodyIsOnCall() {
        OperationView operation = newOperation();
        rota.add(operation.id(), new Rota.NewSlot(charity.id(), navigator.id(), CoverKind.NAVIGATOR,
                at(16, 8), at(17, 20), null, null), coordinator);

        assertThat(rota.gaps(operation.id(), navigator)).filteredOn(gap -> gap.kind() == CoverKind.NAVIGATOR)
                .containsExactly(new CoverGap(CoverKind.NAVIGATOR, at(16, 0), at(16, 8)),
                        new CoverGap(CoverKind.NAVIGATOR, at(17, 20), at(18, 0)));
        assertThat(rota.gaps(operation.id(), navigator)).filteredOn(gap -> gap.kind() == CoverKind.SARC)
                .containsExactly(new CoverGap(CoverKind.SARC, at(16, 0), at(18, 0)));
    }

    /** 16 and 17 September 2026 at Stansted, led by Essex Police with Justice & Care. */
    private OperationView newOperation() {
        given(airports.isKnown(STANSTED)).willReturn(true);
        return operations.create(new OperationDetails("Week of action", STANSTED, LocalDate.of(2026, 9, 16),
                LocalDate.of(2026, 9, 17), Set.of(), Set.of(), Set.of(police.id(), charity.id())), coordinator);
    }

    private WaymarkUser user(String name, String email, AgencyId agency, Role role) {
        return users.current(users.create(name, email, agency, EnumSet.of(role), PASSWORD, null).user().id())
                .orElseThrow();
    }

    private static LocalDateTime at(int day, int hour) {
        return LocalDateTime.of(2026, 9, day, hour, 0);
    }
}
