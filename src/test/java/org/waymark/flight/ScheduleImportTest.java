package org.waymark.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.waymark.shared.RuleViolationException;

/**
 * A schedule is read as RFC 4180 CSV one line at a time: quoted fields keep their commas and
 * doubled quotes, and a broken row, a quoted field running on to the next line among them, is
 * refused alone by its line while the rows after it are still read.
 */
class ScheduleImportTest {

    private static final String HEADER = "flight_number,airline,direction,airport,scheduled\n";
    private static final String COLUMNS =
            "The row must have 5 columns: flight_number,airline,direction,airport,scheduled";

    private final List<ScheduleImport.Row> accepted = new ArrayList<>();

    @Test
    void quotedFieldsKeepTheirCommasAndDoubledQuotesAndBrokenRowsAreRefusedByLine() {
        List<ImportResult.Rejection> rejected = read(HEADER
                + "\"PC 1171\",\"Pegasus \"\"Blue\"\", Airlines\",arrival,SAW,2026-09-16T13:25\n" // line 2
                + "FR1,\"Ryan\n"                                                   // line 3: quote runs on
                + "air\",ARRIVAL,SOF,2026-09-16T10:00\n"                           // line 4
                + "FR2,\"Ryanair,ARRIVAL,SOF,2026-09-16T10:00\n"                   // line 5: quote left open
                + "FR3,Ryan\u0000air,ARRIVAL,SOF,2026-09-16T10:00\n"               // line 6: control character
                + "FR4,\"Ryanair\",ARRIVAL,SOF,2026-09-16T10:00,\n"                // line 7: six columns
                + "W64321,\"Wizz Air\",DEPARTURE,SOF,2026-09-16T12:00\r\n");       // line 8

        assertThat(accepted).extracting(ScheduleImport.Row::line).containsExactly(2, 8);
        ScheduledFlight pegasus = accepted.get(0).flight();
        assertThat(pegasus.flightNumber()).isEqualTo("PC1171");
        assertThat(pegasus.airline()).isEqualTo("Pegasus \"Blue\", Airlines");
        assertThat(pegasus.direction()).isEqualTo(Direction.ARRIVAL);
        assertThat(accepted.get(1).flight().airline()).isEqualTo("Wizz Air");
        assertThat(rejected).containsExactly(new ImportResult.Rejection(3, COLUMNS),
                new ImportResult.Rejection(4, COLUMNS), new ImportResult.Rejection(5, COLUMNS),
                new ImportResult.Rejection(6, "Remove the special characters, such as tabs or line breaks"),
                new ImportResult.Rejection(7, COLUMNS));
    }

    @Test
    void textAfterAClosingQuoteIsNotCsvAndItsRowIsRefused() {
        assertThat(read(HEADER + "FR5,\"Ryan\"air,ARRIVAL,SOF,2026-09-16T10:00\n"))
                .containsExactly(new ImportResult.Rejection(2, COLUMNS));
        assertThat(accepted).isEmpty();
    }

    @Test
    void theHeaderIsReadWithoutItsByteOrderMarkCaseOrSpacesAndABrokenOneRefusesTheFile() {
        read("\uFEFFFlight_Number, Airline ,DIRECTION,airport,\"scheduled\"\r\nFR6,,ARRIVAL,SOF,2026-09-16T10:00\r\n");
        assertThat(accepted).extracting(row -> row.flight().flightNumber()).containsExactly("FR6");

        assertThatThrownBy(() -> read("flight_number,\"airline,direction,airport,scheduled\n"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageCode()).isEqualTo("flight.import.header"));
    }

    private List<ImportResult.Rejection> read(String file) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        return new ScheduleImport(new Airports(), messages, LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 19))
                .read(ScheduleImport.utf8(file.getBytes(StandardCharsets.UTF_8)), accepted::add);
    }
}
