package org.waymark.subjectaccess;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.waymark.documents.PdfTemplates;
import org.waymark.referral.PackageDocument;
import org.waymark.referral.ReferralView;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.FactOrOpinion;
import org.waymark.safeguarding.Person;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NamedCode;
import org.waymark.tips.ReportView;

/**
 * The export for a subject access request as an A4 PDF (templates/pdf/subject-access): a cover
 * naming the request, then each record in full with facts apart from opinions, each followed by
 * who read or changed it. Its words are the messages subjectAccess.pdf.*, in English as the
 * document says it is.
 */
@Component
@RequiredArgsConstructor
class SubjectAccessPdf {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    record Cover(String reference, Instant preparedAt, String preparedBy, String agency) {
    }

    record TrailEntry(Instant at, String who, String agency, String action, String outcome, String detail) {
    }

    /** A record disclosed: a {@link CheckView}, a {@link ReferralView} or a {@link ReportView}. */
    record Disclosure(RecordRef record, Object content, List<TrailEntry> trail) {
    }

    /** A record as the export shows it: its heading, its fields in blocks, who read or changed it. */
    record Shown(String heading, List<Block> blocks, List<TrailRow> trail) {
    }

    /** Fields under a heading (none for the record's own details), with whose view they are if opinions. */
    record Block(String heading, String whose, List<Group> groups) {
    }

    /** Fields with a title of their own, as a referral's section. */
    record Group(String title, String whose, List<Field> fields) {
    }

    /** A field and its value; a value not recorded says so. */
    record Field(String label, String value) {
    }

    record TrailRow(String when, String who, String what, String detail) {
    }

    private final PdfTemplates pdfs;
    private final MessageSource messages;

    byte[] render(Cover cover, List<Disclosure> disclosures, Function<AgencyId, String> agencyName) {
        List<Field> coverFields = List.of(
                field("reference", cover.reference()),
                field("preparedOn", MOMENT.format(cover.preparedAt().atZone(LONDON))),
                field("preparedBy", cover.preparedBy() + (cover.agency() == null ? "" : ", " + cover.agency())),
                field("recordsDisclosed", String.valueOf(disclosures.size())));
        List<Shown> records = disclosures.stream().map(disclosure -> shown(disclosure, agencyName)).toList();
        return pdfs.render("subject-access", Map.of("reference", cover.reference(), "cover", coverFields,
                "records", records), Locale.UK);
    }

    private Shown shown(Disclosure disclosure, Function<AgencyId, String> agencyName) {
        List<TrailRow> trail = disclosure.trail().stream().map(this::trailRow).toList();
        if (disclosure.content() instanceof CheckView check) {
            return new Shown(text("subjectAccess.pdf.check", day(check.startedAt())), check(check, agencyName),
                    trail);
        }
        if (disclosure.content() instanceof ReferralView referral) {
            return new Shown(text("subjectAccess.pdf.referral", day(referral.createdAt())), referral(referral),
                    trail);
        }
        ReportView report = (ReportView) disclosure.content();
        return new Shown(text("subjectAccess.pdf.report", report.reference(), day(report.receivedAt())),
                report(report), trail);
    }

