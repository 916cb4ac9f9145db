package org.waymark.safeguarding.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.validation.Errors;
import org.waymark.safeguarding.CheckView;
import org.waymark.safeguarding.Gender;
import org.waymark.safeguarding.InterpreterMode;
import org.waymark.safeguarding.Person;
import org.waymark.safeguarding.PersonCategory;
import org.waymark.safeguarding.Under18;
import org.waymark.shared.DateInput;
import org.waymark.shared.LanguageCode;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

/**
 * What is known of the person, as typed: numbers as text so that a mistake is shown as typed,
 * the likely languages (and those already recorded) as checkboxes, and one more chosen by name
 * in {@code anotherLanguage}; each language by its ISO 639-1 code, which the page never shows.
 * {@code previousCategory} is the category the form was opened with, so that saving changes
 * the category only when the officer did.
 */
class PersonForm {

    static final String NO_INTERPRETER = "NONE";
    private PersonCategory category;
    private PersonCategory previousCategory;
    private String name = "";
    private boolean nameNotGiven;
    private String age = "";
    private DateInput dateOfBirth = new DateInput();
    private Under18 under18;
    private Gender gender;
    private String nationality = "";
    private Set<String> languages = new LinkedHashSet<>();
    private String anotherLanguage = "";
    private String interpreterLanguage = "";
    /** {@code NONE}, or an {@link InterpreterMode}: "No interpreter" is a choice, so that one can be removed. */
    private String interpreterMode = NO_INTERPRETER;
    private String travellingWith = "";
    private String travellingWithRelationship = "";
    private String finalDestination = "";

    static PersonForm of(CheckView check) {
        PersonForm form = new PersonForm();
        Person person = check.person();
        form.category = check.category();
        form.previousCategory = check.category();
        form.name = person.name() == null ? "" : person.name();
        form.nameNotGiven = person.nameNotGiven();
        form.age = person.age() == null ? "" : String.valueOf(person.age());
        form.dateOfBirth = DateInput.of(person.dateOfBirth());
        form.under18 = person.under18();
        form.gender = person.gender();
        form.nationality = person.nationality() == null ? "" : person.nationality().value();
        form.languages.addAll(person.languageCodes());
        form.interpreterLanguage = person.interpreterLanguage() == null ? "" : person.interpreterLanguage().value();
        form.interpreterMode = person.interpreterMode() == null ? NO_INTERPRETER : person.interpreterMode().name();
        form.travellingWith = person.travellingWith() == null ? "" : String.valueOf(person.travellingWith());
        form.travellingWithRelationship = person.travellingWithRelationship() == null ? ""
                : person.travellingWithRelationship();
        form.finalDestination = person.finalDestination() == null ? "" : person.finalDestination();
        return form;
    }

