package org.waymark.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Exports are RFC 4180 with CRLF line ends, quoting a cell only where it needs it, and no cell
 * is one that a spreadsheet would run as a formula.
 */
class CsvTest {

    @Test
    void cellsAreQuotedOnlyWhereTheyNeedItAndEveryLineEndsInCrLf() {
        String csv = new Csv().row("measure", "by", "item", "count")
                .row("passengers_engaged", "location", "Gate 3, \"east\" side", 12)
                .row(Arrays.asList("passengers_engaged", "location", null, "<5"))
                .row("passengers_engaged", "location", "Hall\nB", 0).toString();

        assertThat(csv).isEqualTo("measure,by,item,count\r\n"
                + "passengers_engaged,location,\"Gate 3, \"\"east\"\" side\",12\r\n"
                + "passengers_engaged,location,,<5\r\n"
                + "passengers_engaged,location,\"Hall\nB\",0\r\n");
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        String csv = new Csv().row("=HYPERLINK(\"http://x.example\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", -3, 2.5)
                .toString();

        assertThat(csv)
                .isEqualTo("\"'=HYPERLINK(\"\"http://x.example\"\")\",'+1,'-1,'@SUM(A1),'\tx,\"'\rx\",-3,2.5\r\n");
    }
}
