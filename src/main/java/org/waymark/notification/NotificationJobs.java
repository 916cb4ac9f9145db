package org.waymark.notification;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Sends what waits and escalates unanswered calls, on a schedule; tests that run them by hand turn this off. */
@Component
@ConditionalOnProperty(name = "waymark.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@RequiredArgsConstructor
class NotificationJobs {

    private final MailOutbox outbox;
    private final CallOuts callOuts;

    @Scheduled(fixedDelayString = "${waymark.mail.poll:5s}")
    @SchedulerLock(name = "notification-mail")
    void deliver() {
        outbox.deliverDue();
    }

    @Scheduled(fixedDelayString = "${waymark.escalation.poll:30s}")
    @SchedulerLock(name = "notification-escalation")
    void escalate() {
        callOuts.escalate();
    }
}