    /** The person, or null with the reasons added to {@code errors}. */
    Person toPerson(Errors errors) {
        if (category == null && !errors.hasFieldErrors("category")) {
            errors.rejectValue("category", "check.category.required");
        }
        Integer years = number(age, errors, "age", "check.person.age.range");
        LocalDate born = null;
        if (!dateOfBirth.isBlank()) {
            born = dateOfBirth.toLocalDate().orElse(null);
            if (born == null) {
                errors.rejectValue("dateOfBirth", "checks.person.dateOfBirth.invalid");
            }
        }
        if (under18 == null && !errors.hasFieldErrors("under18")) {
            errors.rejectValue("under18", "check.person.under18.required");
        }
        Integer companions = number(travellingWith, errors, "travellingWith",
                "check.person.travellingWith.range");
        List<String> spoken = new ArrayList<>(languages);
        if (!anotherLanguage.isBlank()) {
            if (LanguageCode.isValid(anotherLanguage)) {
                spoken.add(anotherLanguage);
            } else {
                errors.rejectValue("anotherLanguage", "checks.person.anotherLanguage.unknown");
            }
        }
        InterpreterMode mode = null;
        if (!interpreterMode.isBlank() && !interpreterMode.equals(NO_INTERPRETER)) {
            try {
                mode = InterpreterMode.valueOf(interpreterMode);
            } catch (IllegalArgumentException e) {
                errors.rejectValue("interpreterMode", "checks.person.interpreterMode.invalid");
            }
        } else if (!interpreterLanguage.isBlank()) {
            errors.rejectValue("interpreterMode", "checks.person.interpreterMode.required");
        }
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return Person.typed(name, nameNotGiven, years, born, under18, gender, nationality, spoken,
                    interpreterLanguage, mode, companions, travellingWithRelationship,
                    finalDestination);
        } catch (RuleViolationException e) {
            errors.rejectValue(e.field(), e.messageCode());
            return null;
        }
    }

    /** A whole number typed in a box: null when nothing was typed, the rule broken otherwise. */
    private static Integer number(String text, Errors errors, String field, String problem) {
        String typed = PlainText.typed(text);
        if (typed == null) {
            return null;
        }
        if (!typed.matches("-?\\d{1,6}")) {
            errors.rejectValue(field, problem);
            return null;
        }
        return Integer.valueOf(typed);
    }

    public PersonCategory getCategory() {
        return category;
    }

    public void setCategory(PersonCategory category) {
        this.category = category;
    }

    public PersonCategory getPreviousCategory() {
        return previousCategory;
    }

    public void setPreviousCategory(PersonCategory previousCategory) {
        this.previousCategory = previousCategory;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public boolean isNameNotGiven() {
        return nameNotGiven;
    }

    public void setNameNotGiven(boolean nameNotGiven) {
        this.nameNotGiven = nameNotGiven;
    }

    public String getAge() {
        return age;
    }

    public void setAge(String age) {
        this.age = age == null ? "" : age;
    }

    public DateInput getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(DateInput dateOfBirth) {
        this.dateOfBirth = dateOfBirth == null ? new DateInput() : dateOfBirth;
    }

    public Under18 getUnder18() {
        return under18;
    }

    public void setUnder18(Under18 under18) {
        this.under18 = under18;
    }

    public Gender getGender() {
        return gender;
    }

    public void setGender(Gender gender) {
        this.gender = gender;
    }

    public String getNationality() {
        return nationality;
    }

    public void setNationality(String nationality) {
        this.nationality = nationality == null ? "" : nationality;
    }

    public Set<String> getLanguages() {
        return languages;
    }

    public void setLanguages(Set<String> languages) {
        this.languages = languages == null ? new LinkedHashSet<>() : new LinkedHashSet<>(languages);
    }

    public String getAnotherLanguage() {
        return anotherLanguage;
    }

    public void setAnotherLanguage(String anotherLanguage) {
        this.anotherLanguage = anotherLanguage == null ? "" : anotherLanguage;
    }

    public String getInterpreterLanguage() {
        return interpreterLanguage;
    }

    public void setInterpreterLanguage(String interpreterLanguage) {
        this.interpreterLanguage = interpreterLanguage == null ? "" : interpreterLanguage;
    }

    public String getInterpreterMode() {
        return interpreterMode;
    }

    public void setInterpreterMode(String interpreterMode) {
        this.interpreterMode = interpreterMode == null ? "" : interpreterMode;
    }

    public String getTravellingWith() {
        return travellingWith;
    }

    public void setTravellingWith(String travellingWith) {
        this.travellingWith = travellingWith == null ? "" : travellingWith;
    }

    public String getTravellingWithRelationship() {
        return travellingWithRelationship;
    }

    public void setTravellingWithRelationship(String travellingWithRelationship) {
        this.travellingWithRelationship = travellingWithRelationship == null ? "" : travellingWithRelationship;
    }

    public String getFinalDestination() {
        return finalDestination;
    }

    public void setFinalDestination(String finalDestination) {
        this.finalDestination = finalDestination == null ? "" : finalDestination;
    }
}
