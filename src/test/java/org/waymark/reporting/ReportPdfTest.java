package org.waymark.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.waymark.documents.PdfTemplates;
import org.waymark.safeguarding.Outcome;
import org.waymark.safeguarding.ResponseTimes;
import org.waymark.shared.AgencyId;

/**
 * The tables of the report that only some operations have: the languages used and the partners'
 * response times; on every page, the handling marking, and tables that run on take their header.
 */
class ReportPdfTest {

    @Test
    void theLanguagesAndThePartnersResponseTimesArePrintedWhenThereAreAny() throws IOException {
        Summary summary = new Summary(UUID.randomUUID(), "Week of action", "STN", LocalDate.of(2026, 9, 16),
                LocalDate.of(2026, 9, 19), 2, Map.of(), 1, 1, 1600, 40, 3, 1, 0, 0, Map.of(), 0, 0);
        Dashboard dashboard = new Dashboard(summary, false, List.of(), List.of(), List.of(), 0, List.of(),
                List.of(new Dashboard.LanguageRow("bg", "Bulgarian", 1200, 100)), List.of(),
                List.of(new ResponseTimes.AgencyTimes(new AgencyId(UUID.randomUUID()), "Justice and Care", 2, 1,
                        new ResponseTimes.Spread(2, Duration.ofMinutes(7), Duration.ofMinutes(9)),
                        new ResponseTimes.Spread(0, null, null))),
                Instant.parse("2026-09-19T18:00:00Z"));
        Instant approved = Instant.parse("2026-09-20T09:00:00Z");
        Reports.Report report = new Reports.Report(dashboard, "London Stansted Airport", new Reports.PressSummary(
                "Officers spoke to 1,600 passengers.", true, true, false, "Cy Coordinator", approved, "Cy Coordinator",
                approved, false));
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");

        String text;
        try (PDDocument pdf = Loader.loadPDF(new ReportPdf(PdfTemplates.standalone(messages)).render(report))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }

        assertThat(text).contains("London Stansted Airport, 16 to 19 September 2026",
                "Approved by Cy Coordinator on 20 September 2026.", "Languages used", "Bulgarian 1,200",
                "Partner response times", "Justice and Care 2 1 7 min Not yet");
    }

    /**
     * However long the tables, each page carries the marking at its top and foot, a table that
     * runs onto the next page takes its header row with it, and no page ends on a heading or a
     * table's header row, left apart from what it heads.
     */
    @Test
    void everyPageIsMarkedAndNoHeaderIsLeftAloneAtTheFootOfAPage() throws IOException {
        // A header row's words may wrap onto a second line: its first line starts so.
        String dayHeader = "Day Flights";
        String countryHeader = "Country Flights";
        for (int countries = 30; countries <= 40; countries++) {
            List<String> pages = pages(report(countries, 30));
            String of = countries + " countries";

            assertThat(pages).as(of).hasSizeGreaterThan(2).allSatisfy(page -> {
                List<String> lines = page.lines().map(String::strip).toList();
                assertThat(lines.get(0)).isEqualTo("OFFICIAL-SENSITIVE");
                assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly("OFFICIAL-SENSITIVE",
                        "Page " + (pages.indexOf(page) + 1) + " of " + pages.size());
                String last = lines.get(lines.size() - 3);
                assertThat(last).as("the last line of a page").doesNotStartWith(dayHeader)
                        .doesNotStartWith(countryHeader).doesNotStartWith("monitored").isNotIn("By country",
                                "Day by day", "Outcomes of enhanced checks", "Outcome Checks");
                assertThat(page).doesNotContain("DRAFT");
            });
            for (String page : pages) {
                if (page.contains("Country 1 ") || page.contains("Country " + (countries - 1) + " ")) {
                    assertThat(page).as(of).contains(countryHeader);
                }
                if (page.matches("(?s).*\\n\\w{3} \\d{1,2} \\w+ 2026 .*")) {
                    assertThat(page).as(of).contains(dayHeader);
                }
            }
        }
    }

    /** The report of an operation with flights from this many countries over this many days. */
    private static byte[] report(int countries, int days) {
        Summary summary = new Summary(UUID.randomUUID(), "Week of action", "STN", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 9, days), 2, Map.of(), 1, 1, 1600, 40, 3, 1, 0, 0, Map.of(), 0, 0);
        Dashboard dashboard = new Dashboard(summary, false,
                IntStream.range(0, days).mapToObj(i -> new Dashboard.DayRow(LocalDate.of(2026, 9, 1).plusDays(i),
                        10, 2, 1, 0, 0)).toList(),
                IntStream.range(0, countries).mapToObj(i -> new Dashboard.CountryRow("X" + i, "Country " + i, 1, 10,
                        0, 0)).toList(),
                List.of(), 0, List.of(), List.of(),
                Arrays.stream(Outcome.values()).map(outcome -> new Dashboard.OutcomeRow(outcome, 1, 0)).toList(),
                List.of(), Instant.parse("2026-09-30T18:00:00Z"));
        Instant approved = Instant.parse("2026-10-01T09:00:00Z");
        Reports.Report report = new Reports.Report(dashboard, "London Stansted Airport", new Reports.PressSummary(
                "Officers spoke to 1,600 passengers.", true, true, false, "Cy Coordinator", approved,
                "Cy Coordinator", approved, false));
        return new ReportPdf(PdfTemplates.standalone(messages())).render(report);
    }

    /** The text of each page, its lines in the order they stand on the page. */
    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        return messages;
    }
}
