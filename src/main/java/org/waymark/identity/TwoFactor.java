package org.waymark.identity;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.documents.QrCodes;
import org.waymark.identity.IdentityEvents.AccountLocked;
import org.waymark.identity.IdentityEvents.RecoveryCodesRenewed;
import org.waymark.identity.IdentityEvents.SecondFactorEnrolled;
import org.waymark.identity.IdentityEvents.SecondFactorEnrolmentFailed;
import org.waymark.identity.IdentityEvents.SecondFactorFailed;
import org.waymark.identity.IdentityEvents.SecondFactorRemoved;
import org.waymark.identity.IdentityEvents.SignedIn;
import org.waymark.shared.Actor;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

/**
 * Two-factor sign-in with an authenticator app: setting one up, checking its codes (or a
 * recovery code in their place) and renewing the recovery codes. Whether it is required is the
 * deployment's choice ({@code waymark.security.two-factor}: required, the default, or off).
 * Five wrong codes in a row lock the account like five wrong passwords.
 */
@Service
@Transactional
public class TwoFactor {

    /** The header that carries the code when a token is asked for through the JSON API. */
    public static final String HEADER = "X-Waymark-OTP";
    static final int MAX_FAILED_CODES = 5;
    /** How many recovery codes a user gets at a time. */
    public static final int RECOVERY_CODES = RecoveryCodes.COUNT;
    static final String ISSUER = "Waymark";

    private static final Logger log = LoggerFactory.getLogger(TwoFactor.class);

    /** What became of a code. */
    public enum Verdict {
        /** The code was right and not used before: the second factor is passed. */
        ACCEPTED,
        /** No code, a wrong one, or one already used. */
        WRONG,
        /** The account is locked, by this code or before it. */
        LOCKED,
        /** The account is deactivated. */
        INACTIVE,
        /** The user has not set up an authenticator app. */
        NOT_ENROLLED
    }

    /** A secret for a new authenticator app, in Base32, and the otpauth URI that its QR code holds. */
    public record NewSecret(String secret, String uri) implements Serializable {

        /** The secret in groups of four, easier to type into an app. */
        public String grouped() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }

        /** The QR code of the URI, as a PNG data URI. */
        public String qrCode() {
            return QrCodes.pngDataUri(uri, 5);
        }
    }

    /** A user's second factor as they see it. */
    public record Status(Instant enrolledAt, int recoveryCodesLeft) {
    }

    /** The outcome of setting up an app: the recovery codes, shown this once, when it worked. */
    public record Enrolment(boolean done, List<String> recoveryCodes) {
    }

    private final SecondFactors factors;
    private final UserAccountRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean required;

    TwoFactor(SecondFactors factors, UserAccountRepository users, ApplicationEventPublisher events, Clock clock,
            @Value("${waymark.security.two-factor:required}") String setting, Environment environment) {
        this.factors = factors;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.required = switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "required" -> true;
            case "off" -> false;
            default -> throw new IllegalStateException(
                    "waymark.security.two-factor (WAYMARK_SECURITY_TWO_FACTOR) must be required or off");
        };
        if (!required && !environment.matchesProfiles("demo")) {
            log.warn("Two-factor sign-in is off: a password alone signs in (waymark.security.two-factor=off)");
        }
    }

    /** Whether everybody must give a code from their authenticator app after their password. */
    public boolean required() {
        return required;
    }

    @Transactional(readOnly = true)
    public boolean enrolled(UserId user) {
        return factors.exists(user);
    }

    @Transactional(readOnly = true)
    public Optional<Status> status(UserId user) {
        return factors.find(user).map(stored -> new Status(stored.enrolledAt(), stored.recoveryCodesLeft()));
    }

    /** A new random secret of 160 bits for the user with this email address; nothing is stored yet. */
    @Transactional(readOnly = true)
    public NewSecret newSecret(String email) {
        String secret = Base32.encode(Totp.newSecret());
        String uri = "otpauth://totp/" + encode(ISSUER + ":" + email) + "?secret=" + secret + "&issuer="
                + encode(ISSUER) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new NewSecret(secret, uri);
    }

    /**
     * Sets up the user's authenticator app if the code typed is the one it shows for the secret;
     * that code counts as used. A wrong code is logged and leaves nothing behind.
     */
    public Enrolment enrol(UserId user, NewSecret secret, String code) {
        UserAccount account = users.findById(user.value()).filter(UserAccount::active)
                .orElseThrow(() -> new NotFoundException("user", user));
        Actor actor = new Actor(account.id(), account.agencyId());
        if (factors.exists(user)) {
            throw new ConflictException("twoFactor.enrol.already", "code");
        }
        byte[] key = Base32.decode(secret.secret());
        if (key.length != Totp.SECRET_BYTES) {
            throw new RuleViolationException("twoFactor.enrol.wrong", "code");
        }
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(key, digits(code), now);
        if (step.isEmpty()) {
            events.publishEvent(new SecondFactorEnrolmentFailed(actor));
            return new Enrolment(false, List.of());
        }
        List<String> codes = RecoveryCodes.generate();
        factors.add(user, Base32.encode(key), now, step.getAsLong(), hashes(user, codes));
        events.publishEvent(new SecondFactorEnrolled(actor));
        events.publishEvent(new SignedIn(actor, "second factor: authenticator app set up"));
        return new Enrolment(true, codes);
    }

    /**
     * Checks the code of the user's authenticator app, or one of their recovery codes, at sign-in.
     * A right code is used up. Every outcome is logged; a code that is wrong or used before counts
     * towards the lock-out, and the fifth in a row locks the account for 15 minutes.
     */
    public Verdict verify(UserId user, String typed) {
        UserAccount account = users.findById(user.value()).orElse(null);
        if (account == null || !account.active()) {
            return Verdict.INACTIVE;
        }
        Actor actor = new Actor(account.id(), account.agencyId());
        Instant now = clock.instant();
        if (account.isLocked(now)) {
            return Verdict.LOCKED;
        }
        Optional<SecondFactors.Stored> stored = factors.find(user);
        if (stored.isEmpty()) {
            return Verdict.NOT_ENROLLED;
        }
        String digits = digits(typed);
        String recoveryCode = RecoveryCodes.normalise(typed);
        if (!digits.matches("\\d{" + Totp.DIGITS + "}") && recoveryCode == null) {
            events.publishEvent(new SecondFactorFailed(actor, digits.isEmpty() ? "no code" : "not a code"));
            return Verdict.WRONG;
        }
        String kind = recoveryCode == null ? "authenticator app" : "recovery code";
        boolean accepted;
        if (recoveryCode == null) {
            OptionalLong step = Totp.matchingStep(Base32.decode(stored.get().secret()), digits, now);
            accepted = step.isPresent() && factors.useStep(user, step.getAsLong());
        } else {
            accepted = factors.useRecoveryCode(user, RecoveryCodes.hash(user, recoveryCode), now);
        }
        if (accepted) {
            events.publishEvent(new SignedIn(actor, "second factor: " + kind));
            return Verdict.ACCEPTED;
        }
        events.publishEvent(new SecondFactorFailed(actor, kind));
        if (factors.countFailure(user) >= MAX_FAILED_CODES) {
            factors.resetFailures(user);
            account.lockOut(now);
            users.save(account);
            events.publishEvent(new AccountLocked(actor));
            return Verdict.LOCKED;
        }
        return Verdict.WRONG;
    }

    /** New recovery codes for the user, shown this once; the old ones stop working. */
    public List<String> renewRecoveryCodes(UserId user) {
        UserAccount account = users.findById(user.value()).orElseThrow(() -> new NotFoundException("user", user));
        if (!factors.exists(user)) {
            throw new RuleViolationException("twoFactor.recoveryCodes.notEnrolled", null);
        }
        List<String> codes = RecoveryCodes.generate();
        factors.replaceRecoveryCodes(user, hashes(user, codes));
        events.publishEvent(new RecoveryCodesRenewed(new Actor(account.id(), account.agencyId())));
        return codes;
    }

    /** Forgets the user's authenticator app and recovery codes: they set up an app again at their next sign-in. */
    void remove(UserId user, Actor actor) {
        if (factors.remove(user)) {
            events.publishEvent(new SecondFactorRemoved(user, actor));
        }
    }

    private static String digits(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s", "");
    }

    private static List<String> hashes(UserId user, List<String> codes) {
        return codes.stream().map(code -> RecoveryCodes.hash(user, RecoveryCodes.normalise(code))).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
