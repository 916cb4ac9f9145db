package org.waymark.referral.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.validation.Errors;
import org.waymark.operation.ExploitationType;
import org.waymark.referral.Answer;
import org.waymark.referral.ExploitationSubtype;
import org.waymark.referral.ReferralPackage;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.DateInput;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleField;

/**
 * One form per section of the package, as typed. Field names are the service's without the
 * section's prefix ({@code account.journey} is {@code journey} on the account's page), so that
 * a rule the service names lands on its field. Every box keeps what was typed, even if refused.
 */
final class SectionForms {

    private SectionForms() {
    }

    /**
     * What the one controller for every section needs of a section's form. A class, not an
     * interface: Spring Data's web support would bind an interface-typed form into a map of its own.
     */
    abstract static class SectionForm {

        /** The fields in the order of the page, for the error summary. */
        public abstract List<String> fields();

        /** The free-text boxes and what was typed in them, which may be long. */
        public Map<String, String> narratives() {
            return Map.of();
        }

        /** Fills the form from the package as it stands. */
        public abstract void load(ReferralPackage content);

        /**
         * Puts the section, as typed, in place of the package's own. What the form itself can
         * tell is wrong goes in {@code errors}; the package's rules throw.
         */
        public abstract void applyTo(PackageParts parts, Errors errors);
    }

    static String shown(String value) {
        return value == null ? "" : value;
    }

