package org.waymark.referral;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.waymark.operation.ExploitationType;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.CountryCode;
import org.waymark.shared.LanguageCode;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

/**
 * The content of a referral, section by section in the order of the Home Office's form. Any
 * part may be empty while it is a draft; {@link #missing} says what the form requires before
 * it can be submitted. Which sections apply depends on the path: the person's details for an
 * NRM referral or a named Duty to Notify, the Duty to Notify section for an adult who did not
 * consent, the local authority for a child. Field names are those of the API.
 */
public record ReferralPackage(Referrer referrer, Age age, Account account, String indicators, Places places,
        List<Exploitation> exploitation, OtherVictims otherVictims, Risk risk, Crime crime, Cooperation cooperation,
        Subject subject, DutyToNotify dutyToNotify, LocalAuthority localAuthority) {

    public static final int MAX_NARRATIVE = 15_000;
    static final int MAX_LINE = 254;
    static final int MAX_PLACES = 30;
    /** A nationality the person did not or could not give: an answer, unlike one left empty. */
    public static final String NATIONALITY_NOT_KNOWN = "XX";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]+");

    public ReferralPackage {
        referrer = referrer == null ? new Referrer(null, null, null, null, null) : referrer;
        age = age == null ? new Age(null, null, null) : age;
        account = account == null ? new Account(null, null, null, null, null, null) : account;
        indicators = narrative(indicators, "indicators");
        places = places == null ? new Places(null, null) : places;
        exploitation = exploitation == null ? List.of() : List.copyOf(exploitation);
        otherVictims = otherVictims == null ? new OtherVictims(null, null) : otherVictims;
        risk = risk == null ? new Risk(null, null) : risk;
        crime = crime == null ? new Crime(null, null) : crime;
        cooperation = cooperation == null ? new Cooperation(null, null) : cooperation;
        Set<ExploitationType> seen = EnumSet.noneOf(ExploitationType.class);
        for (Exploitation each : exploitation) {
            if (!seen.add(each.type())) {
                throw new RuleViolationException("referral.exploitation.twice", "exploitation");
            }
        }
    }

    /** Who makes the referral, and how the Home Office reaches them. */
    public record Referrer(String name, String role, String organisation, String email, String phone) {
        public Referrer {
            name = line(name, "referrer.name");
            role = line(role, "referrer.role");
            organisation = line(organisation, "referrer.organisation");
            email = emailAddress(email, "referrer.email");
            phone = phoneNumber(phone, "referrer.phone");
        }
    }

    public record Age(Under18 under18, LocalDate dateOfBirth, Integer estimatedAge) {
        public Age {
            bornInLivingMemory(dateOfBirth, "age.dateOfBirth");
            if (estimatedAge != null && (estimatedAge < 0 || estimatedAge > 120)) {
                throw new RuleViolationException("referral.age.range", "age.estimatedAge");
            }
        }
    }

    /** The person's account in the form's six parts. */
    public record Account(String background, String howItStarted, String journey, String exploitation,
            String howItEnded, String lastContact) {
        public Account {
            background = narrative(background, "account.background");
            howItStarted = narrative(howItStarted, "account.howItStarted");
            journey = narrative(journey, "account.journey");
            exploitation = narrative(exploitation, "account.exploitation");
            howItEnded = narrative(howItEnded, "account.howItEnded");
            lastContact = narrative(lastContact, "account.lastContact");
        }

        boolean isEmpty() {
            return background == null && howItStarted == null && journey == null && exploitation == null
                    && howItEnded == null && lastContact == null;
        }
    }

    /** Towns and cities in the UK, and countries abroad (ISO 3166-1 alpha-2), where it happened. */
    public record Places(List<String> uk, List<String> abroad) {
        public Places {
            uk = tidyList(uk, "places.uk");
            abroad = tidyList(abroad, "places.abroad").stream().map(code -> code.toUpperCase(Locale.ROOT)).toList();
            if (abroad.stream().anyMatch(code -> !CountryCode.isValid(code))) {
                throw new RuleViolationException("referral.places.abroad.unknown", "places.abroad");
            }
        }
    }

    /** A form of exploitation with its sub-types, each of which must belong to it. */
    public record Exploitation(ExploitationType type, Set<ExploitationSubtype> subtypes, String details) {
        public Exploitation {
            if (type == null) {
                throw new RuleViolationException("referral.exploitation.type.required", "exploitation");
            }
            subtypes = subtypes == null ? Set.of() : Set.copyOf(subtypes);
            if (subtypes.stream().anyMatch(subtype -> subtype.type() != type)) {
                throw new RuleViolationException("referral.exploitation.subtype.mismatch", "exploitation");
            }
            details = narrative(details, "exploitation");
        }
    }

    public record OtherVictims(Answer believed, String details) {
        public OtherVictims {
            details = narrative(details, "otherVictims.details");
        }
    }

    public record Risk(Answer atRisk, String details) {
        public Risk {
            details = narrative(details, "risk.details");
        }
    }

    public record Crime(Answer reported, String reference) {
        public Crime {
            reference = line(reference, "crime.reference");
        }
    }

    public record Cooperation(Answer willing, String details) {
        public Cooperation {
            details = narrative(details, "cooperation.details");
        }
    }

    /** The person's own details: for an NRM referral, or a Duty to Notify whose person agreed to be named. */
    public record Subject(String name, LocalDate dateOfBirth, Gender gender, String nationality,
            String interpreterLanguage, String phone, String email, String address, String supportWanted) {
        public Subject {
            name = line(name, "subject.name");
            nationality = country(nationality, "subject.nationality");
            interpreterLanguage = language(interpreterLanguage, "subject.interpreterLanguage");
            phone = phoneNumber(phone, "subject.phone");
            email = emailAddress(email, "subject.email");
            bornInLivingMemory(dateOfBirth, "subject.dateOfBirth");
            address = narrative(address, "subject.address");
            supportWanted = narrative(supportWanted, "subject.supportWanted");
        }

        boolean isEmpty() {
            return name == null && phone == null && email == null && address == null && !beyondNameAndContact();
        }

        /** What a named Duty to Notify does not ask here: gender and nationality have their own section. */
        boolean beyondNameAndContact() {
            return dateOfBirth != null || gender != null || nationality != null || interpreterLanguage != null
                    || supportWanted != null;
        }
    }

    /** An anonymous report of an adult who did not consent. */
    public record DutyToNotify(Gender gender, String nationality, String reasonNoConsent) {
        public DutyToNotify {
            nationality = country(nationality, "dutyToNotify.nationality");
            reasonNoConsent = narrative(reasonNoConsent, "dutyToNotify.reasonNoConsent");
        }
    }

    /** The local authority told of a child: its name, and the person, phone or email contacted. */
    public record LocalAuthority(String name, String contact) {
        public LocalAuthority {
            name = line(name, "localAuthority.name");
            contact = line(contact, "localAuthority.contact");
        }
    }

    /**
     * The package for a path: sections that do not apply are left out, and an anonymous Duty
     * to Notify may not carry the person's name or contact details.
     */
    ReferralPackage shapedFor(ReferralKind kind, boolean child, boolean named) {
        boolean withSubject = kind == ReferralKind.NRM || named;
        if (!withSubject && subject != null && !subject.isEmpty()) {
            throw new RuleViolationException("referral.subject.anonymous", "subject.name");
        }
        if (kind == ReferralKind.DUTY_TO_NOTIFY && subject != null && subject.beyondNameAndContact()) {
            throw new RuleViolationException("referral.subject.dutyToNotify", "subject.name");
        }
        if (!withSubject && age.dateOfBirth() != null) {
            throw new RuleViolationException("referral.subject.anonymous", "age.dateOfBirth");
        }
        // The path was chosen from the age: a package may not say otherwise (and is not yet required to say).
        if (age.under18() != null && (age.under18() == Under18.NO) == child) {
            throw new RuleViolationException(child ? "referral.age.child" : "referral.age.adult", "age.under18");
        }
        return new ReferralPackage(referrer, age, account, indicators, places, exploitation, otherVictims, risk,
                crime, cooperation, withSubject ? (subject == null ? emptySubject() : subject) : null,
                kind == ReferralKind.DUTY_TO_NOTIFY ? (dutyToNotify == null ? new DutyToNotify(null, null, null)
                        : dutyToNotify) : null,
                child ? (localAuthority == null ? new LocalAuthority(null, null) : localAuthority) : null);
    }

    /**
     * What the form requires and the package lacks, field by field, with the message code to
     * show; empty when it can be submitted.
     */
    Map<String, String> missing(ReferralKind kind, boolean child, boolean named) {
        Map<String, String> missing = new LinkedHashMap<>();
        require(missing, referrer.name(), "referrer.name");
        require(missing, referrer.organisation(), "referrer.organisation");
        if (referrer.email() == null && referrer.phone() == null) {
            missing.put("referrer.email", "referral.missing.referrer.contact");
        }
        require(missing, age.under18(), "age.under18");
        if (account.isEmpty()) {
            missing.put("account.background", "referral.missing.account");
        }
        require(missing, indicators, "indicators");
        if (exploitation.isEmpty()) {
            missing.put("exploitation", "referral.missing.exploitation");
        }
        if (subject != null) {
            require(missing, subject.name(), "subject.name");
            if (kind == ReferralKind.NRM) {
                require(missing, subject.gender(), "subject.gender");
                require(missing, subject.nationality(), "subject.nationality");
            }
            if (kind == ReferralKind.NRM && !child && subject.phone() == null && subject.email() == null
                    && subject.address() == null) {
                missing.put("subject.phone", "referral.missing.subject.contact");
            }
        }
        if (dutyToNotify != null) {
            require(missing, dutyToNotify.gender(), "dutyToNotify.gender");
            require(missing, dutyToNotify.nationality(), "dutyToNotify.nationality");
            require(missing, dutyToNotify.reasonNoConsent(), "dutyToNotify.reasonNoConsent");
        }
        if (localAuthority != null) {
            require(missing, localAuthority.name(), "localAuthority.name");
            require(missing, localAuthority.contact(), "localAuthority.contact");
        }
        return missing;
    }

    private static void require(Map<String, String> missing, Object value, String field) {
        if (value == null) {
            missing.put(field, "referral.missing." + field);
        }
    }

    private static Subject emptySubject() {
        return new Subject(null, null, null, null, null, null, null, null, null);
    }

    /** Free text of up to 15,000 characters, on several lines; blank is nothing. */
    static String narrative(String text, String field) {
        String tidy = PlainText.typed(text);
        if (tidy != null && tidy.length() > MAX_NARRATIVE) {
            throw new RuleViolationException("referral.text.tooLong", field);
        }
        if (tidy != null && tidy.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t')) {
            throw new RuleViolationException("text.controlCharacters", field);
        }
        return tidy;
    }

    private static String line(String text, String field) {
        String tidy = PlainText.typed(text);
        PlainText.check(tidy, MAX_LINE, "referral.line.tooLong", field);
        return tidy;
    }

    private static String emailAddress(String text, String field) {
        String tidy = line(text, field);
        if (tidy != null && !EMAIL.matcher(tidy).matches()) {
            throw new RuleViolationException("referral.email.invalid", field);
        }
        return tidy;
    }

    /** Digits with the spaces, brackets, dashes and leading + that people write them with. */
    private static String phoneNumber(String text, String field) {
        String tidy = line(text, field);
        if (tidy != null && (!PHONE.matcher(tidy).matches() || tidy.chars().filter(Character::isDigit).count() < 5)) {
            throw new RuleViolationException("referral.phone.invalid", field);
        }
        return tidy;
    }

    private static void bornInLivingMemory(LocalDate born, String field) {
        LocalDate today = LocalDate.now(Referral.ENGLAND);
        if (born != null && (born.isAfter(today) || born.isBefore(today.minusYears(120)))) {
            throw new RuleViolationException("referral.dateOfBirth.range", field);
        }
    }

    private static String country(String code, String field) {
        String tidy = line(code, field);
        if (tidy == null) {
            return null;
        }
        tidy = tidy.toUpperCase(Locale.ROOT);
        if (!CountryCode.isValid(tidy) && !tidy.equals(NATIONALITY_NOT_KNOWN)) {
            throw new RuleViolationException("referral.country.unknown", field);
        }
        return tidy;
    }

    private static String language(String code, String field) {
        String tidy = line(code, field);
        if (tidy == null) {
            return null;
        }
        tidy = tidy.toLowerCase(Locale.ROOT);
        if (!LanguageCode.isValid(tidy)) {
            throw new RuleViolationException("referral.language.unknown", field);
        }
        return tidy;
    }

    private static List<String> tidyList(List<String> items, String field) {
        if (items == null) {
            return List.of();
        }
        Set<String> tidy = new LinkedHashSet<>();
        for (String item : items) {
            String one = line(item, field);
            if (one != null && tidy.add(one) && tidy.size() > MAX_PLACES) {
                throw new RuleViolationException("referral.places.tooMany", field);
            }
        }
        return List.copyOf(tidy);
    }
}
