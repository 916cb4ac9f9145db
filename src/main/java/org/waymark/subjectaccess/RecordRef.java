package org.waymark.subjectaccess;

import java.util.Optional;
import java.util.UUID;

/**
 * A record chosen for an export, written as its kind and id ({@code ENHANCED_CHECK:id}); a report
 * from the public ends in {@code :contact} when the person gave its contact details.
 */
public record RecordRef(Kind kind, UUID id, boolean withContact) {

    /** The kinds of record found, named as in the audit log. */
    public enum Kind {
        ENHANCED_CHECK,
        REFERRAL,
        PUBLIC_REPORT
    }

    public static Optional<RecordRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split(":");
        if (parts.length < 2 || parts.length > 3) {
            return Optional.empty();
        }
        try {
            Kind kind = Kind.valueOf(parts[0]);
            boolean contact = parts.length == 3 && parts[2].equals("contact") && kind == Kind.PUBLIC_REPORT;
            if (parts.length == 3 && !contact) {
                return Optional.empty();
            }
            return Optional.of(new RecordRef(kind, UUID.fromString(parts[1]), contact));
        } catch (IllegalArgumentException wrong) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return kind + ":" + id + (withContact ? ":contact" : "");
    }
}
