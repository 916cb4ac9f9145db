package org.waymark.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.IdentityEvents.AccountFollowedProvider;
import org.waymark.identity.IdentityEvents.AccountLinkedToProvider;
import org.waymark.identity.IdentityEvents.ProviderSignInRefused;
import org.waymark.identity.IdentityEvents.UserCreatedByProvider;
import org.waymark.identity.ProviderMapping.Kind;
import org.waymark.shared.Actor;
import org.waymark.shared.PlainText;

/**
 * A person signed in by an identity provider, as Waymark takes them: found by the provider's
 * subject, made at their first sign-in in the provider's agency (waiting for approval where the
 * provider's mapping says so), and given at every sign-in the roles their groups map to. Waymark
 * trusts the provider's word on who the person is and which factors they used, and nothing else:
 * an account deactivated in Waymark stays out whatever the provider says.
 */
@Service
public class ProviderSignIn {

    /** Methods of RFC 8176 by the kind of factor they are: something known, held, or of the body. */
    private static final Map<String, String> FACTOR_KINDS = Map.ofEntries(Map.entry("pwd", "knows"),
            Map.entry("pin", "knows"), Map.entry("kba", "knows"), Map.entry("otp", "has"), Map.entry("hwk", "has"),
            Map.entry("swk", "has"), Map.entry("sc", "has"), Map.entry("sms", "has"), Map.entry("tel", "has"),
            Map.entry("pop", "has"), Map.entry("fpt", "is"), Map.entry("face", "is"), Map.entry("iris", "is"),
            Map.entry("retina", "is"), Map.entry("vbm", "is"));

