package org.waymark.retention;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily run, at {@code waymark.retention.cron} (02:30 by default); tests that run it by hand turn this off. */
@Component
@ConditionalOnProperty(name = "waymark.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@RequiredArgsConstructor
class RetentionJobs {

    private final Retention retention;

    @Scheduled(cron = "${waymark.retention.cron:0 30 2 * * *}")
    void dispose() {
        retention.run();
    }
}
