package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.waymark.safeguarding.CheckSummary;

/**
 * The same story when the demo starts late on New Year's Day 2027: the week runs over the turn
 * of the year, from 31 December to 3 January, and most of today's flights were met already, so
 * today has tallies and the checks of the day.
 */
@TestPropertySource(properties = "waymark.test.demo-starts=2027-01-01T22:15")
class DemoNewYearTest extends DemoWeekOfActionTest {

    @Test
    void theWeekRunsOverTheTurnOfTheYearAndTodaysWorkIsDone() {
        assertThat(operation.startDate()).hasYear(2026).hasMonthValue(12).hasDayOfMonth(31);
        assertThat(operation.endDate()).hasYear(2027).hasMonthValue(1).hasDayOfMonth(3);
        assertThat(results.dashboard(operation.id(), coordinator, Integer.MAX_VALUE).byDay())
                .filteredOn(row -> row.day().equals(today)).singleElement()
                .satisfies(row -> assertThat(row.passengers()).isGreaterThan(1000));
        assertThat(checks.ofOperation(operation.id(), officer)).filteredOn(check -> check.flight() != null)
                .extracting(CheckSummary::startedAt).extracting(at -> at.atZone(LONDON).toLocalDate())
                .containsExactlyInAnyOrder(operation.startDate(), today, today);
    }
}