    /** Lines, or items separated by commas, as a list. */
    static List<String> items(String typed, String separators) {
        return Arrays.stream(typed.split(separators)).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    static Map<String, String> ordered(String... fieldsAndTexts) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndTexts.length; i += 2) {
            texts.put(fieldsAndTexts[i], fieldsAndTexts[i + 1]);
        }
        return texts;
    }

    static class Referrer extends SectionForm {
        private String name = "";
        private String role = "";
        private String organisation = "";
        private String email = "";
        private String phone = "";

        public List<String> fields() {
            return List.of("name", "role", "organisation", "email", "phone");
        }

        public void load(ReferralPackage content) {
            var referrer = content.referrer();
            name = shown(referrer.name());
            role = shown(referrer.role());
            organisation = shown(referrer.organisation());
            email = shown(referrer.email());
            phone = shown(referrer.phone());
        }

        public void applyTo(PackageParts parts, Errors errors) {
            parts.referrer = new ReferralPackage.Referrer(name, role, organisation, email, phone);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = shown(name); }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = shown(role); }
        public String getOrganisation() { return organisation; }
        public void setOrganisation(String organisation) { this.organisation = shown(organisation); }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = shown(email); }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = shown(phone); }
    }

    static class Age extends SectionForm {
        private Under18 under18;
        private DateInput dateOfBirth = new DateInput();
        private String estimatedAge = "";

        public List<String> fields() {
            return List.of("under18", "dateOfBirth", "estimatedAge");
        }

        public void load(ReferralPackage content) {
            under18 = content.age().under18();
            dateOfBirth = DateInput.of(content.age().dateOfBirth());
            estimatedAge = content.age().estimatedAge() == null ? "" : content.age().estimatedAge().toString();
        }

        public void applyTo(PackageParts parts, Errors errors) {
            LocalDate born = dateOfBirth.isBlank() ? null
                    : Moment.date(dateOfBirth, errors, "dateOfBirth", "referrals.dateOfBirth.invalid");
            Integer years = null;
            String typed = PlainText.typed(estimatedAge);
            if (typed != null && !typed.matches("\\d{1,3}")) {
                errors.rejectValue("estimatedAge", "referral.age.range");
            } else if (typed != null) {
                years = Integer.valueOf(typed);
            }
            if (!errors.hasErrors()) {
                parts.age = new ReferralPackage.Age(under18, born, years);
            }
        }

        public Under18 getUnder18() { return under18; }
        public void setUnder18(Under18 under18) { this.under18 = under18; }
        public DateInput getDateOfBirth() { return dateOfBirth; }
        public void setDateOfBirth(DateInput dateOfBirth) { this.dateOfBirth = dateOfBirth == null ? new DateInput() : dateOfBirth; }
        public String getEstimatedAge() { return estimatedAge; }
        public void setEstimatedAge(String estimatedAge) { this.estimatedAge = shown(estimatedAge); }
    }

    /** The person's account in the form's six parts. */
    static class Account extends SectionForm {
        private String background = "";
        private String howItStarted = "";
        private String journey = "";
        private String exploitation = "";
        private String howItEnded = "";
        private String lastContact = "";

        public List<String> fields() {
            return List.of("background", "howItStarted", "journey", "exploitation", "howItEnded", "lastContact");
        }

        public Map<String, String> narratives() {
            return ordered("background", background, "howItStarted", howItStarted, "journey", journey,
                    "exploitation", exploitation, "howItEnded", howItEnded, "lastContact", lastContact);
        }

        public void load(ReferralPackage content) {
            var account = content.account();
            background = shown(account.background());
            howItStarted = shown(account.howItStarted());
            journey = shown(account.journey());
            exploitation = shown(account.exploitation());
            howItEnded = shown(account.howItEnded());
            lastContact = shown(account.lastContact());
        }

        public void applyTo(PackageParts parts, Errors errors) {
            parts.account = new ReferralPackage.Account(background, howItStarted, journey, exploitation, howItEnded,
                    lastContact);
        }

        public String getBackground() { return background; }
        public void setBackground(String background) { this.background = shown(background); }
        public String getHowItStarted() { return howItStarted; }
        public void setHowItStarted(String howItStarted) { this.howItStarted = shown(howItStarted); }
        public String getJourney() { return journey; }
        public void setJourney(String journey) { this.journey = shown(journey); }
        public String getExploitation() { return exploitation; }
        public void setExploitation(String exploitation) { this.exploitation = shown(exploitation); }
        public String getHowItEnded() { return howItEnded; }
        public void setHowItEnded(String howItEnded) { this.howItEnded = shown(howItEnded); }
        public String getLastContact() { return lastContact; }
        public void setLastContact(String lastContact) { this.lastContact = shown(lastContact); }
    }

    static class Indicators extends SectionForm {
        private String indicators = "";

        public List<String> fields() {
            return List.of("indicators");
        }

        public Map<String, String> narratives() {
            return ordered("indicators", indicators);
        }

        public void load(ReferralPackage content) {
            indicators = shown(content.indicators());
        }

        public void applyTo(PackageParts parts, Errors errors) {
            parts.indicators = indicators;
        }

        public String getIndicators() { return indicators; }
        public void setIndicators(String indicators) { this.indicators = shown(indicators); }
    }

    /** Towns in the UK one a line; countries abroad by code or English name, by line or comma. */
    static class Places extends SectionForm {
        private String uk = "";
        private String abroad = "";

        public List<String> fields() {
            return List.of("uk", "abroad");
        }

        public void load(ReferralPackage content) {
            uk = String.join("\n", content.places().uk());
            abroad = String.join("\n", content.places().abroad());
        }

        public void applyTo(PackageParts parts, Errors errors) {
            parts.places = new ReferralPackage.Places(items(uk, "\\R"),
                    items(abroad, "[\\r\\n,;]+").stream().map(Choices::countryCode).toList());
        }

        public String getUk() { return uk; }
        public void setUk(String uk) { this.uk = shown(uk); }
        public String getAbroad() { return abroad; }
        public void setAbroad(String abroad) { this.abroad = shown(abroad); }
    }

    /**
     * The forms of exploitation, each with its sub-types and details; sub-types and details of a
     * type left unticked are dropped, as they are shown (without JavaScript) but not chosen.
     */
    static class Exploitation extends SectionForm {
        @RuleField("exploitation")
        private Set<ExploitationType> types = EnumSet.noneOf(ExploitationType.class);
        private Set<ExploitationSubtype> subtypes = EnumSet.noneOf(ExploitationSubtype.class);
        private Map<String, String> details = new LinkedHashMap<>();

        public List<String> fields() {
            return List.of("types");
        }

        public Map<String, String> narratives() {
            return details.entrySet().stream().filter(entry -> entry.getValue() != null).collect(Collectors.toMap(
                    entry -> "details[" + entry.getKey() + "]", Map.Entry::getValue, (a, b) -> a,
                    LinkedHashMap::new));
        }

        public void load(ReferralPackage content) {
            for (ReferralPackage.Exploitation each : content.exploitation()) {
                types.add(each.type());
                subtypes.addAll(each.subtypes());
                details.put(each.type().name(), shown(each.details()));
            }
        }

        public void applyTo(PackageParts parts, Errors errors) {
            parts.exploitation = types.stream().sorted().map(type -> new ReferralPackage.Exploitation(type,
                    subtypes.stream().filter(subtype -> subtype.type() == type).collect(Collectors.toSet()),
                    details.get(type.name()))).toList();
        }

        /** The sub-types the form offers under a type. */
        public List<ExploitationSubtype> subtypesOf(ExploitationType type) {
            return Arrays.stream(ExploitationSubtype.values()).filter(subtype -> subtype.type() == type).toList();
        }

        public Set<ExploitationType> getTypes() { return types; }
        public void setTypes(Set<ExploitationType> types) {
            this.types = EnumSet.noneOf(ExploitationType.class);
            if (types != null) {
                this.types.addAll(types);
            }
        }
        public Set<ExploitationSubtype> getSubtypes() { return subtypes; }
        public void setSubtypes(Set<ExploitationSubtype> subtypes) {
            this.subtypes = EnumSet.noneOf(ExploitationSubtype.class);
            if (subtypes != null) {
                this.subtypes.addAll(subtypes);
            }
        }
        public Map<String, String> getDetails() { return details; }
        public void setDetails(Map<String, String> details) { this.details = details == null ? new LinkedHashMap<>() : details; }
    }

    /** A question answered yes, no or not known, with words to say more. */
    abstract static class Answered extends SectionForm {
        private Answer answer;
        @RuleField("crime.reference")
        private String details = "";

        public List<String> fields() {
            return List.of("answer", "details");
        }

        public Map<String, String> narratives() {
            return ordered("details", details);
        }

        void show(Answer answer, String details) {
            this.answer = answer;
            this.details = shown(details);
        }

        public Answer getAnswer() { return answer; }
        public void setAnswer(Answer answer) { this.answer = answer; }
        public String getDetails() { return details; }
        public void setDetails(String details) { this.details = shown(details); }
    }

    static class OtherVictims extends Answered {
        public void load(ReferralPackage content) {
            show(content.otherVictims().believed(), content.otherVictims().details());
        }

        public void applyTo(PackageParts parts, Errors errors) {
            parts.otherVictims = new ReferralPackage.OtherVictims(getAnswer(), getDetails());
        }
    }

    static class Risk extends Answered {
        public void load(ReferralPackage content) {
            show(content.risk().atRisk(), content.risk().details());
        }

        public void applyTo(PackageParts parts, Errors errors) {
            parts.risk = new ReferralPackage.Risk(getAnswer(), getDetails());
        }
    }

    static class Cooperation extends Answered {
        public void load(ReferralPackage content) {
            show(content.cooperation().willing(), content.cooperation().details());
        }

        public void applyTo(PackageParts parts, Errors errors) {
            parts.cooperation = new ReferralPackage.Cooperation(getAnswer(), getDetails());
        }
    }

    /** Whether it was reported as a crime, and its reference: one line, not a narrative. */
    static class Crime extends Answered {
        @Override
        public Map<String, String> narratives() {
            return Map.of();
        }

        public void load(ReferralPackage content) {
            show(content.crime().reported(), content.crime().reference());
        }

        public void applyTo(PackageParts parts, Errors errors) {
            parts.crime = new ReferralPackage.Crime(getAnswer(), getDetails());
        }
    }

    /** The person's own details, for an NRM referral or a named Duty to Notify. */
    static class Subject extends SectionForm {
        private String name = "";
        private DateInput dateOfBirth = new DateInput();
        private Gender gender;
        private String nationality = "";
        private String interpreterLanguage = "";
        private String phone = "";
        private String email = "";
        private String address = "";
        private String supportWanted = "";

        public List<String> fields() {
            return List.of("name", "dateOfBirth", "gender", "nationality", "interpreterLanguage", "phone", "email",
                    "address", "supportWanted");
        }

        public Map<String, String> narratives() {
            return ordered("address", address, "supportWanted", supportWanted);
        }

        public void load(ReferralPackage content) {
            var subject = content.subject();
            name = shown(subject.name());
            dateOfBirth = DateInput.of(subject.dateOfBirth());
            gender = subject.gender();
            nationality = shown(subject.nationality());
            interpreterLanguage = shown(subject.interpreterLanguage());
            phone = shown(subject.phone());
            email = shown(subject.email());
            address = shown(subject.address());
            supportWanted = shown(subject.supportWanted());
        }

        public void applyTo(PackageParts parts, Errors errors) {
            LocalDate born = dateOfBirth.isBlank() ? null
                    : Moment.date(dateOfBirth, errors, "dateOfBirth", "referrals.dateOfBirth.invalid");
            if (!errors.hasErrors()) {
                parts.subject = new ReferralPackage.Subject(name, born, gender, nationality, interpreterLanguage,
                        phone, email, address, supportWanted);
            }
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = shown(name); }
        public DateInput getDateOfBirth() { return dateOfBirth; }
        public void setDateOfBirth(DateInput dateOfBirth) { this.dateOfBirth = dateOfBirth == null ? new DateInput() : dateOfBirth; }
        public Gender getGender() { return gender; }
        public void setGender(Gender gender) { this.gender = gender; }
        public String getNationality() { return nationality; }
        public void setNationality(String nationality) { this.nationality = shown(nationality); }
        public String getInterpreterLanguage() { return interpreterLanguage; }
        public void setInterpreterLanguage(String interpreterLanguage) { this.interpreterLanguage = shown(interpreterLanguage); }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = shown(phone); }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = shown(email); }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = shown(address); }
        public String getSupportWanted() { return supportWanted; }
        public void setSupportWanted(String supportWanted) { this.supportWanted = shown(supportWanted); }
    }

    /** The anonymous report: no name, no contact details. */
    static class DutyToNotify extends SectionForm {
        private Gender gender;
        private String nationality = "";
        private String reasonNoConsent = "";

        public List<String> fields() {
            return List.of("gender", "nationality", "reasonNoConsent");
        }

        public Map<String, String> narratives() {
            return ordered("reasonNoConsent", reasonNoConsent);
        }

        public void load(ReferralPackage content) {
            gender = content.dutyToNotify().gender();
            nationality = shown(content.dutyToNotify().nationality());
            reasonNoConsent = shown(content.dutyToNotify().reasonNoConsent());
        }

        public void applyTo(PackageParts parts, Errors errors) {
            parts.dutyToNotify = new ReferralPackage.DutyToNotify(gender, nationality, reasonNoConsent);
        }

        public Gender getGender() { return gender; }
        public void setGender(Gender gender) { this.gender = gender; }
        public String getNationality() { return nationality; }
        public void setNationality(String nationality) { this.nationality = shown(nationality); }
        public String getReasonNoConsent() { return reasonNoConsent; }
        public void setReasonNoConsent(String reasonNoConsent) { this.reasonNoConsent = shown(reasonNoConsent); }
    }

    static class LocalAuthority extends SectionForm {
        private String name = "";
        private String contact = "";

        public List<String> fields() {
            return List.of("name", "contact");
        }

        public void load(ReferralPackage content) {
            name = shown(content.localAuthority().name());
            contact = shown(content.localAuthority().contact());
        }

        public void applyTo(PackageParts parts, Errors errors) {
            parts.localAuthority = new ReferralPackage.LocalAuthority(name, contact);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = shown(name); }
        public String getContact() { return contact; }
        public void setContact(String contact) { this.contact = shown(contact); }
    }
}
