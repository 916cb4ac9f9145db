package org.waymark.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.waymark.documents.PdfTemplates;
import org.waymark.safeguarding.ResponseTimes;
import org.waymark.shared.AgencyId;

/** The tables of the report that only some operations have: the languages used and the partners' response times. */
class ReportPdfTest {

    @Test
    void theLanguagesAndThePartnersResponseTimesArePrintedWhenThereAreAny() throws IOException {
        Summary summary = new Summary(UUID.randomUUID(), "Week of action", "STN", LocalDate.of(2026, 9, 16),
                LocalDate.of(2026, 9, 19), 2, Map.of(), 1, 1, 1600, 40, 3, 1, 0, 0, Map.of(), 0);
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
}
