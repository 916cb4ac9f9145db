package org.waymark.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.identity.IdentityEvents.AccountFollowedProvider;
import org.waymark.identity.IdentityEvents.ClientCalled;
import org.waymark.identity.IdentityEvents.UserCreatedByProvider;
import org.waymark.identity.ProviderMapping.Kind;
import org.waymark.shared.Actor;
import org.waymark.shared.PlainText;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;

/**
 * A force's or Border Force's system calling the API with a token from its own identity
 * provider (OAuth2 client credentials): a JWT checked against the provider's keys, issuer and
 * Waymark's audience, whose scopes give roles by the provider's mapping. Each client has an
 * account of its own in the provider's agency, made at its first call and named after it, so
 * that the audit log names the client in every entry and an administrator can deactivate it;
 * each call is logged.
 */
@Service
public class MachineClients {

    /** A machine client's account's subject is this and its client id: no person's subject starts so. */
    static final String SUBJECT_PREFIX = "client:";

    private final SignInProviders providers;
    private final ProviderMappings mappings;
    private final UserAccountRepository users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    MachineClients(SignInProviders providers, ProviderMappings mappings, UserAccountRepository users,
            ApplicationEventPublisher events, TransactionTemplate transactions, JdbcClient jdbc, Clock clock) {
        this.providers = providers;
        this.mappings = mappings;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Why a token was refused: not a valid token of a configured provider (401), or it gives no role (403). */
    public enum Refusal {
        NOT_VALID, NO_ROLE
    }

    /** The client's account and name, or why it was refused. */
    public record Caller(WaymarkUser user, String client, Refusal refusal) {

        static Caller refused(Refusal refusal) {
            return new Caller(null, null, refusal);
        }
    }

    /** Whether the bearer token is a JWT (three parts), which only a provider issues: Waymark's own start {@code wmk_}. */
    public static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2 && token.length() < 16_384;
    }

    /** The client calling with this token, checked as the class says. */
    public Caller authenticate(String token) {
        String provider;
        Jwt jwt;
        try {
            provider = providers.byIssuer(JWTParser.parse(token).getJWTClaimsSet().getIssuer()).orElse(null);
            if (provider == null) {
                return Caller.refused(Refusal.NOT_VALID);
            }
            var decoder = providers.clientTokens(provider);
            if (decoder.isEmpty()) {
                return Caller.refused(Refusal.NOT_VALID);
            }
            jwt = decoder.get().decode(token);
            if (!accessToken(JWTParser.parse(token))) {
                return Caller.refused(Refusal.NOT_VALID);
            }
        } catch (ParseException | RuntimeException notValid) {
            // Not a JWT, not signed by the provider for Waymark, out of date, or a provider that does not answer.
            return Caller.refused(Refusal.NOT_VALID);
        }
        String client = clientId(jwt);
        ProviderMapping mapping = mappings.mapping(provider);
        if (client == null || mapping == null) {
            return Caller.refused(client == null ? Refusal.NOT_VALID : Refusal.NO_ROLE);
        }
        Set<Role> roles = mapping.roles(Kind.CLIENT, scopes(jwt.getClaims()));
        roles.retainAll(ProviderMappings.CLIENT_ROLES);
        if (roles.contains(Role.CARRIER_GATEWAY)) {
            // A carrier gateway sends passenger data and holds no other role.
            roles = EnumSet.of(Role.CARRIER_GATEWAY);
        }
        if (roles.isEmpty()) {
            return Caller.refused(Refusal.NO_ROLE);
        }
        Set<Role> given = roles;
        String clientName = client;
        Optional<UserAccount> account;
        try {
            account = transactions.execute(status -> account(provider, clientName, mapping, given));
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException meanwhile) {
            // The same client's first calls at once: another made its account, or changed its roles.
            account = transactions.execute(status -> account(provider, clientName, mapping, given));
        }
        return account.filter(UserAccount::active)
                .map(user -> new Caller(user.principal(clock.instant()), clientName, null))
                .orElseGet(() -> Caller.refused(Refusal.NOT_VALID));
    }

