package org.waymark.screening.watchlist;

import java.util.List;

/**
 * What a CSV import did: how many entries were added, or, when any row was wrong, the problems row by row
 * and nothing added.
 */
public record ImportReport(int imported, List<RowProblem> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    /** A problem with a row (1 is the first row after the header; 0 the file itself) and, when known, its column. */
    public record RowProblem(long row, String column, String messageCode) {
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }
}
