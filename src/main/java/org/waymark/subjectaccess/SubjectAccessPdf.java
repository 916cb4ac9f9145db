package org.waymark.subjectaccess;

import static org.waymark.documents.XhtmlPdf.escape;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.waymark.documents.XhtmlPdf;
import org.waymark.referral.PackageDocument;
import org.waymark.referral.ReferralView;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.FactOrOpinion;
import org.waymark.safeguarding.Person;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NamedCode;
import org.waymark.tips.ReportView;

/**
 * The export for a subject access request as an A4 PDF: a cover naming the request, then each
 * record in full with facts apart from opinions, each followed by who read or changed it.
 */
final class SubjectAccessPdf {

    static final String NOT_GIVEN = "Not recorded";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    private static final String STYLE = """
            @page { size: A4; margin: 20mm 18mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); \
            font-family: 'DejaVu Sans'; font-size: 9pt; } }
            html, body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.4; color: #0b0c0c; }
            h1 { font-size: 18pt; margin: 0 0 4mm; }
            h2, h3, dt { page-break-after: avoid; }
            h2 { font-size: 15pt; margin: 0 0 1mm; border-bottom: 2px solid #0b0c0c; padding-bottom: 1mm; \
            page-break-before: always; }
            h3 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #b1b4b6; padding-bottom: 1mm; }
            p.whose { font-style: italic; margin: 0 0 1mm; }
            dl { margin: 0; }
            dt { font-weight: bold; margin-top: 2mm; }
            dd { margin: 0 0 0 6mm; white-space: pre-wrap; }
            p.note { font-size: 9pt; color: #484949; }
            table { border-collapse: collapse; width: 100%; font-size: 9pt; }
            th, td { text-align: left; padding: 1mm 2mm; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
            tr { page-break-inside: avoid; }
            """;

    record Cover(String reference, Instant preparedAt, String preparedBy, String agency) {
    }

    record TrailEntry(Instant at, String who, String agency, String action, String outcome, String detail) {
    }

    /** A record disclosed: a {@link CheckView}, a {@link ReferralView} or a {@link ReportView}. */
    record Disclosure(RecordRef record, Object content, List<TrailEntry> trail) {
    }

    private SubjectAccessPdf() {
    }

    static byte[] render(Cover cover, List<Disclosure> disclosures, Function<String, String> label,
            MessageSource messages, Function<AgencyId, String> agencyName) {
        String title = "Subject access request " + cover.reference();
        StringBuilder body = new StringBuilder("<h1>").append(escape(title)).append("</h1>");
        rows(body, List.of(
                row("Request reference", cover.reference()),
                row("Prepared on", MOMENT.format(cover.preparedAt().atZone(LONDON))),
                row("Prepared by", cover.preparedBy() + (cover.agency() == null ? "" : ", " + cover.agency())),
                row("Records disclosed", String.valueOf(disclosures.size()))));
        body.append("<h3>Records in this document</h3><ol>");
        for (Disclosure disclosure : disclosures) {
            body.append("<li>").append(escape(heading(disclosure))).append("</li>");
        }
        body.append("</ol><p class=\"note\">Each record is given in full as Waymark holds it, with facts apart from ")
                .append("opinions, followed by who read or changed it. The contact details of anyone else who ")
                .append("reported information from the public are withheld.</p>");
        for (Disclosure disclosure : disclosures) {
            body.append("<h2>").append(escape(heading(disclosure))).append("</h2>");
            if (disclosure.content() instanceof CheckView check) {
                check(body, check, label, agencyName);
            } else if (disclosure.content() instanceof ReferralView referral) {
                referral(body, referral, label, messages);
            } else if (disclosure.content() instanceof ReportView report) {
                report(body, report, label);
            }
            trail(body, disclosure.trail());
        }
        return XhtmlPdf.render("en-GB", title, "The records about a person held in Waymark, for their subject access request",
                STYLE, body.toString());
    }

