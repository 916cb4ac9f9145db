package org.waymark.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The records of the kinds a module owns, named as people know them (an operation by its name, a
 * check by when it started, its operation and the person's category), for those reading the
 * audit log. A name never holds a person's name or other details of them. Each module that owns
 * records named in the log provides one, so that the log reads no other module's tables.
 */
public interface RecordNames {

    /** The record types named, as the log writes them, such as {@code ENHANCED_CHECK}. */
    Set<String> recordTypes();

    /**
     * The name of each of these records (of one of {@link #recordTypes()}) that is still held, by
     * id, as a message with its arguments; a record no longer held, or an id that is not one,
     * is left out.
     */
    Map<String, MessageSourceResolvable> names(String recordType, Collection<String> recordIds);

    /** The ids that are UUIDs, as most records' are; the others name nothing. */
    static List<UUID> uuids(Collection<String> recordIds) {
        List<UUID> ids = new ArrayList<>();
        for (String id : recordIds) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException | NullPointerException notAnId) {
                // left out
            }
        }
        return ids;
    }

    /** A name: the message {@code code} with these arguments (which may be messages themselves). */
    static MessageSourceResolvable name(String code, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] { code }, arguments);
    }

    /** A moment in a name, as the audit log shows times: in the UK. */
    static String time(Instant at) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"))
                .format(at);
    }
}
