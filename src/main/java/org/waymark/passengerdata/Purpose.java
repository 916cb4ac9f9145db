package org.waymark.passengerdata;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Why someone opens passengers' data, as they stated it before seeing any of it: the kind of
 * purpose, the operation it serves where that was the purpose, and their own words. It is written
 * with every read it allows, so that the log says why each passenger was seen. It is kept in the
 * person's web session, so it is serializable.
 *
 * @param operationId the operation chosen, for {@link Kind#THE_OPERATION}; null when none was
 * @param operationName that operation's name, as the log's detail gives it
 * @param statedAt when it was stated: it lasts for {@link #LASTS} from then
 */
public record Purpose(Kind kind, UUID operationId, String operationName, String text, Instant statedAt)
        implements Serializable {

    /** The most characters of the stated words. */
    public static final int MAX_TEXT = 200;
    /** How long a stated purpose lasts, in minutes, at most (a session that ends sooner ends it). */
    public static final int LASTS_MINUTES = 60;
    public static final Duration LASTS = Duration.ofMinutes(LASTS_MINUTES);

    /** The purposes a passenger's data may be opened for. */
    public enum Kind {
        /** The operation (week of action) the person works on. */
        THE_OPERATION,
        /** An enquiry about a missing person. */
        MISSING_PERSON,
        /** A concern for someone's safety or welfare. */
        SAFEGUARDING;

        /** The kind whose code this is, or null when it is none. */
        public static Kind named(String code) {
            for (Kind kind : values()) {
                if (kind.name().equals(code)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** Why these words, as typed and trimmed, cannot state a purpose, as a message code; null when they can. */
    public static String problemWithText(String text) {
        if (text == null) {
            return "pd.purpose.text.required";
        }
        return text.length() > MAX_TEXT ? "pd.purpose.text.tooLong" : null;
    }

    /** Whether it still allows reading at this moment. */
    public boolean lastsAt(Instant now) {
        return now.isBefore(statedAt.plus(LASTS));
    }

    /** As the audit log's detail writes it: the kind's code first, then the operation's name and the words. */
    public String detail() {
        return kind.name() + " " + (operationName == null ? "" : operationName + ": ") + text;
    }
}
