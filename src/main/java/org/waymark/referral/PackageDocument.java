package org.waymark.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.waymark.referral.ReferralPackage.Subject;
import org.waymark.safeguarding.FactOrOpinion;

/**
 * The package laid out in the Home Office form's order, in the form's words: what the print
 * view, the PDF and the plain text to copy are all made from, so that the three always agree.
 * Sections that do not apply to the path are left out; empty answers read "Not given". Each
 * section is either facts or the referrer's assessment (exploitation types, other victims,
 * risk): the views keep the form's order and show them apart in {@link #parts}.
 */
public record PackageDocument(String title, List<Section> sections) {

    static final String NOT_GIVEN = "Not given";
    static final String NOT_SUBMITTED = "Not submitted yet";
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

    public static PackageDocument of(ReferralView referral) {
        ReferralPackage content = referral.content();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("referral", "This referral", rows(
                "Kind", referral.kind() == ReferralKind.NRM ? (referral.childReferral()
                        ? "NRM referral of a child (no consent needed)" : "NRM referral of an adult, with consent")
                        : referral.named() ? "Duty to Notify, named with the person’s agreement"
                                : "Duty to Notify, anonymous",
                "Home Office reference", referral.submittedAt() == null ? NOT_SUBMITTED
                        : referral.homeOfficeReference(),
                "Submitted", referral.submittedAt() == null ? NOT_SUBMITTED : moment(referral.submittedAt()))));
        if (referral.consent() != null) {
            sections.add(new Section("consent", "Consent", rows(
                    "NRM explained by", referral.consent().explainedBy(),
                    "Language", language(referral.consent().language()),
                    "Interpreter used", yesNo(referral.consent().interpreterUsed()),
                    "When", moment(referral.consent().at()),
                    "Answer", referral.consent().given() ? "Consents to an NRM referral"
                            : "Does not consent to an NRM referral",
                    "Consent withdrawn", referral.consentWithdrawnAt() == null ? "No"
                            : moment(referral.consentWithdrawnAt()))));
        }
        var referrer = content.referrer();
        sections.add(new Section("referrer", "Referrer and organisation", rows("Name", referrer.name(),
                "Role", referrer.role(), "Organisation", referrer.organisation(), "Email", referrer.email(),
                "Phone", referrer.phone())));
        var age = content.age();
        sections.add(new Section("age", "Age", rows("Under 18", age.under18() == null ? null : switch (age.under18()) {
            case YES -> "Yes";
            case NO -> "No";
            case NOT_SURE -> "Not sure (treated as a child)";
        }, "Date of birth", day(age.dateOfBirth()), "Age", age.estimatedAge() == null ? null
                : age.estimatedAge().toString())));
        var account = content.account();
        // Arrays.asList, as parts of the account may be empty (null).
        List<String> accountRows = new ArrayList<>(Arrays.asList("Background", account.background(),
                "How it started", account.howItStarted(), "The journey", account.journey(),
                "The exploitation", account.exploitation(), "How it ended", account.howItEnded(),
                "Last contact with the exploiters", account.lastContact()));
        for (ReferralView.Addition added : referral.accountAdditions()) {
            accountRows.add("Added by " + added.agency() + ", " + moment(added.addedAt()));
            accountRows.add(added.text());
        }
        sections.add(new Section("account", "The person’s account", rows(accountRows.toArray(String[]::new))));
        sections.add(new Section("indicators", "Indicators identified", rows("Indicators", content.indicators())));
        sections.add(new Section("places", "Places", rows(
                "In the UK", content.places().uk().isEmpty() ? null : String.join(", ", content.places().uk()),
                "Abroad", content.places().abroad().isEmpty() ? null : content.places().abroad().stream()
                        .map(PackageDocument::country).collect(Collectors.joining(", ")))));
        List<String> exploitation = new ArrayList<>();
        for (ReferralPackage.Exploitation each : content.exploitation()) {
            exploitation.add(words(each.type().name()));
            String subtypes = each.subtypes().stream().sorted().map(subtype -> words(subtype.name()))
                    .collect(Collectors.joining(", "));
            exploitation.add((subtypes.isEmpty() ? "" : subtypes) + (each.details() == null ? ""
                    : (subtypes.isEmpty() ? "" : ". ") + each.details()));
        }
        if (exploitation.isEmpty()) {
            exploitation = List.of("Types", NOT_GIVEN);
        }
        String whose = whose(referrer);
        sections.add(new Section("exploitation", "Exploitation types", FactOrOpinion.OPINION, whose,
                rows(exploitation.toArray(String[]::new))));
        sections.add(new Section("otherVictims", "Other victims", FactOrOpinion.OPINION, whose, rows(
                "Other victims believed", answer(content.otherVictims().believed()),
                "Details", content.otherVictims().details())));
        sections.add(new Section("risk", "Risk", FactOrOpinion.OPINION, whose, rows(
                "At risk now", answer(content.risk().atRisk()), "Details", content.risk().details())));
        sections.add(new Section("crime", "Crime reference", rows("Reported as a crime",
                answer(content.crime().reported()), "Crime reference", content.crime().reference())));
        sections.add(new Section("cooperation", "Cooperation with the police", rows(
                "Willing to cooperate", answer(content.cooperation().willing()),
                "Details", content.cooperation().details())));
        if (content.subject() != null) {
            Subject subject = content.subject();
            sections.add(new Section("subject", "The person’s details", referral.kind() == ReferralKind.NRM
                    ? rows("Name", subject.name(),
                    "Date of birth", day(subject.dateOfBirth()),
                    "Gender", subject.gender() == null ? null : words(subject.gender().name()),
                    "Nationality", country(subject.nationality()),
                    "Interpreter language", language(subject.interpreterLanguage()), "Phone", subject.phone(),
                    "Email", subject.email(), "Address", subject.address(),
                    "Support wanted", subject.supportWanted())
                    : rows("Name", subject.name(), "Phone", subject.phone(), "Email", subject.email(),
                    "Address", subject.address())));
        }
        if (content.dutyToNotify() != null) {
            var notify = content.dutyToNotify();
            sections.add(new Section("dutyToNotify", "Duty to Notify", rows(
                    "Gender", notify.gender() == null ? null : words(notify.gender().name()),
                    "Nationality", country(notify.nationality()),
                    "Why the person did not consent", notify.reasonNoConsent())));
        }
        if (content.localAuthority() != null) {
            sections.add(new Section("localAuthority", "Local authority contacted", rows(
                    "Local authority", content.localAuthority().name(),
                    "Contacted", content.localAuthority().contact())));
        }
        String title = referral.kind() == ReferralKind.NRM ? "NRM referral package" : "Duty to Notify package";
        return new PackageDocument(title, List.copyOf(sections));
    }

    /** Whose the assessment is: the referrer's, by name and organisation where the package gives them. */
    private static String whose(ReferralPackage.Referrer referrer) {
        String who = referrer.name() == null ? null
                : referrer.organisation() == null ? referrer.name() : referrer.name() + ", " + referrer.organisation();
        return who == null ? "The referrer’s assessment" : "The referrer’s assessment: " + who;
    }

    /** Rows from label, value pairs; a missing value reads "Not given". */
    private static List<Row> rows(String... labelsAndValues) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            String value = labelsAndValues[i + 1];
            rows.add(new Row(labelsAndValues[i], value == null || value.isBlank() ? NOT_GIVEN : value));
        }
        return List.copyOf(rows);
    }

    private static String answer(Answer answer) {
        return answer == null ? null : switch (answer) {
            case YES -> "Yes";
            case NO -> "No";
            case NOT_KNOWN -> "Not known";
        };
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "Yes" : "No";
    }

    /** An enum constant as words: {@code DOMESTIC_SERVITUDE} reads "Domestic servitude". */
    static String words(String constant) {
        String lower = constant.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String country(String code) {
        if (ReferralPackage.NATIONALITY_NOT_KNOWN.equals(code)) {
            return "Not known";
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
