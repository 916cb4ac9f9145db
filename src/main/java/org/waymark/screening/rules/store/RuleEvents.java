package org.waymark.screening.rules.store;

import java.util.UUID;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/** What the audit log records of screening rules: every change, and every back-test, which reads passengers' data. */
public final class RuleEvents {

    private RuleEvents() {
    }

    /** A rule written, with its first version. */
    public record RuleCreated(UUID rule, String detail, Actor actor) implements Auditable {
        public String action() { return "SCREENING_RULE_CREATED"; }
        public String recordType() { return "SCREENING_RULE"; }
        public String recordId() { return rule.toString(); }
    }

    /** A rule edited: a new version written; the detail names it. */
    public record RuleVersionWritten(UUID rule, String detail, Actor actor) implements Auditable {
        public String action() { return "SCREENING_RULE_VERSION_WRITTEN"; }
        public String recordType() { return "SCREENING_RULE"; }
        public String recordId() { return rule.toString(); }
    }

    /** A version enabled by a second person; the detail names the version. */
    public record RuleEnabled(UUID rule, String detail, Actor actor) implements Auditable {
        public String action() { return "SCREENING_RULE_ENABLED"; }
        public String recordType() { return "SCREENING_RULE"; }
        public String recordId() { return rule.toString(); }
    }

    public record RuleDisabled(UUID rule, String detail, Actor actor) implements Auditable {
        public String action() { return "SCREENING_RULE_DISABLED"; }
        public String recordType() { return "SCREENING_RULE"; }
        public String recordId() { return rule.toString(); }
    }

    /**
     * A version run over stored passenger data: a consultation of it, one entry per run, with the
     * version, the days and the reason given as its detail.
     */
    public record RuleBackTested(UUID rule, String detail, Actor actor) implements Auditable {
        public String action() { return "SCREENING_RULE_BACK_TESTED"; }
        public String recordType() { return "SCREENING_RULE"; }
        public String recordId() { return rule.toString(); }
    }

    /** A named group's members changed. */
    public record GroupChanged(String code, String detail, Actor actor) implements Auditable {
        public String action() { return "SCREENING_GROUP_CHANGED"; }
        public String recordType() { return "SCREENING_GROUP"; }
        public String recordId() { return code; }
    }
}
