package org.waymark.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.waymark.operation.CoverGaps.Cover;

/** Gaps in partner cover over an operation from 16 to 17 September 2026 (two whole days). */
class CoverGapsTest {

    private static final LocalDateTime START = at(16, 0);
    private static final LocalDateTime END = at(18, 0);

    @Test
    void overlappingAndTouchingSlotsRunOnAsOneAndOnlyTheUncoveredTimeIsAGap() {
        List<CoverGap> gaps = navigatorGaps(
                new Cover(CoverKind.NAVIGATOR, at(16, 0), at(16, 12)),
                new Cover(CoverKind.NAVIGATOR, at(16, 8), at(16, 20)),   // overlaps the first
                new Cover(CoverKind.NAVIGATOR, at(16, 20), at(17, 2)),   // touches the second, past midnight
                new Cover(CoverKind.NAVIGATOR, at(17, 6), at(18, 0)));

        assertThat(gaps).containsExactly(new CoverGap(CoverKind.NAVIGATOR, at(17, 2), at(17, 6)));
    }

    @Test
    void aSlotFromTheNightBeforeCoversTheFirstHoursAndTheEndOfTheLastDayIsAGap() {
        List<CoverGap> gaps = navigatorGaps(
                new Cover(CoverKind.NAVIGATOR, at(15, 22), at(16, 6)),
                new Cover(CoverKind.NAVIGATOR, at(16, 6), at(17, 18)));

        assertThat(gaps).containsExactly(new CoverGap(CoverKind.NAVIGATOR, at(17, 18), END));
    }

    @Test
    void aSlotInsideAnotherChangesNothingAndOneAfterTheOperationFillsNoGap() {
        List<CoverGap> gaps = navigatorGaps(
                new Cover(CoverKind.NAVIGATOR, at(16, 0), at(17, 0)),
                new Cover(CoverKind.NAVIGATOR, at(16, 3), at(16, 5)),
                new Cover(CoverKind.NAVIGATOR, at(19, 0), at(19, 12)));

        assertThat(gaps).containsExactly(new CoverGap(CoverKind.NAVIGATOR, at(17, 0), END));
    }

    @Test
    void eachKindHasItsOwnGapsAndAKindNobodyCoversIsOneGapOverTheWholeOperation() {
        List<CoverGap> gaps = CoverGaps.in(START, END, List.of(
                new Cover(CoverKind.NAVIGATOR, at(16, 0), at(18, 0)),
                new Cover(CoverKind.SARC, at(16, 2), at(18, 0))));

        assertThat(gaps).containsExactly(
                new CoverGap(CoverKind.SARC, START, at(16, 2)),
                new CoverGap(CoverKind.INTERPRETER, START, END));
    }

    private static List<CoverGap> navigatorGaps(Cover... covers) {
        return CoverGaps.in(START, END, List.of(covers)).stream()
                .filter(gap -> gap.kind() == CoverKind.NAVIGATOR).toList();
    }

    private static LocalDateTime at(int day, int hour) {
        return LocalDateTime.of(2026, 9, day, hour, 0);
    }
}
