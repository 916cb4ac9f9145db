package org.waymark.screening.watchlist;

import java.util.List;

/**
 * What a CSV import did: how many entries were added, or, when any row was wrong, the problems row by row
 * (at most {@link WatchLists#MAX_PROBLEMS_REPORTED}) and nothing added.
 *
 * @param moreRowsWithProblems how many more rows have a problem beyond those reported
 */
public record ImportReport(int imported, List<RowProblem> problems, int moreRowsWithProblems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public ImportReport(int imported, List<RowProblem> problems) {
        this(imported, problems, 0);
    }

    /** A problem with a row (1 is the first row after the header; 0 the file itself) and, when known, its column. */
    public record RowProblem(long row, String column, String messageCode) {
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }
}
