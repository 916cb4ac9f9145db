package org.waymark.engagement;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Folds tallies on a schedule; tests that fold by hand turn this off. */
@Component
@ConditionalOnProperty(name = "waymark.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@RequiredArgsConstructor
class EngagementJobs {

    private final Folding folding;

    @Scheduled(fixedDelayString = "${waymark.engagement.fold-every:30s}")
    @SchedulerLock(name = "engagement-fold")
    void fold() {
        folding.fold();
    }
}
