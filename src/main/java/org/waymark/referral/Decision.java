package org.waymark.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A Home Office decision on a referral, or a request to reconsider one ({@code result} null). */
@Table("referral_decision")
record Decision(@Column("decision_type") DecisionType type, @Column("decision_result") DecisionResult result, LocalDate decidedOn, Instant recordedAt, UUID recordedBy) {

    boolean reconsideration() {
        return result == null;
    }
}
