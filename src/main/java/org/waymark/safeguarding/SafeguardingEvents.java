package org.waymark.safeguarding;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.waymark.shared.Actor;
import org.waymark.shared.AgencyId;
import org.waymark.shared.Auditable;
import org.waymark.shared.OperationId;
import org.waymark.shared.UserId;

/**
 * Events of the safeguarding module, recorded in the audit log: every start, change, read
 * (refused reads too) and closing of a check, and every request to a partner, which discloses
 * part of the check to that agency. They carry identifiers, never the person's details.
 */
public final class SafeguardingEvents {

    private SafeguardingEvents() {
    }

    public record CheckStarted(UUID checkId, Actor actor) implements Auditable {
        public String action() { return "CHECK_STARTED"; }
        public String recordType() { return "ENHANCED_CHECK"; }
        public String recordId() { return checkId.toString(); }
    }

    /**
     * A part of the check changed: {@code PERSON}, {@code CATEGORY}, {@code INDICATORS},
     * {@code ACCOUNT}, {@code ADVICE}. A correction names the fields it changed (by their names in
     * the API) but never their values, which would copy the person's details into the log.
     */
    public record CheckChanged(UUID checkId, String part, List<String> fields, Actor actor) implements Auditable {
        public CheckChanged {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        public CheckChanged(UUID checkId, String part, Actor actor) {
            this(checkId, part, List.of(), actor);
        }

        public String action() { return "CHECK_CHANGED"; }
        public String recordType() { return "ENHANCED_CHECK"; }
        public String recordId() { return checkId.toString(); }
        public String detail() { return fields.isEmpty() ? part : part + " fields changed: " + String.join(" ", fields); }
    }

    /** A check was shown: {@code FULL}, or the {@code PARTNER_VIEW} of a support request. */
    public record CheckRead(UUID checkId, String part, Actor actor, boolean succeeded) implements Auditable {
        public String action() { return "CHECK_READ"; }
        public String recordType() { return "ENHANCED_CHECK"; }
        public String recordId() { return checkId.toString(); }
        public String detail() { return part; }
    }

    public record CheckClosed(UUID checkId, Actor actor) implements Auditable {
        public String action() { return "CHECK_CLOSED"; }
        public String recordType() { return "ENHANCED_CHECK"; }
        public String recordId() { return checkId.toString(); }
    }

    /**
     * A closed check's outcome corrected: what it was, what it became, and why (an
     * {@link OutcomeCorrection}); the actor is who corrected it.
     */
    public record OutcomeCorrected(UUID checkId, Set<Outcome> before, Set<Outcome> after, OutcomeCorrection why,
            Actor actor) implements Auditable {
        public OutcomeCorrected {
            before = Set.copyOf(before);
            after = Set.copyOf(after);
        }

        public String action() { return "CHECK_OUTCOME_CORRECTED"; }
        public String recordType() { return "ENHANCED_CHECK"; }
        public String recordId() { return checkId.toString(); }
        public String detail() { return why + ": " + names(before) + " corrected to " + names(after); }

        private static String names(Set<Outcome> outcomes) {
            return outcomes.stream().map(Outcome::name).sorted().collect(java.util.stream.Collectors.joining(" "));
        }
    }

    /** Support asked of a partner agency: the part of the check the visit needs is disclosed to it. */
    public record SupportRequested(UUID requestId, UUID checkId, OperationId operationId, AgencyId agencyId,
            SupportKind kind, Actor actor) implements Auditable {
        public String action() { return "SUPPORT_REQUESTED"; }
        public String recordType() { return "SUPPORT_REQUEST"; }
        public String recordId() { return requestId.toString(); }
        public String detail() { return kind + " from agency " + agencyId + " for check " + checkId; }
        public String disclosedTo() { return "agency:" + agencyId.value(); }
    }

    public record SupportRequestProgressed(UUID requestId, SupportStatus status, Actor actor) implements Auditable {
        public String action() { return "SUPPORT_" + status; }
        public String recordType() { return "SUPPORT_REQUEST"; }
        public String recordId() { return requestId.toString(); }
    }

    /** The partner said when they expect to arrive. */
    public record SupportArrivalExpected(UUID requestId, Actor actor) implements Auditable {
        public String action() { return "SUPPORT_ARRIVAL_EXPECTED"; }
        public String recordType() { return "SUPPORT_REQUEST"; }
        public String recordId() { return requestId.toString(); }
    }

    /**
     * The partner agency cannot come: the officer who asked and the lead agency's coordinators
     * are told. The reason stays with the request.
     */
    public record SupportDeclined(UUID requestId, UUID checkId, OperationId operationId, AgencyId agencyId,
            SupportKind kind, UserId requestedBy, Actor actor) implements Auditable {
        public String action() { return "SUPPORT_DECLINED"; }
        public String recordType() { return "SUPPORT_REQUEST"; }
        public String recordId() { return requestId.toString(); }
        public String detail() { return kind + " declined by agency " + agencyId + " for check " + checkId; }
    }

    public record IndicatorCatalogueChanged(String code, String action, Actor actor) implements Auditable {
        public String recordType() { return "INDICATOR"; }
        public String recordId() { return code; }
    }
}
