package org.waymark.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.IdentityEvents.SessionEnded;
import org.waymark.shared.Actor;
import org.waymark.shared.UserId;

import jakarta.servlet.http.HttpSession;

/**
 * The web sessions of signed-in users, kept in the database so that every instance of Waymark
 * sees them: listed, and ended by their owner or an administrator. A session is named by a
 * reference made from its id, never by the id itself, which is the secret in the cookie.
 * Sessions expire by Spring Session's own clock, the system time.
 */
@Service
@Transactional
public class WebSessions {

    static final String BROWSER = "waymark.session.browser";
    static final String SYSTEM = "waymark.session.system";
    static final String SIGNED_IN_AT = "waymark.session.signedInAt";

    private final FindByIndexNameSessionRepository<? extends Session> repository;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WebSessions(FindByIndexNameSessionRepository<? extends Session> repository, JdbcClient jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A signed-in session as its owner and administrators see it.
     *
     * @param id the session's reference, not its secret id
     * @param browser the browser it signed in with; null where it was not recognised
     * @param system the operating system it signed in with; null where it was not recognised
     * @param current whether it is the session of the request that asked
     */
    public record WebSession(String id, Instant signedInAt, Instant lastActiveAt, Instant expiresAt, String browser,
            String system, boolean current) {
    }

    /**
     * Notes on a session that has just signed in when it did and the browser and operating
     * system it uses, so that people can tell their sessions apart. Only their names are kept:
     * not the whole browser identification and not the address, which nobody needs to end a
     * session and which would be more personal data to look after.
     */
    public void signedIn(HttpSession session, String userAgent) {
        session.setAttribute(SIGNED_IN_AT, clock.instant());
        Browser browser = Browser.of(userAgent);
        if (browser.name() != null) {
            session.setAttribute(BROWSER, browser.name());
        }
        if (browser.system() != null) {
            session.setAttribute(SYSTEM, browser.system());
        }
    }

    /**
     * Marks a session signed in by a provider with the provider's session id, so that the
     * provider's back-channel logout can end it. The mark is the attribute's name (a digest of the
     * two), which the database finds without reading any session.
     */
    public void markProviderSession(HttpSession session, String provider, String sid) {
        if (sid != null) {
            session.setAttribute(providerSessionMark(provider, sid), Boolean.TRUE);
        }
    }

    /** Ends the sessions a provider signed in under its session {@code sid}; returns the users whose sessions ended. */
    public List<UserId> endProviderSessions(String provider, String sid) {
        List<String[]> marked = jdbc.sql("""
                SELECT s.SESSION_ID, s.PRINCIPAL_NAME FROM SPRING_SESSION s
                JOIN SPRING_SESSION_ATTRIBUTES a ON a.SESSION_PRIMARY_ID = s.PRIMARY_ID
                WHERE a.ATTRIBUTE_NAME = :mark AND s.PRINCIPAL_NAME IS NOT NULL""")
                .param("mark", providerSessionMark(provider, sid))
                .query((rs, row) -> new String[] { rs.getString(1).strip(), rs.getString(2).strip() }).list();
        marked.forEach(session -> delete(new UserId(UUID.fromString(session[1])), session[0], null));
        return marked.stream().map(session -> new UserId(UUID.fromString(session[1]))).distinct().toList();
    }

    static String providerSessionMark(String provider, String sid) {
        return "waymark.providerSession." + reference(provider + " " + sid);
    }

    /** The user's sessions that have not expired, the most recently active first. */
    @Transactional(readOnly = true)
    public List<WebSession> of(UserId user, String currentSessionId) {
        return repository.findByPrincipalName(user.toString()).values().stream()
                .filter(session -> !session.isExpired())
                .map(session -> view(session, currentSessionId))
                .sorted(Comparator.comparing(WebSession::lastActiveAt).reversed())
                .toList();
    }

    private static WebSession view(Session session, String currentSessionId) {
        Instant signedInAt = session.getAttribute(SIGNED_IN_AT);
        return new WebSession(reference(session.getId()), signedInAt != null ? signedInAt : session.getCreationTime(),
                session.getLastAccessedTime(), session.getLastAccessedTime().plus(session.getMaxInactiveInterval()),
                session.getAttribute(BROWSER), session.getAttribute(SYSTEM), session.getId().equals(currentSessionId));
    }

    /**
     * Ends one of the user's sessions: the browser that holds it is signed out at its next
     * request. Returns false when the user has no such session, as when it has already ended.
     */
    public boolean end(UserId user, String reference, Actor actor) {
        Optional<String> sessionId = sessionIds(user).stream().filter(id -> reference(id).equals(reference))
                .findFirst();
        sessionId.ifPresent(id -> delete(user, id, actor));
        return sessionId.isPresent();
    }

    /** Ends all of the user's sessions but {@code keepSessionId} (which may be null); returns how many. */
    public int endAll(UserId user, String keepSessionId, Actor actor) {
        List<String> ended = sessionIds(user).stream().filter(id -> !id.equals(keepSessionId)).toList();
        ended.forEach(id -> delete(user, id, actor));
        return ended.size();
    }

    private List<String> sessionIds(UserId user) {
        return jdbc.sql("SELECT SESSION_ID FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :user")
                .param("user", user.toString()).query(String.class).list().stream().map(String::strip).toList();
    }

    /** Deletes the session in this transaction; its attributes go with it. */
    private void delete(UserId user, String sessionId, Actor actor) {
        jdbc.sql("DELETE FROM SPRING_SESSION WHERE SESSION_ID = :id AND PRINCIPAL_NAME = :user")
                .param("id", sessionId).param("user", user.toString()).update();
        events.publishEvent(new SessionEnded(user, reference(sessionId), actor));
    }

    /** A stable name for a session that does not give away its id: part of the id's SHA-256. */
    static String reference(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The names of a browser and its operating system, from its identification; null where unknown. */
    record Browser(String name, String system) {

        static Browser of(String userAgent) {
            if (userAgent == null || userAgent.isBlank()) {
                return new Browser(null, null);
            }
            String agent = userAgent.length() > 500 ? userAgent.substring(0, 500) : userAgent;
            return new Browser(name(agent), system(agent));
        }

        private static String name(String agent) {
            if (agent.contains("Edg/") || agent.contains("EdgA/") || agent.contains("EdgiOS/")) {
                return "Edge";
            }
            if (agent.contains("OPR/") || agent.contains("Opera")) {
                return "Opera";
            }
            if (agent.contains("SamsungBrowser/")) {
                return "Samsung Internet";
            }
            if (agent.contains("Firefox/") || agent.contains("FxiOS/")) {
                return "Firefox";
            }
            if (agent.contains("Chrome/") || agent.contains("CriOS/") || agent.contains("Chromium/")) {
                return "Chrome";
            }
            if (agent.contains("Safari/")) {
                return "Safari";
            }
            String lower = agent.toLowerCase(Locale.ROOT);
            if (lower.startsWith("curl/")) {
                return "curl";
            }
            return null;
        }

        private static String system(String agent) {
            if (agent.contains("Android")) {
                return "Android";
            }
            if (agent.contains("iPhone") || agent.contains("iPad") || agent.contains("iPod")) {
                return "iOS";
            }
            if (agent.contains("Windows")) {
                return "Windows";
            }
            if (agent.contains("Mac OS X") || agent.contains("Macintosh")) {
                return "macOS";
            }
            if (agent.contains("CrOS")) {
                return "ChromeOS";
            }
            if (agent.contains("Linux")) {
                return "Linux";
            }
            return null;
        }
    }
}
