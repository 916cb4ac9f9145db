package org.waymark.shared;

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
}
