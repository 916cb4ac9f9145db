package org.waymark.subjectaccess.web;

import java.util.ArrayList;
import java.util.List;

import org.waymark.shared.DateInput;

/** The search for a person's records, and the records chosen from it for the export. */
public class SubjectAccessForm {

    private String name = "";
    private DateInput dateOfBirth = new DateInput();
    private String nationality = "";
    private List<String> records = new ArrayList<>();
    private String reference = "";
    private boolean hold;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public DateInput getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(DateInput dateOfBirth) { this.dateOfBirth = dateOfBirth; }
    public String getNationality() { return nationality; }
    public void setNationality(String nationality) { this.nationality = nationality; }
    public List<String> getRecords() { return records; }
    public void setRecords(List<String> records) { this.records = records; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public boolean isHold() { return hold; }
    public void setHold(boolean hold) { this.hold = hold; }
}
