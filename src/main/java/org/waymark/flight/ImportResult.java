package org.waymark.flight;

import java.util.List;

/** What became of a schedule file: rows that landed, duplicates skipped, rows refused and why. */
public record ImportResult(int accepted, int duplicates, List<Rejection> rejected) {

    /** A refused row; the header is line 1. */
    public record Rejection(int line, String reason) {
    }
}