    private static String heading(Disclosure disclosure) {
        if (disclosure.content() instanceof CheckView check) {
            return "Enhanced check of " + day(check.startedAt());
        }
        if (disclosure.content() instanceof ReferralView referral) {
            return "Referral started " + day(referral.createdAt());
        }
        ReportView report = (ReportView) disclosure.content();
        return "Report from the public " + report.reference() + " of " + day(report.receivedAt());
    }

    private static void check(StringBuilder body, CheckView check, Function<String, String> label,
            Function<AgencyId, String> agencyName) {
        rows(body, List.of(row("Controller (the agency that recorded it)", agencyName.apply(check.agencyId())),
                row("Status", label.apply("checkStatus." + check.status())),
                row("Started", moment(check.startedAt())),
                row("Closed", moment(check.closedAt())),
                row("Where", check.flight() != null ? "Flight " + check.flight().flightNumber() : check.location())));
        body.append("<h3>Facts recorded</h3>");
        Person person = check.person();
        List<String[]> facts = new ArrayList<>(List.of(
                row("Category", label.apply("category." + check.category())),
                row("Name", person.nameNotGiven() ? "Not given by the person" : person.name()),
                row("Age", person.age() == null ? null : String.valueOf(person.age())),
                row("Date of birth", person.dateOfBirth() == null ? null : DAY.format(person.dateOfBirth())),
                row("Under 18", label.apply("under18." + person.under18())),
                row("Gender", person.gender() == null ? null : label.apply("gender." + person.gender())),
                row("Nationality", person.nationality() == null ? null : country(person.nationality().value())),
                row("Languages spoken", person.languageCodes().isEmpty() ? null : String.join(", ",
                        person.languageCodes())),
                row("Interpreter", person.interpreterLanguage() == null ? null : person.interpreterLanguage().value()
                        + (person.interpreterMode() == null ? "" : ", " + label.apply("interpreterMode."
                                + person.interpreterMode()))),
                row("Travelling with", person.travellingWith() == null ? null : person.travellingWith()
                        + (person.travellingWithRelationship() == null ? "" : " (" + person.travellingWithRelationship()
                                + ")")),
                row("Final destination", person.finalDestination()),
                row("Indicators", check.indicators().isEmpty() ? null : check.indicators().stream()
                        .map(found -> found.indicator().text() + " (" + label.apply("basis." + found.basis()) + ")"
                                + (found.note() == null ? "" : ": " + found.note()))
                        .collect(Collectors.joining("\n"))),
                row("The person’s account", check.account()),
                row("Advice and support given", check.advice().isEmpty() ? null : check.advice().stream()
                        .map(given -> moment(given.givenAt()) + ": " + label.apply("advice." + given.kind())
                                + (given.note() == null ? "" : " (" + given.note() + ")"))
                        .collect(Collectors.joining("\n"))),
                row("Support asked of partners", check.supportRequests().isEmpty() ? null : check.supportRequests()
                        .stream().map(request -> label.apply("supportKind." + request.kind()) + " from "
                                + request.agencyName() + ", " + label.apply("supportStatus." + request.status()))
                        .collect(Collectors.joining("\n"))),
                row("Outcomes", check.outcomes().isEmpty() ? null : check.outcomes().stream()
                        .map(outcome -> label.apply("outcome." + outcome)).sorted().collect(Collectors.joining(", ")))));
        if (check.outcomeNote() != null && check.outcomeNoteNature() == FactOrOpinion.FACT) {
            facts.add(row("Outcome note", check.outcomeNote()));
        }
        rows(body, facts);
        body.append("<h3>Assessments and opinions</h3><p class=\"whose\">")
                .append(escape(check.assessedBy() == null || check.assessedBy().name() == null
                        ? "The officers’ views, not established facts."
                        : "The views of " + check.assessedBy().name()
                                + (check.assessedBy().agencyName() == null ? "" : ", " + check.assessedBy().agencyName())
                                + ", not established facts."))
                .append("</p>");
        List<String[]> opinions = new ArrayList<>(List.of(
                row("Suspected exploitation", check.suspectedTypes().isEmpty() ? null : check.suspectedTypes().stream()
                        .map(type -> label.apply("exploitation." + type.name())).sorted()
                        .collect(Collectors.joining(", "))),
                row("Officer’s opinion", check.opinion())));
        if (check.outcomeNote() != null && check.outcomeNoteNature() != FactOrOpinion.FACT) {
            opinions.add(row("Outcome note", check.outcomeNote()));
        }
        rows(body, opinions);
    }

