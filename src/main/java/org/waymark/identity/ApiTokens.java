package org.waymark.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.IdentityEvents.ApiTokenCreated;
import org.waymark.identity.IdentityEvents.ApiTokenRevoked;
import org.waymark.shared.Actor;
import org.waymark.shared.AgencyId;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;

/** Issues, checks and revokes bearer tokens for the JSON API. */
@Service
public class ApiTokens {

    public static final int MAX_DAYS = 365;
    public static final int MAX_LABEL = 80;
    private static final String PREFIX = "wmk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How often the use of a token is written down: the hour is precise enough to spot unused accounts. */
    static final Duration USE_RECORDED_EVERY = Duration.ofHours(1);

    private final ApiTokenRepository tokens;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TwoFactor twoFactor;
    private final int defaultDays;

    ApiTokens(ApiTokenRepository tokens, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            TwoFactor twoFactor, @Value("${waymark.tokens.default-days:30}") int defaultDays) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.twoFactor = twoFactor;
        this.defaultDays = defaultDays;
    }

    /** A token just made: the only time its value is known. */
    public record IssuedToken(String token, Instant expiresAt, ApiTokenSummary summary) {
    }

    /** Why a presented token is refused. */
    public enum Refusal {
        /** Unknown, expired or revoked, or its user is inactive. */
        NOT_VALID,
        /** Issued with a password alone while two-factor sign-in was off; it is required now. */
        NO_SECOND_FACTOR
    }

    /** A presented token: the user it acts for, or (user null) why it is refused. */
    public record Bearer(WaymarkUser user, Refusal refusal) {

        static Bearer refused(Refusal refusal) {
            return new Bearer(null, refusal);
        }
    }

    public int defaultDays() {
        return defaultDays;
    }

    /**
     * Issues a token to the user; {@code days} null means the default lifetime. Where two-factor
     * sign-in is required nobody gets this far without a second factor (the API asks for the
     * code, the pages for a session signed in with it), so the token is marked as issued with one.
     */
    @Transactional
    public IssuedToken issue(WaymarkUser user, String label, Integer days) {
        int lifetime = days == null ? defaultDays : days;
        if (lifetime < 1 || lifetime > MAX_DAYS) {
            throw new RuleViolationException("token.days.range", "days");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        String name = label == null || label.isBlank() ? "API token" : label.strip();
        PlainText.check(name, MAX_LABEL, "token.label.tooLong", "label");
        ApiToken saved = tokens.save(ApiToken.issue(user.id(), name, hash(token), now,
                now.plus(Duration.ofDays(lifetime)), twoFactor.required()));
        events.publishEvent(new ApiTokenCreated(saved.id(), user.actor()));
        ApiTokenSummary summary = saved.summary(now, twoFactor.required());
        return new IssuedToken(token, summary.expiresAt(), summary);
    }

    /**
     * The user a presented token acts for, if the token is known, current and its user active,
     * and, where two-factor sign-in is required, it was issued after a second factor. One query,
     * outside any transaction (not even an empty one: every API request pays for it). The use is
     * recorded on the token and as the user's last sign-in, at most once an hour, so that most
     * requests write nothing. A lock-out does not stop a token: it stops new sign-ins only.
     */
    public Bearer authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Bearer.refused(Refusal.NOT_VALID);
        }
        Instant now = clock.instant();
        List<TokenHolder> rows = jdbc.sql("""
                SELECT t.id AS token_id, t.last_used_at, t.second_factor, u.id, u.agency_id, u.name, u.email,
                       u.locked_until, u.last_sign_in_at, r.role
                FROM api_token t
                JOIN user_account u ON u.id = t.user_id
                LEFT JOIN user_account_role r ON r.user_account_id = u.id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.active""")
                .param("hash", hash(token)).param("now", Timestamp.from(now))
                .query((rs, row) -> new TokenHolder(rs.getObject("token_id", UUID.class),
                        rs.getTimestamp("last_used_at"), rs.getBoolean("second_factor"), rs.getObject("id", UUID.class),
                        rs.getObject("agency_id", UUID.class), rs.getString("name"), rs.getString("email"),
                        rs.getTimestamp("locked_until"), rs.getTimestamp("last_sign_in_at"), rs.getString("role")))
                .list();
        if (rows.isEmpty()) {
            return Bearer.refused(Refusal.NOT_VALID);
        }
        TokenHolder user = rows.get(0);
        Set<Role> roles = rows.stream().map(TokenHolder::role).filter(Objects::nonNull).map(Role::valueOf)
                .collect(Collectors.toSet());
        if (twoFactor.required() && !user.secondFactor() && !Role.machine(roles)) {
            return Bearer.refused(Refusal.NO_SECOND_FACTOR);
        }
        recordUse(user, now);
        boolean locked = user.lockedUntil() != null && now.isBefore(user.lockedUntil().toInstant());
        return new Bearer(new WaymarkUser(new UserId(user.id()), new AgencyId(user.agencyId()), user.name(),
                user.email(), roles, null, true, !locked, null), null);
    }

    private void recordUse(TokenHolder holder, Instant now) {
        Timestamp staleBefore = Timestamp.from(now.minus(USE_RECORDED_EVERY));
        if (holder.lastUsedAt() == null || holder.lastUsedAt().before(staleBefore)) {
            jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now)).param("id", holder.tokenId()).update();
        }
        if (holder.lastSignInAt() == null || holder.lastSignInAt().before(staleBefore)) {
            jdbc.sql("""
                    UPDATE user_account SET last_sign_in_at = :now
                    WHERE id = :id AND (last_sign_in_at IS NULL OR last_sign_in_at < :now)""")
                    .param("now", Timestamp.from(now)).param("id", holder.id()).update();
        }
    }

    private record TokenHolder(UUID tokenId, Timestamp lastUsedAt, boolean secondFactor, UUID id, UUID agencyId,
            String name, String email, Timestamp lockedUntil, Timestamp lastSignInAt, String role) {
    }

    @Transactional(readOnly = true)
    public List<ApiTokenSummary> of(WaymarkUser user) {
        return of(user.id());
    }

    /** The user's tokens, newest first, with those revoked, expired or refused for want of a second factor. */
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> of(UserId user) {
        Instant now = clock.instant();
        boolean secondFactorRequired = twoFactor.required();
        return tokens.findByUserIdOrderByCreatedAtDesc(user.value()).stream()
                .map(token -> token.summary(now, secondFactorRequired)).toList();
    }

    /** Revokes one of the user's own tokens. */
    @Transactional
    public void revoke(WaymarkUser user, UUID tokenId) {
        revoke(user.id(), tokenId, user.actor());
    }

    /**
     * Revokes one of the owner's tokens, as the owner or an administrator; returns false when it
     * no longer worked anyway. A token of somebody else is not found.
     */
    @Transactional
    public boolean revoke(UserId owner, UUID tokenId, Actor actor) {
        ApiToken token = tokens.findById(tokenId).filter(found -> found.userId().equals(owner))
                .orElseThrow(() -> new NotFoundException("token", tokenId));
        if (!token.revoke(clock.instant())) {
            return false;
        }
        tokens.save(token);
        events.publishEvent(new ApiTokenRevoked(tokenId, actor));
        return true;
    }

    /** Revokes every token of the owner that still works; returns how many. */
    @Transactional
    public int revokeAll(UserId owner, Actor actor) {
        Instant now = clock.instant();
        int revoked = 0;
        for (ApiToken token : tokens.findByUserIdOrderByCreatedAtDesc(owner.value())) {
            if (token.revoke(now)) {
                tokens.save(token);
                events.publishEvent(new ApiTokenRevoked(token.id(), actor));
                revoked++;
            }
        }
        return revoked;
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
