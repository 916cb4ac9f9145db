package org.waymark.reporting;

import static org.waymark.documents.XhtmlPdf.escape;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.waymark.documents.XhtmlPdf;
import org.waymark.safeguarding.ResponseTimes;

/** The end-of-operation report as an A4 PDF: the approved press summary, then the figures as tables. */
final class ReportPdf {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final String STYLE = """
            @page { size: A4; margin: 20mm 18mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); \
            font-family: 'DejaVu Sans'; font-size: 9pt; } }
            html, body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.4; color: #0b0c0c; }
            h1 { font-size: 18pt; margin: 0 0 2mm; }
            h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #b1b4b6; padding-bottom: 1mm; \
            page-break-after: avoid; }
            p.summary { white-space: pre-wrap; font-size: 11.5pt; }
            p.note { font-size: 9pt; color: #484949; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 1mm 2mm; border-bottom: 1px solid #b1b4b6; }
            td.n, th.n { text-align: right; }
            tr { page-break-inside: avoid; }
            """;

    private ReportPdf() {
    }

    static byte[] render(Reports.Report report, Function<String, String> label) {
        Dashboard dashboard = report.dashboard();
        Summary summary = dashboard.summary();
        String title = "Results: " + summary.name();
        StringBuilder body = new StringBuilder("<h1>").append(escape(title)).append("</h1>")
                .append("<p>").append(escape(report.portName())).append(", ")
                .append(escape(PressDraft.dates(summary.startDate(), summary.endDate()).replaceFirst("^(On|From) ", "")))
                .append("</p>");

        Reports.PressSummary press = report.pressSummary();
        body.append("<h2>Press summary</h2><p class=\"summary\">").append(escape(press.text())).append("</p>")
                .append("<p class=\"note\">Approved by ").append(escape(press.approvedBy())).append(" on ")
                .append(DATE.format(press.approvedAt().atZone(LONDON))).append(".</p>");

        body.append("<h2>In figures</h2>");
        table(body, List.of("Figure", "Count"), List.of(
                List.of("Flights monitored", n(summary.flightsMonitored())),
                List.of("Arrivals monitored", n(summary.arrivalsMonitored())),
                List.of("Departures monitored", n(summary.departuresMonitored())),
                List.of("Passengers spoken to", n(summary.passengersEngaged())),
                List.of("Leaflets handed out", n(summary.leaflets())),
                List.of("Enhanced checks", n(summary.enhancedChecks())),
                List.of("NRM referrals", n(summary.nrmReferrals())),
                List.of("of which for children", n(summary.childReferrals())),
                List.of("Duty to Notify reports", n(summary.dutyToNotify()))));

        body.append("<h2>By country</h2>");
        table(body, List.of("Country", "Flights monitored", "Passengers", "Enhanced checks"),
                dashboard.byCountry().stream().map(row -> List.of(row.name() == null ? "Not on a flight" : row.name(),
                        n(row.flightsMonitored()), n(row.passengers()), n(row.checks()))).toList());

        body.append("<h2>Day by day</h2>");
        table(body, List.of("Day", "Flights monitored", "Passengers", "Leaflets", "Enhanced checks"),
                dashboard.byDay().stream().map(row -> List.of(DAY.format(row.day()), n(row.flightsMonitored()),
                        n(row.passengers()), n(row.leaflets()), n(row.checks()))).toList());

        if (!dashboard.byLanguage().isEmpty()) {
            body.append("<h2>Languages used</h2>");
            table(body, List.of("Language", "Passengers"), dashboard.byLanguage().stream()
                    .map(row -> List.of(row.name(), n(row.passengers()))).toList());
        }

        body.append("<h2>Outcomes of enhanced checks</h2>");
        table(body, List.of("Outcome", "Checks"), dashboard.byOutcome().stream()
                .map(row -> List.of(label.apply("outcome." + row.outcome().name()), n(row.checks()))).toList());

        if (!dashboard.responseTimes().isEmpty()) {
            body.append("<h2>Partner response times</h2>");
            table(body, List.of("Agency", "Requests", "To acknowledgement (median)", "To arrival (median)"),
                    dashboard.responseTimes().stream().map(row -> List.of(row.agencyName(), n(row.requests()),
                            minutes(row.toAcknowledge()), minutes(row.toArrive()))).toList());
        }
        body.append("<p class=\"note\">Counts only: this report holds nothing about any person. Prepared in Waymark.</p>");
        return XhtmlPdf.render("en-GB", title, "The results of " + summary.name() + " in figures", STYLE,
                body.toString());
    }

    /** A table whose columns after the first hold numbers, aligned right. */
    private static void table(StringBuilder body, List<String> headings, List<List<String>> rows) {
        body.append("<table><thead><tr>");
        for (int i = 0; i < headings.size(); i++) {
            body.append(i == 0 ? "<th>" : "<th class=\"n\">").append(escape(headings.get(i))).append("</th>");
        }
        body.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                body.append(i == 0 ? "<td>" : "<td class=\"n\">").append(escape(row.get(i))).append("</td>");
            }
            body.append("</tr>");
        }
        body.append("</tbody></table>");
    }

    private static String n(long count) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(count);
    }

    private static String minutes(ResponseTimes.Spread spread) {
        return spread.count() == 0 ? "Not yet" : spread.median().toMinutes() + " min";
    }
}