    /** The client's account, made at its first call, its roles and agency following the mapping. */
    private Optional<UserAccount> account(String provider, String client, ProviderMapping mapping, Set<Role> roles) {
        String subject = SUBJECT_PREFIX + client;
        Instant now = clock.instant();
        Optional<UserAccount> found = users.findByProviderAndProviderSubject(provider, subject);
        if (found.isEmpty()) {
            UserAccount made = UserAccount.fromProvider(name(provider, client), email(provider, client),
                    mapping.agencyId(), roles, provider, subject, false, now);
            made.recordSuccessfulSignIn(now);
            users.save(made);
            events.publishEvent(new UserCreatedByProvider(made.id(), "machine client " + client + " of " + provider,
                    new Actor(made.id(), made.agencyId())));
            return Optional.of(made);
        }
        UserAccount account = found.get();
        if (!account.active()) {
            return found;
        }
        if (!account.roles().equals(roles) || !account.agencyId().equals(mapping.agencyId())) {
            account.follow(name(provider, client), account.email(), mapping.agencyId(), roles);
            account.recordSuccessfulSignIn(now);
            users.save(account);
            events.publishEvent(new AccountFollowedProvider(account.id(), "from the scopes of " + client + ": roles "
                    + roles.stream().map(Role::name).sorted().collect(Collectors.joining(" ")),
                    new Actor(account.id(), account.agencyId())));
        } else if (account.lastSignInAt() == null
                || account.lastSignInAt().isBefore(now.minus(ApiTokens.USE_RECORDED_EVERY))) {
            // Its use recorded once an hour, as a token's is, and without its version: calls at once do not clash.
            jdbc.sql("UPDATE user_account SET last_sign_in_at = :now WHERE id = :id")
                    .param("now", java.sql.Timestamp.from(now)).param("id", account.id().value()).update();
        }
        return Optional.of(account);
    }

    /**
     * Whether a token signed by the provider for Waymark is an access token: dated to expire, typed
     * as one (or untyped), and not an ID token (which carries a nonce) nor a logout token (events).
     * Where the deployment's audience is Waymark's client id, as Entra ID's tokens may have it, a
     * person's ID token would otherwise pass for a system's.
     */
    private static boolean accessToken(JWT token) throws ParseException {
        var claims = token.getJWTClaimsSet();
        var type = token.getHeader().getType();
        return claims.getExpirationTime() != null && claims.getClaim("nonce") == null
                && claims.getClaim("events") == null
                && (type == null || List.of("jwt", "at+jwt", "application/at+jwt")
                        .contains(type.getType().toLowerCase(java.util.Locale.ROOT)));
    }

    /** Logs a call of the API by the client: who, what (the method and path, never the query) and its status. */
    public void called(WaymarkUser user, String client, String method, String path, int status) {
        events.publishEvent(new ClientCalled(user.actor(), client, method + " " + path + " " + status));
    }

    /**
     * The client's id: {@code azp} or {@code client_id} as providers put it in client-credentials
     * tokens (Microsoft Entra ID puts {@code azp}), else the subject.
     */
    private static String clientId(Jwt jwt) {
        for (String claim : new String[] { "azp", "client_id", "appid", "sub" }) {
            String value = jwt.getClaimAsString(claim);
            if (value != null && !value.isBlank() && value.length() <= 200 && PlainText.isPlain(value)) {
                return value.strip();
            }
        }
        return null;
    }

    /**
     * The token's scopes: {@code scope} (a string of names apart or a list), {@code scp}, or
     * the application permissions Microsoft Entra ID puts in {@code roles}.
     */
    static Set<String> scopes(Map<String, Object> claims) {
        Set<String> scopes = new java.util.LinkedHashSet<>();
        for (String claim : new String[] { "scope", "scp", "roles" }) {
            for (String value : ProviderSignIn.values(claims.get(claim))) {
                for (String scope : value.split("\\s+")) {
                    if (!scope.isEmpty()) {
                        scopes.add(scope);
                    }
                }
            }
        }
        return scopes;
    }

    private String name(String provider, String client) {
        String name = client + " (system of " + providers.label(provider) + ")";
        return name.length() > UserAccount.MAX_NAME ? name.substring(0, UserAccount.MAX_NAME) : name;
    }

    /** An address nobody can write to (the reserved .invalid), unique to the client, for the email column. */
    private static String email(String provider, String client) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((provider + " " + client).getBytes(StandardCharsets.UTF_8));
            return "client-" + HexFormat.of().formatHex(digest, 0, 10) + "@" + provider + ".invalid";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
