package org.waymark.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One email in the outbox. It is sent once the mail server takes it; until then each failed
 * attempt waits longer before the next (5 seconds, doubling, at most 10 minutes).
 */
@Table("outbound_mail")
class OutboundMail {

    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    /**
     * How long a claim keeps other senders off a message. The sender renews it for as long as the
     * mail server takes over the message, so it runs out only once that sender has stopped.
     */
    static final Duration CLAIM = Duration.ofMinutes(1);

    @Id
    private final UUID id;
    private final String purpose;
    private final UUID supportRequestId;
    private final String recipient;
    private final String subject;
    private final String body;
    private MailStatus status;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private final Instant createdAt;
    private Instant sentAt;
    @Version
    private Long version;

    @PersistenceCreator
    OutboundMail(UUID id, String purpose, UUID supportRequestId, String recipient, String subject, String body,
            MailStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
            Instant sentAt, Long version) {
        this.id = id;
        this.purpose = purpose;
        this.supportRequestId = supportRequestId;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.status = status;
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.lastError = lastError;
        this.createdAt = createdAt;
        this.sentAt = sentAt;
        this.version = version;
    }

    static OutboundMail queue(String purpose, UUID supportRequestId, String recipient, String subject, String body,
            Instant now) {
        return new OutboundMail(UUID.randomUUID(), purpose, supportRequestId, recipient, subject, body,
                MailStatus.PENDING, 0, now, null, now, null, null);
    }

    /** Held by a sender until {@code until}: nobody else picks it up meanwhile. */
    void claim(Instant until) {
        nextAttemptAt = until;
    }

    /** Whether half the claim has run out by {@code now}, so that it is time to renew it. */
    boolean claimHalfGone(Instant now) {
        return !now.isBefore(nextAttemptAt.minus(CLAIM.dividedBy(2)));
    }

    void sent(Instant now) {
        attempts++;
        status = MailStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    void failed(String error, Instant now) {
        attempts++;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        lastError = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
    }

    UUID id() {
        return id;
    }

    String purpose() {
        return purpose;
    }

    UUID supportRequestId() {
        return supportRequestId;
    }

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    String body() {
        return body;
    }

    MailStatus status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant sentAt() {
        return sentAt;
    }
}
