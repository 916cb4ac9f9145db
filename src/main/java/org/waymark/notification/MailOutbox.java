package org.waymark.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends what waits in the outbox. Each message is claimed before it is sent, so that two
 * senders (two instances, or a job and a person) never send it both; the claim is renewed for as
 * long as the mail server takes over the message (RFC 5321 lets it take 10 minutes), so that a
 * slow server is not sent it again meanwhile. A message is marked sent as soon as the server has
 * taken it, so that a restart resends nothing already taken; one the server refuses, or cannot be
 * reached for, waits and is tried again. (A crash between the server taking a message and its
 * mark would send that one message twice: the outbox prefers a second email to none.) Each
 * message the server takes is written to the audit log with its recipient.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    /** How often a sender waiting for the mail server looks whether its claim needs renewing. */
    private static final Duration LOOK_AT_CLAIM = Duration.ofMillis(200);

    private final OutboundMailRepository outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String from;
    /** Each attempt talks to the server on a thread of its own, while the sender's thread keeps the claim. */
    private final SimpleAsyncTaskExecutor attempts = new SimpleAsyncTaskExecutor("mail-attempt-");

    MailOutbox(OutboundMailRepository outbox, ObjectProvider<JavaMailSender> mail, ApplicationEventPublisher events,
            Clock clock, @Value("${waymark.mail.from:waymark@localhost}") String from) {
        this.outbox = outbox;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.from = from;
        this.attempts.setDaemon(true);
    }

    /** What is due goes now; returns how many the mail server took. */
    public int deliverDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        for (OutboundMail message : outbox.findByStatusAndNextAttemptAtLessThanEqualOrderByCreatedAt(
                MailStatus.PENDING, clock.instant())) {
            // Claimed first (a version check), so that two senders at once never both send it.
            try {
                message.claim(clock.instant().plus(OutboundMail.CLAIM));
                message = outbox.save(message);
            } catch (OptimisticLockingFailureException e) {
                continue;
            }
            SimpleMailMessage email = new SimpleMailMessage();
            email.setFrom(from);
            email.setTo(message.recipient());
            email.setSubject(message.subject());
            email.setText(message.body());
            Attempt attempt;
            try {
                attempt = sendHoldingTheClaim(sender, email, message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Stopped while the mail server took a mail; its claim runs out and it is tried again: {}",
                        message.id());
                return sent;
            }
            message = attempt.message();
            if (attempt.failure() == null) {
                message.sent(clock.instant());
                sent++;
                events.publishEvent(new NotificationEvents.EmailSent(message.supportRequestId(), message.purpose(),
                        message.recipient()));
            } else {
                log.warn("Mail to the server failed (attempt {}), to be tried again: {}", message.attempts() + 1,
                        attempt.failure().getMessage());
                message.failed(attempt.failure().getMessage(), clock.instant());
            }
            try {
                outbox.save(message);
            } catch (OptimisticLockingFailureException e) {
                log.warn("Another sender took over a mail while it was being sent: {}", message.id());
            }
        }
        return sent;
    }

    /**
     * Hands the email to the mail server and waits until the server has taken it or failed,
     * renewing the claim on the message whenever half of it has run out.
     */
    private Attempt sendHoldingTheClaim(JavaMailSender sender, SimpleMailMessage email, OutboundMail message)
            throws InterruptedException {
        Future<Void> sending = attempts.submitCompletable(() -> sender.send(email));
        boolean held = true;
        while (true) {
            try {
                sending.get(LOOK_AT_CLAIM.toMillis(), TimeUnit.MILLISECONDS);
                return new Attempt(message, null);
            } catch (TimeoutException stillTalking) {
                if (held && message.claimHalfGone(clock.instant())) {
                    try {
                        message.claim(clock.instant().plus(OutboundMail.CLAIM));
                        message = outbox.save(message);
                    } catch (OptimisticLockingFailureException e) {
                        held = false;
                        log.warn("Another sender took over a mail while the server took it: {}", message.id());
                    }
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof MailException failure) {
                    return new Attempt(message, failure);
                }
                throw e.getCause() instanceof RuntimeException other ? other : new IllegalStateException(e.getCause());
            }
        }
    }

    /** The message as last saved, and why the server did not take it (null once it took it). */
    private record Attempt(OutboundMail message, MailException failure) {
    }

    /** The messages still waiting, oldest first, for the administrator. */
    public List<PendingMail> pending() {
        return outbox.findByStatusOrderByCreatedAt(MailStatus.PENDING).stream()
                .map(message -> new PendingMail(message.recipient(), message.subject(), message.purpose(),
                        message.attempts(), message.nextAttemptAt(), message.lastError(), message.createdAt()))
                .toList();
    }

    /** An email still waiting: to whom, about what, how often tried, and why it failed last. */
    public record PendingMail(String recipient, String subject, String purpose, int attempts,
            Instant nextAttemptAt, String lastError, Instant queuedAt) {
    }
}
