package org.waymark.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real time, moved on by a test that needs days to pass, such as a decision falling overdue.
 * A test makes it Waymark's clock with {@code @Import(TestClock.InUse.class)}.
 */
public final class TestClock extends Clock {

    @TestConfiguration
    public static class InUse {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock on; it keeps running from there. */
    public void advance(Duration by) {
        ahead.updateAndGet(current -> current.plus(by));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead.get());
    }
}
