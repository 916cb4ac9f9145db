package org.waymark.safeguarding;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.waymark.shared.CountryCode;
import org.waymark.shared.LanguageCode;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

/**
 * The person in a check, recorded as minimally as the outcome allows: every field may stay
 * empty except whether they are under 18. Fields are named as in the API ({@code person.age}).
 *
 * @param name name or alias as given
 * @param nameNotGiven the person did not give a name (then {@code name} is empty)
 * @param travellingWith how many people they travel with; {@code travellingWithRelationship}
 *        as they state it
 */
public record Person(String name, boolean nameNotGiven, Integer age, LocalDate dateOfBirth, Under18 under18,
        Gender gender, CountryCode nationality, Set<LanguageCode> languages, LanguageCode interpreterLanguage,
        InterpreterMode interpreterMode, Integer travellingWith, String travellingWithRelationship,
        String finalDestination) {

    public static final int MAX_NAME = 120;
    public static final int MAX_RELATIONSHIP = 120;
    public static final int MAX_DESTINATION = 200;
    public static final int MAX_AGE = 120;
    public static final int MAX_COMPANIONS = 99;
    static final int ADULT = 18;

    public Person {
        name = PlainText.typed(name);
        travellingWithRelationship = PlainText.typed(travellingWithRelationship);
        finalDestination = PlainText.typed(finalDestination);
        PlainText.check(name, MAX_NAME, "check.person.name.tooLong", "person.name");
        PlainText.check(travellingWithRelationship, MAX_RELATIONSHIP, "check.person.relationship.tooLong",
                "person.travellingWithRelationship");
        PlainText.check(finalDestination, MAX_DESTINATION, "check.person.destination.tooLong",
                "person.finalDestination");
        if (name != null && nameNotGiven) {
            throw new RuleViolationException("check.person.name.notGivenAndGiven", "person.name");
        }
        if (under18 == null) {
            throw new RuleViolationException("check.person.under18.required", "person.under18");
        }
        if (age != null && (age < 0 || age > MAX_AGE)) {
            throw new RuleViolationException("check.person.age.range", "person.age");
        }
        if (age != null && (age < ADULT ? under18 == Under18.NO : under18 == Under18.YES)) {
            throw new RuleViolationException("check.person.under18.contradictsAge", "person.under18");
        }
        if (travellingWith != null && (travellingWith < 0 || travellingWith > MAX_COMPANIONS)) {
            throw new RuleViolationException("check.person.travellingWith.range", "person.travellingWith");
        }
        if (travellingWithRelationship != null && travellingWith != null && travellingWith == 0) {
            throw new RuleViolationException("check.person.relationship.alone", "person.travellingWithRelationship");
        }
        if (interpreterMode != null && interpreterLanguage == null) {
            throw new RuleViolationException("check.person.interpreterLanguage.required",
                    "person.interpreterLanguage");
        }
        languages = languages == null ? Set.of() : Set.copyOf(languages);
    }

    /**
     * The person as typed on a form or sent in JSON, with codes as text: an unknown country or
     * language is a rule violation against its field.
     */
    public static Person typed(String name, boolean nameNotGiven, Integer age, LocalDate dateOfBirth,
            Under18 under18, Gender gender, String nationality, Collection<String> languages,
            String interpreterLanguage, InterpreterMode interpreterMode, Integer travellingWith,
            String travellingWithRelationship, String finalDestination) {
        CountryCode country = null;
        if (nationality != null && !nationality.isBlank()) {
            String code = nationality.strip().toUpperCase(Locale.ROOT);
            if (!CountryCode.isValid(code)) {
                throw new RuleViolationException("check.person.nationality.unknown", "person.nationality");
            }
            country = new CountryCode(code);
        }
        Set<LanguageCode> spoken = new HashSet<>();
        for (String language : languages == null ? List.<String>of() : languages) {
            spoken.add(LanguageCode.of(language, "check.person.languages.unknown", "person.languages"));
        }
        LanguageCode interpreter = interpreterLanguage == null || interpreterLanguage.isBlank() ? null
                : LanguageCode.of(interpreterLanguage, "check.person.interpreterLanguage.unknown",
                        "person.interpreterLanguage");
        return new Person(name, nameNotGiven, age, dateOfBirth, under18, gender, country, spoken, interpreter,
                interpreterMode, travellingWith, travellingWithRelationship, finalDestination);
    }

    /** A person of whom only the answer to "under 18?" is known yet. */
    public static Person unknown(Under18 under18) {
        return new Person(null, false, null, null, under18, null, null, Set.of(), null, null, null, null, null);
    }

    /** Checks what needs today's date: a date of birth in the past that agrees with "under 18?". */
    void checkAgainst(LocalDate today) {
        if (dateOfBirth == null) {
            return;
        }
        if (dateOfBirth.isAfter(today) || dateOfBirth.isBefore(today.minusYears(MAX_AGE))) {
            throw new RuleViolationException("check.person.dateOfBirth.range", "person.dateOfBirth");
        }
        int years = Period.between(dateOfBirth, today).getYears();
        if (years < ADULT ? under18 == Under18.NO : under18 == Under18.YES) {
            throw new RuleViolationException("check.person.under18.contradictsDateOfBirth", "person.under18");
        }
        if (age != null && age != years) {
            throw new RuleViolationException("check.person.age.contradictsDateOfBirth", "person.age");
        }
    }

    /**
     * Whether the law treats the person as a child: under 18, or not sure. (An age or date of
     * birth under 18 cannot be recorded with "no", so this answer decides.)
     */
    public boolean treatedAsChild() {
        return under18 != Under18.NO;
    }

    /** The languages in alphabetical order of their codes, for pages and answers. */
    public Set<String> languageCodes() {
        Set<String> codes = new TreeSet<>();
        languages.forEach(language -> codes.add(language.value()));
        return codes;
    }

}
