package org.waymark.shared;

import java.util.Collections;
import java.util.List;

/**
 * An event that the audit log records. Events carry identifiers, never personal data; the
 * optional detail is a short note such as the email typed at a failed sign-in.
 */
public interface Auditable {

    /** Who acted; {@code null} when nobody is signed in, as at a failed sign-in. */
    Actor actor();

    /** What happened, as a constant such as {@code OPERATION_CREATED}. */
    String action();

    /** The kind of record concerned, such as {@code OPERATION}. */
    String recordType();

    /** The record concerned; {@code null} when there is none. */
    String recordId();

    default boolean succeeded() {
        return true;
    }

    default String detail() {
        return null;
    }

    /**
     * To whom the record was disclosed, for a disclosure: {@code agency:<id>}, {@code user:<id>}
     * for a copy a user took out of Waymark, {@code email:<address>}, or {@code organisation:<name>};
     * {@code null} when the event discloses nothing.
     */
    default String disclosedTo() {
        return null;
    }

    /**
     * The records concerned when one event concerns several, as a list read does: the log
     * writes one entry for each. By default the one {@link #recordId()}.
     */
    default List<String> recordIds() {
        return Collections.singletonList(recordId());
    }
}
