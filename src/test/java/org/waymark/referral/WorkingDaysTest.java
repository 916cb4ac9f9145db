package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static List<LocalDate> bankHolidaysIn(int year) {
        List<LocalDate> holidays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (WorkingDays.isBankHoliday(d)) {
                holidays.add(d);
            }
        }
        return holidays;
    }

    @Test
    void the2026BankHolidaysAreExactlyTheEightPublishedDates() {
        assertThat(bankHolidaysIn(2026)).containsExactly(
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 4, 3),
                LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 5, 4),
                LocalDate.of(2026, 5, 25),
                LocalDate.of(2026, 8, 31),
                LocalDate.of(2026, 12, 25),
                LocalDate.of(2026, 12, 28));
    }

    @Test
    void christmas2027OnASaturdayGivesMondayAndTuesdaySubstitutes() {
        assertThat(WorkingDays.isBankHoliday(LocalDate.of(2027, 12, 27))).isTrue();
        assertThat(WorkingDays.isBankHoliday(LocalDate.of(2027, 12, 28))).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2027, 12, 24))).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2027, 12, 29))).isTrue();
    }

    @Test
    void jubileeYear2022MovesSpringHolidayAndAddsJubileeAndStateFuneral() {
        assertThat(bankHolidaysIn(2022))
                .contains(LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 19))
                .doesNotContain(LocalDate.of(2022, 5, 30));
    }

    @Test
    void referralSubmittedBeforeEasterIsDueAfterGoodFridayWeekendAndEasterMonday() {
        assertThat(WorkingDays.addWorkingDays(LocalDate.of(2026, 4, 2), 5)).isEqualTo(LocalDate.of(2026, 4, 13));
    }

    @Test
    void referralSubmittedBeforeChristmasIsDueInTheNewYear() {
        assertThat(WorkingDays.addWorkingDays(LocalDate.of(2026, 12, 23), 5)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void referralSubmittedOnAnOrdinaryFridayIsDueTheNextFriday() {
        assertThat(WorkingDays.addWorkingDays(LocalDate.of(2026, 9, 11), 5)).isEqualTo(LocalDate.of(2026, 9, 18));
    }

    @Test
    void addingNoWorkingDaysLeavesTheDateUnchanged() {
        LocalDate saturday = LocalDate.of(2026, 9, 12);
        assertThat(WorkingDays.addWorkingDays(saturday, 0)).isEqualTo(saturday);
    }

    @Test
    void weekendsAreNotWorkingDays() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 9, 12))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 9, 13))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 9, 14))).isTrue();
    }

    @Test
    void aYearOutsideTheKnownRangeIsRefused() {
        assertThatThrownBy(() -> WorkingDays.isBankHoliday(LocalDate.of(1994, 12, 25)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1995 to 2100");
        assertThatThrownBy(() -> WorkingDays.isWorkingDay(LocalDate.of(2101, 1, 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingDays.addWorkingDays(LocalDate.of(2026, 1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
