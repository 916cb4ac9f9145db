package org.waymark.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.waymark.referral.ReferralPackage.Subject;
import org.waymark.safeguarding.FactOrOpinion;

/**
 * The package laid out in the Home Office form's order, in the form's words (the messages
 * referrals.section.* and referrals.package.*): what the page, the print view, the PDF and the
 * plain text to copy are all made from, so that they always agree. Sections that do not apply
 * to the path are left out; empty answers read "Not given". Each
 * section is either facts or the referrer's assessment (exploitation types, other victims,
 * risk): the views keep the form's order and show them apart in {@link #parts}.
 *
 * @param draft the package was never submitted: the print view and the PDF say DRAFT on every page
 */
public record PackageDocument(String title, boolean draft, List<Section> sections) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    /**
     * A section of the form; {@code id} names it in links and in the page. An assessment says
     * whose it is in {@code whose}; facts leave it null.
     */
    public record Section(String id, String heading, FactOrOpinion nature, String whose, List<Row> rows) {

        /** A section of facts. */
        public Section(String id, String heading, List<Row> rows) {
            this(id, heading, FactOrOpinion.FACT, null, rows);
        }

        /** The section as text to paste into the form: its heading, then one answer a line. */
        public String plainText() {
            return heading + "\n" + rows.stream().map(row -> row.label() + ": " + row.value())
                    .collect(Collectors.joining("\n"));
        }
    }

    public record Row(String label, String value) {
    }

    /**
     * Sections next to each other that are all facts or all assessments, under one heading.
     * {@code continued} marks a part of facts that follows an earlier one.
     */
    public record Part(FactOrOpinion nature, boolean continued, List<Section> sections) {

        /** The message of the heading the part is shown under: the page, print view and PDF all use it. */
        public String headingCode() {
            return nature == FactOrOpinion.OPINION ? "referrals.package.assessments"
                    : continued ? "referrals.package.facts.continued" : "referrals.package.facts";
        }

        /** The message saying what the part holds, in a sentence. */
        public String introCode() {
            return nature == FactOrOpinion.OPINION ? "referrals.package.assessments.intro"
                    : "referrals.package.facts.intro";
        }
    }

    /**
     * The sections in the form's order, which the officer follows to fill the form in, grouped
     * into parts so that facts and assessments stand apart under their own headings.
     */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        List<Section> run = new ArrayList<>();
        boolean factsSeen = false;
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            run.add(section);
            boolean last = i == sections.size() - 1;
            if (last || sections.get(i + 1).nature() != section.nature()) {
                boolean facts = section.nature() == FactOrOpinion.FACT;
                parts.add(new Part(section.nature(), facts && factsSeen, List.copyOf(run)));
                factsSeen |= facts;
                run.clear();
            }
        }
        return List.copyOf(parts);
    }

    /** The package of the referral, in the words of the messages (in English, as the form is). */
    public static PackageDocument of(ReferralView referral, MessageSource messages) {
        Words words = new Words(messages);
        ReferralPackage content = referral.content();
        boolean submitted = referral.submittedAt() != null;
        List<Section> sections = new ArrayList<>();
        sections.add(words.facts("referral",
                "kind", words.text("referrals.package.referral.kind." + (referral.kind() == ReferralKind.NRM
                        ? referral.childReferral() ? "child" : "adult"
                        : referral.named() ? "named" : "anonymous")),
                "homeOfficeReference", submitted ? referral.homeOfficeReference()
                        : words.text("referrals.package.notSubmitted"),
                "submitted", submitted ? moment(referral.submittedAt()) : words.text("referrals.package.notSubmitted")));
        if (referral.consent() != null) {
            Consent consent = referral.consent();
            sections.add(words.facts("consent",
                    "explainedBy", consent.explainedBy(),
                    "language", language(consent.language()),
                    "interpreterUsed", words.yesNo(consent.interpreterUsed()),
                    "at", moment(consent.at()),
                    "answer", words.text(consent.given() ? "referrals.package.consent.given"
                            : "referrals.package.consent.refused"),
                    "withdrawn", referral.consentWithdrawnAt() == null ? words.yesNo(false)
                            : moment(referral.consentWithdrawnAt())));
        }
        var referrer = content.referrer();
        sections.add(words.facts("referrer", "name", referrer.name(), "role", referrer.role(),
                "organisation", referrer.organisation(), "email", referrer.email(), "phone", referrer.phone()));
        var age = content.age();
        sections.add(words.facts("age",
                "under18", age.under18() == null ? null : switch (age.under18()) {
                    case YES -> words.yesNo(true);
                    case NO -> words.yesNo(false);
                    case NOT_SURE -> words.text("referrals.package.age.notSure");
                },
                "dateOfBirth", day(age.dateOfBirth()),
                "age", age.estimatedAge() == null ? null : age.estimatedAge().toString()));
        var account = content.account();
        List<Row> accountRows = new ArrayList<>(words.rows("account", "background", account.background(),
                "howItStarted", account.howItStarted(), "journey", account.journey(),
                "exploitation", account.exploitation(), "howItEnded", account.howItEnded(),
                "lastContact", account.lastContact()));
        for (ReferralView.Addition added : referral.accountAdditions()) {
            accountRows.add(words.row(words.text("referrals.package.account.added", added.agency(),
                    moment(added.addedAt())), added.text()));
        }
        sections.add(words.section("account", FactOrOpinion.FACT, null, accountRows));
        sections.add(words.facts("indicators", "indicators", content.indicators()));
        sections.add(words.facts("places",
                "uk", content.places().uk().isEmpty() ? null : String.join(", ", content.places().uk()),
                "abroad", content.places().abroad().isEmpty() ? null : content.places().abroad().stream()
                        .map(code -> country(code, words)).collect(Collectors.joining(", "))));
        List<Row> exploitation = new ArrayList<>();
        for (ReferralPackage.Exploitation each : content.exploitation()) {
            String subtypes = each.subtypes().stream().sorted()
                    .map(subtype -> words.text("referrals.subtype." + subtype.name()))
                    .collect(Collectors.joining(", "));
            exploitation.add(words.row(words.text("exploitation." + each.type().name()),
                    subtypes + (each.details() == null ? "" : (subtypes.isEmpty() ? "" : ". ") + each.details())));
        }
        if (exploitation.isEmpty()) {
            exploitation = words.rows("exploitation", "types", null);
        }
        String whose = whose(referrer, words);
        sections.add(words.section("exploitation", FactOrOpinion.OPINION, whose, exploitation));
        sections.add(words.section("otherVictims", FactOrOpinion.OPINION, whose, words.rows("otherVictims",
                "believed", words.answer(content.otherVictims().believed()),
                "details", content.otherVictims().details())));
        sections.add(words.section("risk", FactOrOpinion.OPINION, whose, words.rows("risk",
                "atRisk", words.answer(content.risk().atRisk()), "details", content.risk().details())));
        sections.add(words.facts("crime", "reported", words.answer(content.crime().reported()),
                "reference", content.crime().reference()));
        sections.add(words.facts("cooperation", "willing", words.answer(content.cooperation().willing()),
                "details", content.cooperation().details()));
        if (content.subject() != null) {
            Subject subject = content.subject();
            sections.add(referral.kind() == ReferralKind.NRM
                    ? words.facts("subject", "name", subject.name(),
                            "dateOfBirth", day(subject.dateOfBirth()),
                            "gender", subject.gender() == null ? null : words.text("gender." + subject.gender().name()),
                            "nationality", country(subject.nationality(), words),
                            "interpreterLanguage", language(subject.interpreterLanguage()), "phone", subject.phone(),
                            "email", subject.email(), "address", subject.address(),
                            "supportWanted", subject.supportWanted())
                    : words.facts("subject", "name", subject.name(), "phone", subject.phone(),
                            "email", subject.email(), "address", subject.address()));
        }
        if (content.dutyToNotify() != null) {
            var notify = content.dutyToNotify();
            sections.add(words.facts("dutyToNotify",
                    "gender", notify.gender() == null ? null : words.text("gender." + notify.gender().name()),
                    "nationality", country(notify.nationality(), words),
                    "reasonNoConsent", notify.reasonNoConsent()));
        }
        if (content.localAuthority() != null) {
            sections.add(words.facts("localAuthority", "name", content.localAuthority().name(),
                    "contact", content.localAuthority().contact()));
        }
        return new PackageDocument(words.text("referrals.package.title." + referral.kind().name()), !submitted,
                List.copyOf(sections));
    }

    /** Whose the assessment is: the referrer's, by name and organisation where the package gives them. */
    private static String whose(ReferralPackage.Referrer referrer, Words words) {
        if (referrer.name() == null) {
            return words.text("referrals.package.whose");
        }
        return words.text("referrals.package.whose.named", referrer.organisation() == null ? referrer.name()
                : referrer.name() + ", " + referrer.organisation());
    }

    /**
     * The words of the package from the messages: a section's heading is
     * {@code referrals.section.<section>}, the label of each of its rows
     * {@code referrals.package.<section>.<field>}; an answer left empty reads "Not given".
     */
    private record Words(MessageSource messages) {

        String text(String code, Object... args) {
            return messages.getMessage(code, args, Locale.UK);
        }

        Section facts(String id, String... fieldsAndValues) {
            return section(id, FactOrOpinion.FACT, null, rows(id, fieldsAndValues));
        }

        Section section(String id, FactOrOpinion nature, String whose, List<Row> rows) {
            return new Section(id, text("referrals.section." + id), nature, whose, List.copyOf(rows));
        }

        /** Rows from field, value pairs; a value may be null. */
        List<Row> rows(String id, String... fieldsAndValues) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < fieldsAndValues.length; i += 2) {
                rows.add(row(text("referrals.package." + id + "." + fieldsAndValues[i]), fieldsAndValues[i + 1]));
            }
            return rows;
        }

        Row row(String label, String value) {
            return new Row(label, value == null || value.isBlank() ? text("referrals.package.notGiven") : value);
        }

        String answer(Answer answer) {
            return answer == null ? null : text("referrals.answer." + answer.name());
        }

        String yesNo(Boolean value) {
            return value == null ? null : text(value ? "referrals.answer.YES" : "referrals.answer.NO");
        }
    }

    private static String country(String code, Words words) {
        if (ReferralPackage.NATIONALITY_NOT_KNOWN.equals(code)) {
            return words.text("referrals.answer.NOT_KNOWN");
        }
        return code == null ? null : new Locale("", code).getDisplayCountry(Locale.UK) + " (" + code + ")";
    }

    private static String language(String code) {
        return code == null ? null : new Locale(code).getDisplayLanguage(Locale.UK);
    }

    private static String day(LocalDate date) {
        return date == null ? null : DAY.format(date);
    }

    private static String moment(Instant instant) {
        return instant == null ? null : MOMENT.format(instant.atZone(Referral.ENGLAND));
    }
}
