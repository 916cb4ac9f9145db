package org.waymark.reporting;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;
import org.waymark.documents.PdfTemplates;

/**
 * The end-of-operation report as an A4 PDF (templates/pdf/report): the approved press summary,
 * then the figures as tables.
 */
@Component
@RequiredArgsConstructor
class ReportPdf {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final PdfTemplates pdfs;

    byte[] render(Reports.Report report) {
        Summary summary = report.dashboard().summary();
        // The press draft's dates without their first word: "From 5 to 9 October 2026" reads "5 to 9 October 2026".
        String dates = PressDraft.dates(summary.startDate(), summary.endDate()).replaceFirst("^(On|From) ", "");
        return pdfs.render("report", Map.of("report", report, "dashboard", report.dashboard(), "summary", summary,
                "dates", dates, "approvedOn", DATE.format(report.pressSummary().approvedAt().atZone(LONDON))),
                Locale.UK);
    }
}
