package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.waymark.flight.FlightStatus;

/**
 * The same story when the demo starts just after midnight on the leap day, 29 February 2028: the
 * week began on 28 February and runs to 2 March, all of today's flights lie ahead, and the
 * week's work so far, every tally, check and referral, was done the day before.
 */
@TestPropertySource(properties = "waymark.test.demo-starts=2028-02-29T00:20")
class DemoWeekAheadTest extends DemoWeekOfActionTest {

    @Test
    void theWholeOfTodayLiesAhead() {
        assertThat(operation.startDate()).hasMonthValue(2).hasDayOfMonth(28);
        assertThat(operation.endDate()).hasMonthValue(3).hasDayOfMonth(2);
        assertThat(flights.list(operation.id(), today, officer)).isNotEmpty()
                .allSatisfy(flight -> assertThat(flight.status()).isNotEqualTo(FlightStatus.DONE));
        assertThat(checks.ofOperation(operation.id(), officer)).filteredOn(check -> check.flight() != null)
                .allSatisfy(check -> assertThat(check.flight().scheduled().toLocalDate())
                        .isEqualTo(operation.startDate()));
    }
}
