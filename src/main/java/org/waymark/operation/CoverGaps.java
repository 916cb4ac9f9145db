package org.waymark.operation;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where nobody is on call. For each kind of support, the slots are laid end to end in time
 * order, those that overlap or touch run on as one, and what of the window they leave
 * uncovered is a gap. Slots may run past midnight, and beyond the window.
 */
final class CoverGaps {

    /** A slot reduced to what the gaps need: its kind and its stretch of time. */
    record Cover(CoverKind kind, LocalDateTime from, LocalDateTime to) {
    }

    private CoverGaps() {
    }

    /** The gaps in {@code window} (from, to), kind by kind in the order of {@link CoverKind}, each in time order. */
    static List<CoverGap> in(LocalDateTime windowFrom, LocalDateTime windowTo, List<Cover> covers) {
        List<CoverGap> gaps = new ArrayList<>();
        for (CoverKind kind : CoverKind.values()) {
            LocalDateTime coveredUntil = windowFrom;
            List<Cover> ofKind = covers.stream().filter(cover -> cover.kind() == kind)
                    .sorted(Comparator.comparing(Cover::from)).toList();
            for (Cover cover : ofKind) {
                if (!cover.to().isAfter(coveredUntil)) {
                    continue;
                }
                if (cover.from().isAfter(coveredUntil) && coveredUntil.isBefore(windowTo)) {
                    gaps.add(new CoverGap(kind, coveredUntil, min(cover.from(), windowTo)));
                }
                coveredUntil = cover.to();
            }
            if (coveredUntil.isBefore(windowTo)) {
                gaps.add(new CoverGap(kind, coveredUntil, windowTo));
            }
        }
        return gaps;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
