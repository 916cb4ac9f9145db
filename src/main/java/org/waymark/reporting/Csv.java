package org.waymark.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;

/** A CSV file being written by Commons CSV: RFC 4180, CRLF line ends, quotes only where a cell needs them. */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    Csv row(Object... cells) {
        return row(List.of(cells));
    }

    Csv row(List<?> cells) {
        try {
            CSVFormat.RFC4180.printRecord(text, cells.stream().map(Csv::defused).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /**
     * A cell that a spreadsheet would take for a formula (=, +, -, @, tab, carriage return) is
     * written with a leading apostrophe: places are typed by officers, and an export must not run
     * anything on the reader's machine.
     */
    private static Object defused(Object cell) {
        if (cell == null || cell instanceof Number) {
            return cell;
        }
        String text = cell.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
