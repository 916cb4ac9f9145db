package org.waymark.subjectaccess;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/**
 * Events of subject access, recorded in the audit log: each search (the name only as a digest)
 * and each record disclosed to the person, with the request's reference.
 */
public final class SubjectAccessEvents {

    static final String SUBJECT_ACCESS = "SUBJECT_ACCESS";

    private SubjectAccessEvents() {
    }

    /**
     * A search for the records about a person. The detail holds a digest of the name as typed
     * (lower case, without accents), never the name: the log is kept for years after the records
     * themselves are disposed of, and may be searched for nobody held in Waymark at all. The same
     * name typed again gives the same digest, so a search can still be traced.
     */
    public record Searched(String nameDigest, boolean dateOfBirthGiven, boolean nationalityGiven, int found,
            Actor actor) implements Auditable {
        public String action() { return "SUBJECT_ACCESS_SEARCHED"; }
        public String recordType() { return SUBJECT_ACCESS; }
        public String recordId() { return null; }
        public String detail() {
            return "name digest " + nameDigest + (dateOfBirthGiven ? " with date of birth" : "")
                    + (nationalityGiven ? " with nationality" : "") + "; records found: " + found;
        }
    }

    /** A record disclosed to the person it is about, in answer to the request {@code reference}. */
    public record Disclosed(String recordType, String recordId, String reference, Actor actor) implements Auditable {
        public String action() { return "SUBJECT_ACCESS_DISCLOSED"; }
        public String detail() { return "disclosed to the data subject under request " + reference; }
    }

    /** The export made for a request: how many records went to the person. */
    public record Exported(String reference, int records, Actor actor) implements Auditable {
        public String action() { return "SUBJECT_ACCESS_EXPORTED"; }
        public String recordType() { return SUBJECT_ACCESS; }
        public String recordId() { return reference; }
        public String detail() { return "records disclosed: " + records; }
    }
}
