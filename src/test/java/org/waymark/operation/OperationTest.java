package org.waymark.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.waymark.shared.AgencyId;
import org.waymark.shared.AirportCode;
import org.waymark.shared.ConflictException;
import org.waymark.shared.CountryCode;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

class OperationTest {

    AgencyId essex = AgencyId.random();
    AgencyId charity = AgencyId.random();

    OperationDetails stansted(LocalDate start, LocalDate end) {
        return new OperationDetails("Week of action: Stansted Airport", new AirportCode("STN"), start, end,
                EnumSet.of(ExploitationType.SEXUAL), Set.of(new CountryCode("BG")), Set.of(charity));
    }

    Operation planned() {
        return Operation.plan(stansted(LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 19)), essex,
                UserId.random(), Instant.EPOCH);
    }

    @Test
    void aNewOperationIsPlannedAndItsLeadAgencyTakesPart() {
        Operation operation = planned();

        assertThat(operation.status()).isEqualTo(OperationStatus.PLANNED);
        assertThat(operation.agencyIds()).containsExactlyInAnyOrder(essex, charity);
        assertThat(operation.takesPart(essex)).isTrue();
    }

    @Test
    void theLeadAgencyStaysWhenThePartnersChange() {
        Operation operation = planned();

        operation.revise(new OperationDetails("Renamed", new AirportCode("STN"), LocalDate.of(2026, 9, 16),
                LocalDate.of(2026, 9, 16), Set.of(), Set.of(), Set.of()));

        assertThat(operation.agencyIds()).containsExactly(essex);
        assertThat(operation.name()).isEqualTo("Renamed");
    }

    @Test
    void theEndCannotComeBeforeTheStartNorAYearAfterIt() {
        assertThatThrownBy(() -> Operation.plan(stansted(LocalDate.of(2026, 9, 19), LocalDate.of(2026, 9, 16)),
                essex, UserId.random(), Instant.EPOCH)).isInstanceOf(RuleViolationException.class)
                .hasMessage("operation.endDate.beforeStart");
        assertThatThrownBy(() -> Operation.plan(stansted(LocalDate.of(2026, 9, 16), LocalDate.of(2062, 9, 16)),
                essex, UserId.random(), Instant.EPOCH)).hasMessage("operation.endDate.tooLong");
    }

    @Test
    void coordinatorsMoveItOnButCannotReopenIt() {
        Operation operation = planned();

        operation.changeStatus(OperationStatus.ACTIVE, false);
        operation.changeStatus(OperationStatus.CLOSED, false);

        assertThatThrownBy(() -> operation.changeStatus(OperationStatus.ACTIVE, false))
                .isInstanceOf(ConflictException.class).hasMessage("operation.reopen.adminOnly");
        assertThatThrownBy(() -> operation.revise(stansted(LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 17))))
                .isInstanceOf(ConflictException.class).hasMessage("operation.closed");

        operation.changeStatus(OperationStatus.ACTIVE, true);
        assertThat(operation.status()).isEqualTo(OperationStatus.ACTIVE);
    }
}
