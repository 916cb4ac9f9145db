package org.waymark.screening.review;

import java.util.List;
import java.util.UUID;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/**
 * What the review writes to the audit log: every hit and request shown (a read of a person's
 * data, with the purpose stated where one is asked), every decision and every result.
 */
final class ReviewEvents {

    static final String HIT = "SCREENING_HIT";
    static final String REQUEST = "ENGAGEMENT_REQUEST";

    private ReviewEvents() {
    }

    /** An operation's review queue: one entry for each hit shown. */
    record HitsListed(List<UUID> hits, String detail, Actor actor) implements Auditable {
        public String action() { return "HITS_LISTED"; }
        public String recordType() { return HIT; }
        public String recordId() { return hits.isEmpty() ? null : hits.get(0).toString(); }
        public List<String> recordIds() { return hits.stream().map(UUID::toString).toList(); }
    }

    /** One hit opened, with the purpose stated. */
    record HitRead(UUID hit, String detail, Actor actor) implements Auditable {
        public String action() { return "HIT_READ"; }
        public String recordType() { return HIT; }
        public String recordId() { return hit.toString(); }
    }

    /** A reviewer decided; the detail is the status it took. */
    record HitDecided(UUID hit, String detail, Actor actor) implements Auditable {
        public String action() { return "HIT_DECIDED"; }
        public String recordType() { return HIT; }
        public String recordId() { return hit.toString(); }
    }

    /** Officers were asked to speak with the passenger: the request shows them what they need. */
    record EngagementRequested(UUID request, Actor actor) implements Auditable {
        public String action() { return "ENGAGEMENT_REQUESTED"; }
        public String recordType() { return REQUEST; }
        public String recordId() { return request.toString(); }
    }

    /** Requests shown to an officer or a coordinator: one entry for each. */
    record RequestsRead(List<UUID> requests, Actor actor) implements Auditable {
        public String action() { return "ENGAGEMENT_REQUESTS_READ"; }
        public String recordType() { return REQUEST; }
        public String recordId() { return requests.isEmpty() ? null : requests.get(0).toString(); }
        public List<String> recordIds() { return requests.stream().map(UUID::toString).toList(); }
    }

    /** An officer recorded what came of a request; the detail is the result. */
    record ResultRecorded(UUID request, String detail, Actor actor) implements Auditable {
        public String action() { return "ENGAGEMENT_RESULT_RECORDED"; }
        public String recordType() { return REQUEST; }
        public String recordId() { return request.toString(); }
    }
}
