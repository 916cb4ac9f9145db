package org.waymark.identity;

import org.waymark.shared.Actor;
import org.waymark.shared.AgencyId;
import org.waymark.shared.Auditable;
import org.waymark.shared.UserId;

/** Events of the identity module: all of them are written to the audit log. */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    public record AgencyCreated(AgencyId agencyId, Actor actor) implements Auditable {
        public String action() { return "AGENCY_CREATED"; }
        public String recordType() { return "AGENCY"; }
        public String recordId() { return agencyId.toString(); }
    }

    public record AgencyUpdated(AgencyId agencyId, Actor actor) implements Auditable {
        public String action() { return "AGENCY_UPDATED"; }
        public String recordType() { return "AGENCY"; }
        public String recordId() { return agencyId.toString(); }
    }

    public record UserCreated(UserId userId, Actor actor) implements Auditable {
        public String action() { return "USER_CREATED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
    }

    public record UserUpdated(UserId userId, Actor actor) implements Auditable {
        public String action() { return "USER_UPDATED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
    }

    public record UserDeactivated(UserId userId, Actor actor) implements Auditable {
        public String action() { return "USER_DEACTIVATED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
    }

    public record PasswordChanged(UserId userId, Actor actor) implements Auditable {
        public String action() { return "PASSWORD_CHANGED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
    }

    public record PasswordChangeFailed(UserId userId, Actor actor) implements Auditable {
        public String action() { return "PASSWORD_CHANGE_FAILED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
        public boolean succeeded() { return false; }
    }

    public record SignedIn(Actor actor) implements Auditable {
        public String action() { return "SIGN_IN"; }
        public String recordType() { return "USER"; }
        public String recordId() { return actor.userId().toString(); }
    }

    /** A failed sign-in; the user is known only when the email matched an account. */
    public record SignInFailed(Actor actor, String typedEmail) implements Auditable {
        public String action() { return "SIGN_IN_FAILED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return actor == null ? null : actor.userId().toString(); }
        public boolean succeeded() { return false; }
        public String detail() { return typedEmail; }
    }

    public record AccountLocked(Actor actor) implements Auditable {
        public String action() { return "ACCOUNT_LOCKED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return actor.userId().toString(); }
        public boolean succeeded() { return false; }
    }

    public record ApiTokenCreated(java.util.UUID tokenId, Actor actor) implements Auditable {
        public String action() { return "TOKEN_CREATED"; }
        public String recordType() { return "API_TOKEN"; }
        public String recordId() { return tokenId.toString(); }
    }

    public record ApiTokenRevoked(java.util.UUID tokenId, Actor actor) implements Auditable {
        public String action() { return "TOKEN_REVOKED"; }
        public String recordType() { return "API_TOKEN"; }
        public String recordId() { return tokenId.toString(); }
    }
}
