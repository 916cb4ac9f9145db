package org.waymark.notification;

/** Waiting for the mail server, or taken by it. */
public enum MailStatus {
    PENDING,
    SENT
}
