package org.waymark.tips;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many reports one client address may make in a window (5 in 10 minutes unless set):
 * enough for a person, too few for a flood. Kept in memory, so each instance counts its own.
 */
@Component
class ReportLimit {

    /** Past this many addresses, those whose window has passed are forgotten. */
    private static final int MAX_ADDRESSES = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    ReportLimit(@Value("${waymark.reports.limit:5}") int limit,
            @Value("${waymark.reports.window:10m}") Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one report from the address, if it is still within the limit. */
    boolean allow(String address) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        if (recent.size() > MAX_ADDRESSES) {
            recent.keySet().forEach(key -> recent.computeIfPresent(key, (k, times) -> {
                prune(times, windowStart);
                return times.isEmpty() ? null : times;
            }));
        }
        boolean[] allowed = { false };
        recent.compute(address, (key, times) -> {
            Deque<Instant> counted = times == null ? new ArrayDeque<>() : times;
            prune(counted, windowStart);
            if (counted.size() < limit) {
                counted.addLast(now);
                allowed[0] = true;
            }
            return counted;
        });
        return allowed[0];
    }

    private static void prune(Deque<Instant> times, Instant windowStart) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.pollFirst();
        }
    }
}