    private static void referral(StringBuilder body, ReferralView referral, Function<String, String> label,
            MessageSource messages) {
        PackageDocument document = PackageDocument.of(referral, messages);
        for (PackageDocument.Part part : document.parts()) {
            body.append("<h3>").append(escape(label.apply(part.headingCode()))).append("</h3><p class=\"whose\">")
                    .append(escape(label.apply(part.introCode()))).append("</p>");
            for (PackageDocument.Section section : part.sections()) {
                body.append("<p><strong>").append(escape(section.heading())).append("</strong></p>");
                if (section.whose() != null) {
                    body.append("<p class=\"whose\">").append(escape(section.whose())).append("</p>");
                }
                rows(body, section.rows().stream().map(r -> row(r.label(), r.value())).toList());
            }
        }
    }

    private static void report(StringBuilder body, ReportView report, Function<String, String> label) {
        body.append("<h3>Facts recorded</h3>");
        rows(body, List.of(row("Reference", report.reference()),
                row("Received", moment(report.receivedAt())),
                row("Status", label.apply("reports.status." + report.status())),
                row("What was reported", report.what()),
                row("Where", report.where()),
                row("When", report.when()),
                row("Who", report.who()),
                row("Contact details", report.contactShown() ? report.contact()
                        : report.anonymous() ? "None given" : "Withheld: they are those of whoever made the report")));
        if (!report.notes().isEmpty()) {
            body.append("<h3>Assessments and opinions</h3><p class=\"whose\">Notes of the officers who triaged it.</p>");
            rows(body, report.notes().stream().map(note -> row(moment(note.writtenAt())
                    + (note.author() == null ? "" : ", " + note.author()), note.text())).toList());
        }
    }

    private static void trail(StringBuilder body, List<TrailEntry> trail) {
        body.append("<h3>Who read or changed this record</h3>");
        if (trail.isEmpty()) {
            body.append("<p>Nothing in the audit log.</p>");
            return;
        }
        body.append("<table><thead><tr><th>When</th><th>Who</th><th>What</th><th>Detail</th></tr></thead><tbody>");
        for (TrailEntry entry : trail) {
            body.append("<tr><td>").append(escape(moment(entry.at()))).append("</td><td>")
                    .append(escape(entry.who() == null ? "Nobody signed in" : entry.who()
                            + (entry.agency() == null ? "" : ", " + entry.agency())))
                    .append("</td><td>").append(escape(entry.action()
                            + ("SUCCESS".equals(entry.outcome()) ? "" : " (refused)")))
                    .append("</td><td>").append(escape(entry.detail() == null ? "" : entry.detail()))
                    .append("</td></tr>");
        }
        body.append("</tbody></table>");
    }

    private static String[] row(String label, String value) {
        return new String[] { label, value == null || value.isBlank() ? NOT_GIVEN : value };
    }

    private static void rows(StringBuilder body, Collection<String[]> rows) {
        body.append("<dl>");
        for (String[] row : rows) {
            body.append("<dt>").append(escape(row[0])).append("</dt><dd>").append(escape(row[1])).append("</dd>");
        }
        body.append("</dl>");
    }

    private static String country(String code) {
        return NamedCode.COUNTRIES.stream().filter(country -> country.code().equals(code)).map(NamedCode::name)
                .findFirst().orElse(code);
    }

    private static String day(Instant at) {
        return at == null ? NOT_GIVEN : DAY.format(at.atZone(LONDON));
    }

    private static String moment(Instant at) {
        return at == null ? null : MOMENT.format(at.atZone(LONDON));
    }

}
