package org.waymark.retention;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The daily run, at {@code waymark.retention.cron} (02:30 by default), and the run for passenger
 * data alone, at {@code waymark.retention.passenger-data-cron} (a quarter past every hour by
 * default), as its clock counts in hours; tests that run them by hand turn this off.
 */
@Component
@ConditionalOnProperty(name = "waymark.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@RequiredArgsConstructor
class RetentionJobs {

    private final Retention retention;

    @Scheduled(cron = "${waymark.retention.cron:0 30 2 * * *}")
    @SchedulerLock(name = "retention-daily")
    void dispose() {
        retention.run();
    }

    @Scheduled(cron = "${waymark.retention.passenger-data-cron:0 15 * * * *}")
    @SchedulerLock(name = "retention-passenger-data")
    void disposePassengerData() {
        retention.runPassengerData();
    }
}
