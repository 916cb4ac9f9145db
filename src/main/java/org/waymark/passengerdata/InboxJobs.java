package org.waymark.passengerdata;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Looks in the passenger data inbox every {@code waymark.passenger-data.inbox-every} (5 seconds by
 * default), when there is one; tests that look by hand turn this off.
 */
@Component
@Conditional(Inbox.Configured.class)
@ConditionalOnProperty(name = "waymark.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@RequiredArgsConstructor
class InboxJobs {

    private final Inbox inbox;

    @Scheduled(fixedDelayString = "${waymark.passenger-data.inbox-every:5s}")
    @SchedulerLock(name = "passenger-data-inbox")
    void look() {
        inbox.look();
    }
}
