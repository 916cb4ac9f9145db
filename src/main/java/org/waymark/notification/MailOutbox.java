package org.waymark.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends what waits in the outbox. Each message is claimed before it is sent, so that two
 * senders (two instances, or a job and a person) never send it both, and is marked sent as soon
 * as the mail server has taken it, so that a restart resends nothing already taken; one the
 * server refuses, or cannot be reached for, waits and is tried again. (A crash between the server
 * taking a message and its mark would send that one message twice: the outbox prefers a
 * second email to none.) Each message the server takes is written to the audit log with its
 * recipient.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final OutboundMailRepository outbox;
    private final ObjectProvider<JavaMailSender> mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String from;

    MailOutbox(OutboundMailRepository outbox, ObjectProvider<JavaMailSender> mail, ApplicationEventPublisher events,
            Clock clock, @Value("${waymark.mail.from:waymark@localhost}") String from) {
        this.outbox = outbox;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.from = from;
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
            try {
                sender.send(email);
                message.sent(clock.instant());
                sent++;
                events.publishEvent(new NotificationEvents.EmailSent(message.supportRequestId(), message.purpose(),
                        message.recipient()));
            } catch (MailException e) {
                log.warn("Mail to the server failed (attempt {}), to be tried again: {}", message.attempts() + 1,
                        e.getMessage());
                message.failed(e.getMessage(), clock.instant());
            }
            try {
                outbox.save(message);
            } catch (OptimisticLockingFailureException e) {
                log.warn("Another sender took over a mail while it was being sent: {}", message.id());
            }
        }
        return sent;
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