    private List<Block> check(CheckView check, Function<AgencyId, String> agencyName) {
        List<Field> record = List.of(
                field("check.controller", agencyName.apply(check.agencyId())),
                field("check.status", text("checkStatus." + check.status())),
                field("check.started", moment(check.startedAt())),
                field("check.closed", moment(check.closedAt())),
                field("check.where", check.flight() != null
                        ? text("subjectAccess.pdf.check.flight", check.flight().flightNumber()) : check.location()));
        Person person = check.person();
        List<Field> facts = new ArrayList<>(List.of(
                field("check.category", text("category." + check.category())),
                field("check.name", person.nameNotGiven() ? text("subjectAccess.pdf.check.nameNotGiven")
                        : person.name()),
                field("check.age", person.age() == null ? null : String.valueOf(person.age())),
                field("check.dateOfBirth", person.dateOfBirth() == null ? null : DAY.format(person.dateOfBirth())),
                field("check.under18", text("under18." + person.under18())),
                field("check.gender", person.gender() == null ? null : text("gender." + person.gender())),
                field("check.nationality", person.nationality() == null ? null
                        : country(person.nationality().value())),
                field("check.languages", person.languageCodes().isEmpty() ? null
                        : String.join(", ", person.languageCodes())),
                field("check.interpreter", person.interpreterLanguage() == null ? null
                        : person.interpreterLanguage().value() + (person.interpreterMode() == null ? ""
                                : ", " + text("interpreterMode." + person.interpreterMode()))),
                field("check.travellingWith", person.travellingWith() == null ? null : person.travellingWith()
                        + (person.travellingWithRelationship() == null ? ""
                                : " (" + person.travellingWithRelationship() + ")")),
                field("check.finalDestination", person.finalDestination()),
                field("check.indicators", check.indicators().isEmpty() ? null : check.indicators().stream()
                        .map(found -> found.indicator().text() + " (" + text("basis." + found.basis()) + ")"
                                + (found.note() == null ? "" : ": " + found.note()))
                        .collect(Collectors.joining("\n"))),
                field("check.account", check.account()),
                field("check.advice", check.advice().isEmpty() ? null : check.advice().stream()
                        .map(given -> moment(given.givenAt()) + ": " + text("advice." + given.kind())
                                + (given.note() == null ? "" : " (" + given.note() + ")"))
                        .collect(Collectors.joining("\n"))),
                field("check.support", check.supportRequests().isEmpty() ? null : check.supportRequests().stream()
                        .map(request -> text("subjectAccess.pdf.check.supportRequest",
                                text("supportKind." + request.kind()), request.agencyName(),
                                text("supportStatus." + request.status())))
                        .collect(Collectors.joining("\n"))),
                field("check.outcomes", check.outcomes().isEmpty() ? null : check.outcomes().stream()
                        .map(outcome -> text("outcome." + outcome)).sorted().collect(Collectors.joining(", ")))));
        List<Field> opinions = new ArrayList<>(List.of(
                field("check.suspected", check.suspectedTypes().isEmpty() ? null : check.suspectedTypes().stream()
                        .map(type -> text("exploitation." + type.name())).sorted()
                        .collect(Collectors.joining(", "))),
                field("check.opinion", check.opinion())));
        if (check.outcomeNote() != null) {
            (check.outcomeNoteNature() == FactOrOpinion.FACT ? facts : opinions)
                    .add(field("check.outcomeNote", check.outcomeNote()));
        }
        var assessor = check.assessedBy();
        String whose = assessor == null || assessor.name() == null ? text("subjectAccess.pdf.check.whose")
                : text("subjectAccess.pdf.check.whose.named", assessor.name()
                        + (assessor.agencyName() == null ? "" : ", " + assessor.agencyName()));
        return List.of(new Block(null, null, List.of(new Group(null, null, record))),
                new Block(text("subjectAccess.pdf.facts"), null, List.of(new Group(null, null, facts))),
                new Block(text("subjectAccess.pdf.opinions"), whose, List.of(new Group(null, null, opinions))));
    }

    /** The referral's package, its parts and sections as the referral module lays them out. */
    private List<Block> referral(ReferralView referral) {
        return PackageDocument.of(referral, messages).parts().stream().map(part -> new Block(
                text(part.headingCode()), text(part.introCode()), part.sections().stream()
                        .map(section -> new Group(section.heading(), section.whose(), section.rows().stream()
                                .map(row -> new Field(row.label(), row.value())).toList()))
                        .toList()))
                .toList();
    }

    private List<Block> report(ReportView report) {
        List<Field> facts = List.of(
                field("report.reference", report.reference()),
                field("report.received", moment(report.receivedAt())),
                field("report.status", text("reports.status." + report.status())),
                field("report.what", report.what()),
                field("report.where", report.where()),
                field("report.when", report.when()),
                field("report.who", report.who()),
                field("report.contact", report.contactShown() ? report.contact()
                        : text(report.anonymous() ? "subjectAccess.pdf.report.noContact"
                                : "subjectAccess.pdf.report.contactWithheld")));
        List<Block> blocks = new ArrayList<>(List.of(
                new Block(text("subjectAccess.pdf.facts"), null, List.of(new Group(null, null, facts)))));
        if (!report.notes().isEmpty()) {
            blocks.add(new Block(text("subjectAccess.pdf.opinions"), text("subjectAccess.pdf.report.notes"),
                    List.of(new Group(null, null, report.notes().stream().map(note -> new Field(
                            moment(note.writtenAt()) + (note.author() == null ? "" : ", " + note.author()),
                            note.text())).toList()))));
        }
        return blocks;
    }

    private TrailRow trailRow(TrailEntry entry) {
        return new TrailRow(moment(entry.at()),
                entry.who() == null ? text("subjectAccess.pdf.trail.nobody")
                        : entry.who() + (entry.agency() == null ? "" : ", " + entry.agency()),
                "SUCCESS".equals(entry.outcome()) ? entry.action()
                        : text("subjectAccess.pdf.trail.refused", entry.action()),
                entry.detail() == null ? "" : entry.detail());
    }

    /** The field labelled by the message subjectAccess.pdf.{@code name}. */
    private Field field(String name, String value) {
        return new Field(text("subjectAccess.pdf." + name),
                value == null || value.isBlank() ? text("subjectAccess.pdf.notRecorded") : value);
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, Locale.UK);
    }

    private static String country(String code) {
        return NamedCode.COUNTRIES.stream().filter(country -> country.code().equals(code)).map(NamedCode::name)
                .findFirst().orElse(code);
    }

    private String day(Instant at) {
        return at == null ? text("subjectAccess.pdf.notRecorded") : DAY.format(at.atZone(LONDON));
    }

    private static String moment(Instant at) {
        return at == null ? null : MOMENT.format(at.atZone(LONDON));
    }
}
