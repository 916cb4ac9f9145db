package org.waymark.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.AgencyType;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationEvents.OperationCreated;
import org.waymark.shared.AirportCode;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;
import org.waymark.support.Fixtures;
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
@Import(Fixtures.class)
class OperationModuleTest {
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

    private final Fixtures given;
    private final Operations operations;
    private final Rota rota;

    private AgencySummary police;
    private AgencySummary charity;
    private WaymarkUser coordinator;
    private WaymarkUser navigator;
    private WaymarkUser otherForce;

    OperationModuleTest(Fixtures given, Operations operations, Rota rota) {
        this.given = given;
        this.operations = operations;
        this.rota = rota;
    }

    @BeforeAll
    void people() {
        police = given.agency("Essex Police", AgencyType.POLICE);
        charity = given.agency("Justice & Care", AgencyType.CHARITY);
        AgencySummary kent = given.agency("Kent Police", AgencyType.POLICE);
        coordinator = given.user("Cara Coordinator", "cara@essex.example", police, Role.COORDINATOR);
        navigator = given.user("Nia Navigator", "nia@charity.example", charity, Role.PARTNER);
        otherForce = given.user("Kit Officer", "kit@kent.example", kent, Role.OFFICER);
    }

    @Test
    void aNewOperationIsAnnouncedAndSeenByItsPartnerButNotByAnotherForce(AssertablePublishedEvents events) {
        OperationId operation = newOperation();

        assertThat(events).contains(OperationCreated.class)
                .matching(OperationCreated::operationId, operation)
                .matching(OperationCreated::actor, coordinator.actor());
        assertThat(operations.visibleTo(navigator)).extracting(OperationView::id).contains(operation);
        assertThat(operations.get(operation, navigator).plan()).as("a partner sees the outline only").isNull();
        assertThat(operations.visibleTo(otherForce)).isEmpty();
        assertThatThrownBy(() -> operations.get(operation, otherForce)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theRotaShowsWhereNobodyIsOnCall() {
        OperationId operation = newOperation();
        rota.add(operation, new Rota.NewSlot(charity.id(), navigator.id(), CoverKind.NAVIGATOR,
                at(16, 8), at(17, 20), null, null), coordinator);

        assertThat(rota.gaps(operation, navigator)).filteredOn(gap -> gap.kind() == CoverKind.NAVIGATOR)
                .containsExactly(new CoverGap(CoverKind.NAVIGATOR, at(16, 0), at(16, 8)),
                        new CoverGap(CoverKind.NAVIGATOR, at(17, 20), at(18, 0)));
        assertThat(rota.gaps(operation, navigator)).filteredOn(gap -> gap.kind() == CoverKind.SARC)
                .containsExactly(new CoverGap(CoverKind.SARC, at(16, 0), at(18, 0)));
    }

    /** 16 and 17 September 2026 at Stansted, led by Essex Police with Justice & Care. */
    private OperationId newOperation() {
        when(airports.isKnown(STANSTED)).thenReturn(true);
        return given.operation().at(STANSTED.value()).between(LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 17))
                .withPartners(police, charity).plannedBy(coordinator);
    }

    private static LocalDateTime at(int day, int hour) {
        return LocalDateTime.of(2026, 9, day, hour, 0);
    }
}