    private final SignInProviders providers;
    private final ProviderMappings mappings;
    private final UserAccountRepository users;
    private final WebSessions sessions;
    private final ApiTokens tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProviderSignIn(SignInProviders providers, ProviderMappings mappings, UserAccountRepository users,
            WebSessions sessions, ApiTokens tokens, ApplicationEventPublisher events, Clock clock) {
        this.providers = providers;
        this.mappings = mappings;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Who signed in, and whether the provider says they used more than one factor.
     *
     * @param factors what the provider said of the factors, for the audit log (its amr and acr)
     */
    public record Outcome(WaymarkUser user, boolean multiFactor, String factors) {
    }

    /** Why Waymark refused a person the provider signed in; the code names the sign-in page's message. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        Refused(String code) {
            super("sign-in with a provider refused: " + code);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * Takes the person the provider signed in, from the claims of their ID token (and user info).
     *
     * @throws Refused when the provider is not mapped, the person's groups give no role, their email
     *         belongs to another agency's account, or their account waits for approval or was deactivated
     */
    @Transactional(noRollbackFor = Refused.class)
    public Outcome signIn(String provider, Map<String, Object> claims) {
        ProviderMapping mapping = mappings.mapping(provider);
        if (mapping == null) {
            throw refused(null, provider, "notMapped");
        }
        // The subject is the account's key: taken exactly as sent, or not at all (never cut or cleaned
        // into another person's, nor named as a machine client's).
        Object sub = claims.get("sub");
        String subject = sub == null ? null : sub.toString();
        if (subject == null || subject.isBlank() || subject.length() > 255 || !PlainText.isPlain(subject)
                || subject.startsWith(MachineClients.SUBJECT_PREFIX)) {
            throw refused(null, provider, "badSubject");
        }
        String email = email(claims);
        if (email == null) {
            throw refused(null, provider, "noEmail");
        }
        Set<Role> mapped = mapping.roles(Kind.PERSON, values(claim(claims, mapping.groupsClaim())));
        mapped.retainAll(ProviderMappings.PERSON_ROLES);
        String name = name(claims, email);
        Optional<UserAccount> found = users.findByProviderAndProviderSubject(provider, subject);
        UserAccount account;
        if (found.isPresent()) {
            account = found.get();
        } else {
            Optional<UserAccount> sameEmail = users.findByEmail(email);
            if (sameEmail.isPresent()) {
                account = sameEmail.get();
                // Linked only where the provider vouches for the address, and for its own agency's account.
                if (!account.agencyId().equals(mapping.agencyId()) || account.provider() != null
                        || Role.machine(account.roles()) || Boolean.FALSE.equals(claims.get("email_verified"))) {
                    throw refused(actor(account), provider, "emailTaken");
                }
                account.linkTo(provider, subject);
                users.save(account);
                events.publishEvent(new AccountLinkedToProvider(account.id(), provider, actor(account)));
                // What the password gave ends with it.
                sessions.endAll(account.id(), null, actor(account));
                tokens.revokeAll(account.id(), actor(account));
            } else {
                if (mapped.isEmpty()) {
                    throw refused(null, provider, "noRoles");
                }
                account = users.save(UserAccount.fromProvider(name, email, mapping.agencyId(), mapped, provider,
                        subject, mapping.needsApproval(), clock.instant()));
                events.publishEvent(new UserCreatedByProvider(account.id(),
                        "first sign-in with " + provider + (mapping.needsApproval() ? ", waits for approval" : ""),
                        actor(account)));
            }
        }
        if (account.awaitingApproval()) {
            throw refused(actor(account), provider, "awaitingApproval");
        }
        if (!account.active()) {
            throw refused(actor(account), provider, "deactivated");
        }
        if (mapped.isEmpty()) {
            throw refused(actor(account), provider, "noRoles");
        }
        follow(account, provider, name, email, mapping, mapped);
        account.recordSuccessfulSignIn(clock.instant());
        users.save(account);
        Factors factors = factors(provider, claims);
        return new Outcome(account.principal(clock.instant()), factors.multi(), factors.said());
    }

    /**
     * The account as the provider now says: the mapped roles replace those of the work with
     * operations; passenger data access, which an administrator gives a named person for a stated
     * reason, stays. The email follows where no other account holds it.
     */
    private void follow(UserAccount account, String provider, String name, String email, ProviderMapping mapping,
            Set<Role> mapped) {
        Set<Role> roles = EnumSet.copyOf(mapped);
        if (account.roles().contains(Role.PASSENGER_DATA)) {
            roles.add(Role.PASSENGER_DATA);
        }
        String newEmail = email.equals(account.email()) || users.existsByEmail(email) ? account.email() : email;
        UserSummary before = account.summary(clock.instant(), Duration.ofDays(1));
        if (before.roles().equals(roles) && before.name().equals(name) && before.email().equals(newEmail)
                && before.agencyId().equals(mapping.agencyId())) {
            return;
        }
        account.follow(name, newEmail, mapping.agencyId(), roles);
        events.publishEvent(new AccountFollowedProvider(account.id(), "from " + provider + ": roles "
                + roles.stream().map(Role::name).sorted().collect(Collectors.joining(" "))
                + (before.agencyId().equals(mapping.agencyId()) ? "" : "; agency " + mapping.agencyId())
                + (before.email().equals(newEmail) ? "" : "; email changed")
                + (before.name().equals(name) ? "" : "; name changed"), actor(account)));
    }

    private record Factors(boolean multi, String said) {
    }

    /**
     * Whether the provider says the person used more than one factor: {@code amr} holds
     * {@code mfa}, or methods of two kinds (RFC 8176: a password and a one-time code), or
     * {@code acr} is OpenID's multi-factor policy or a value the deployment says means it.
     */
    private Factors factors(String provider, Map<String, Object> claims) {
        List<String> amr = values(claims.get("amr")).stream().toList();
        String acr = text(claims.get("acr"), 200);
        List<String> mfaAcr = Optional.ofNullable(providers.settings(provider).mfaAcr()).orElse(List.of());
        long kinds = amr.stream().map(FACTOR_KINDS::get).filter(kind -> kind != null).distinct().count();
        boolean multi = amr.contains("mfa") || kinds > 1
                || acr != null && (acr.equals(SignInProviders.MULTI_FACTOR_ACR) || mfaAcr.contains(acr));
        String said = (amr.isEmpty() ? "no amr" : "amr " + String.join(" ", amr))
                + (acr == null ? "" : "; acr " + acr);
        return new Factors(multi, provider + " (" + said + ")");
    }

    /** A refusal, its audit entry kept (the transaction commits what was done) though the sign-in goes no further. */
    private Refused refused(Actor actor, String provider, String code) {
        events.publishEvent(new ProviderSignInRefused(actor, provider + ": " + code));
        return new Refused(code);
    }

    private static Actor actor(UserAccount account) {
        return new Actor(account.id(), account.agencyId());
    }

    /** A claim by name, or by a dotted path into nested claims, such as {@code realm_access.roles}. */
    static Object claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** A claim's values: each of a list, or the one string. */
    static Set<String> values(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof Collection<?> list) {
            list.stream().filter(value -> value != null).forEach(value -> values.add(value.toString()));
        } else if (claim instanceof Object[] array) {
            for (Object value : array) {
                if (value != null) {
                    values.add(value.toString());
                }
            }
        } else if (claim != null) {
            values.add(claim.toString());
        }
        return values;
    }

    /** A claim as one line of text, its control characters taken out; null when absent or blank. */
    private static String text(Object claim, int max) {
        if (claim == null) {
            return null;
        }
        String text = PlainText.typed(PlainText.withoutControlCharacters(claim.toString()));
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
    }

    private static String email(Map<String, Object> claims) {
        for (String name : List.of("email", "preferred_username", "upn")) {
            String value = text(claims.get(name), Users.MAX_EMAIL);
            if (value != null && value.matches("[^@\\s]+@[^@\\s]+")) {
                return UserAccount.normaliseEmail(value);
            }
        }
        return null;
    }

    private static String name(Map<String, Object> claims, String email) {
        String name = text(claims.get("name"), UserAccount.MAX_NAME);
        if (name == null) {
            String given = text(claims.get("given_name"), UserAccount.MAX_NAME);
            String family = text(claims.get("family_name"), UserAccount.MAX_NAME);
            name = PlainText.typed(((given == null ? "" : given) + " " + (family == null ? "" : family)).strip());
        }
        return name == null ? email : name.length() > UserAccount.MAX_NAME ? name.substring(0, UserAccount.MAX_NAME) : name;
    }
}
