package org.waymark.reporting;

import java.util.List;

/**
 * Writes CSV (RFC 4180, CRLF line ends). A cell that a spreadsheet would take for a formula
 * (=, +, -, @, tab, carriage return) is written with a leading apostrophe: places are typed by
 * officers, and an export must not run anything on the reader's machine.
 */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    Csv row(Object... cells) {
        return row(List.of(cells));
    }

    Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String cell(Object value) {
        String cell = value == null ? "" : value.toString();
        if (!(value instanceof Number) && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        boolean quoted = cell.contains(",") || cell.contains("\"") || cell.contains("\r") || cell.contains("\n");
        return quoted ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
