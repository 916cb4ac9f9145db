package org.waymark.platform;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Runs again every module reaction whose listener failed (a mail server's address that would not
 * resolve, a database that was briefly away), until it succeeds; those a stopped process left
 * unfinished run at the next start. Tests that run jobs by hand turn this off.
 */
@Component
@ConditionalOnProperty(name = "waymark.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@RequiredArgsConstructor
class EventRetries {

    private final FailedEventPublications failed;

    @Scheduled(fixedDelayString = "${waymark.events.retry-every:1m}", initialDelayString = "${waymark.events.retry-every:1m}")
    @SchedulerLock(name = "event-retries")
    void retryFailed() {
        failed.resubmit(ResubmissionOptions.defaults());
    }
}
