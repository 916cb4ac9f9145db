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

    /** Addresses seen at most this many: beyond it the oldest are forgotten first. */
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
        if (recent.size() > MAX_ADDRESSES) {
            recent.entrySet().removeIf(entry -> entry.getValue().isEmpty()
                    || entry.getValue().peekLast().isBefore(now.minus(window)));
        }
        Deque<Instant> times = recent.computeIfAbsent(address, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
