package org.waymark.notification;

import java.util.UUID;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/**
 * Events of the notification module, recorded in the audit log. The emails hold nothing of the
 * person, but each tells its recipient of a support request, so each is logged with to whom it
 * went once the mail server has taken it.
 */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    /** An email ({@code CALL_OUT}, {@code ESCALATION} or {@code DECLINED}) about a support request left Waymark. */
    public record EmailSent(UUID supportRequestId, String purpose, String recipient) implements Auditable {
        /** Sent by Waymark's own job: nobody signed in. */
        public Actor actor() { return null; }
        public String action() { return "EMAIL_SENT"; }
        public String recordType() { return "SUPPORT_REQUEST"; }
        public String recordId() { return supportRequestId == null ? null : supportRequestId.toString(); }
        public String detail() { return purpose; }
        public String disclosedTo() { return "email:" + recipient; }
    }
}
