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

    /**
     * An administrator gave the user passenger data access: the detail is the reason they gave,
     * such as the user's work and who authorised it.
     */
    public record PassengerDataAccessGiven(UserId userId, String reason, Actor actor) implements Auditable {
        public String action() { return "PASSENGER_DATA_ACCESS_GIVEN"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
        public String detail() { return reason; }
    }

    /** An administrator took passenger data access away from the user. */
    public record PassengerDataAccessRemoved(UserId userId, Actor actor) implements Auditable {
        public String action() { return "PASSENGER_DATA_ACCESS_REMOVED"; }
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

    /** A completed sign-in; the detail says which second factor was used, if any. */
    public record SignedIn(Actor actor, String detail) implements Auditable {
        public SignedIn(Actor actor) {
            this(actor, null);
        }
        public String action() { return "SIGN_IN"; }
        public String recordType() { return "USER"; }
        public String recordId() { return actor.userId().toString(); }
    }

    /** The password was right, and the second factor is still to come. */
    public record PasswordAccepted(Actor actor) implements Auditable {
        public String action() { return "SIGN_IN_PASSWORD_ACCEPTED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return actor.userId().toString(); }
    }

    /** An identity provider signed the person in, and Waymark's second factor is still to come; the detail says which factors the provider used. */
    public record ProviderAccepted(Actor actor, String detail) implements Auditable {
        public String action() { return "SIGN_IN_PROVIDER_ACCEPTED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return actor.userId().toString(); }
    }

    /** A wrong, reused or malformed code from an authenticator app, or a wrong recovery code. */
    public record SecondFactorFailed(Actor actor, String detail) implements Auditable {
        public String action() { return "TWO_FACTOR_FAILED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return actor.userId().toString(); }
        public boolean succeeded() { return false; }
    }

    public record SecondFactorEnrolled(Actor actor) implements Auditable {
        public String action() { return "TWO_FACTOR_ENROLLED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return actor.userId().toString(); }
    }

    /** The code typed to confirm a new authenticator app was not the app's. */
    public record SecondFactorEnrolmentFailed(Actor actor) implements Auditable {
        public String action() { return "TWO_FACTOR_ENROLMENT_FAILED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return actor.userId().toString(); }
        public boolean succeeded() { return false; }
    }

    public record RecoveryCodesRenewed(Actor actor) implements Auditable {
        public String action() { return "RECOVERY_CODES_RENEWED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return actor.userId().toString(); }
    }

    /** A user's second factor was taken away, as when an administrator reset their password. */
    public record SecondFactorRemoved(UserId userId, Actor actor) implements Auditable {
        public String action() { return "TWO_FACTOR_REMOVED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
    }

    /** An administrator gave the user a new password. */
    public record PasswordReset(UserId userId, Actor actor) implements Auditable {
        public String action() { return "PASSWORD_RESET"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
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

    /** A web session ended by its owner or an administrator, or because its user was deactivated. */
    public record SessionEnded(UserId userId, String sessionReference, Actor actor) implements Auditable {
        public String action() { return "SESSION_ENDED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
        public String detail() { return "session " + sessionReference; }
    }

    /** An administrator mapped an identity provider; the detail is what it now maps. */
    public record SignInProviderMapped(String provider, AgencyId agencyId, String detail, Actor actor)
            implements Auditable {
        public String action() { return "SIGN_IN_PROVIDER_MAPPED"; }
        public String recordType() { return "SIGN_IN_PROVIDER"; }
        public String recordId() { return provider; }
    }

    /** An account made at a person's first sign-in with a provider, or a machine client's first call. */
    public record UserCreatedByProvider(UserId userId, String detail, Actor actor) implements Auditable {
        public String action() { return "USER_CREATED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
    }

    /** A local account linked to the provider that signed its person in with the same email. */
    public record AccountLinkedToProvider(UserId userId, String provider, Actor actor) implements Auditable {
        public String action() { return "ACCOUNT_LINKED_TO_PROVIDER"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
        public String detail() { return provider; }
    }

    /** A provider's claims changed the account: its roles, agency, name or email. */
    public record AccountFollowedProvider(UserId userId, String detail, Actor actor) implements Auditable {
        public String action() { return "USER_UPDATED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
    }

    /** An administrator approved an account made at a first sign-in with a provider. */
    public record UserApproved(UserId userId, Actor actor) implements Auditable {
        public String action() { return "USER_APPROVED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId.toString(); }
    }

    /** A sign-in with a provider that Waymark refused; the detail says why. */
    public record ProviderSignInRefused(Actor actor, String detail) implements Auditable {
        public String action() { return "SIGN_IN_FAILED"; }
        public String recordType() { return "USER"; }
        public String recordId() { return actor == null ? null : actor.userId().toString(); }
        public boolean succeeded() { return false; }
    }

    /** A provider said, through back-channel logout, that the person signed out there. */
    public record SignedOutByProvider(UserId userId, String detail) implements Auditable {
        public Actor actor() { return null; }
        public String action() { return "SIGNED_OUT_BY_PROVIDER"; }
        public String recordType() { return "USER"; }
        public String recordId() { return userId == null ? null : userId.toString(); }
    }

    /** A call of the API by a provider's machine client: the detail is the request and its answer's status. */
    public record ClientCalled(Actor actor, String client, String detail) implements Auditable {
        public String action() { return "API_CALL"; }
        public String recordType() { return "API_CLIENT"; }
        public String recordId() { return client; }
    }
}
