package org.waymark.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The time at which the demo data says something happened. The demo's week of action is written
 * at startup, but its work happened over the past day or two: a demo runner writes each step
 * through the modules' own services inside {@link #at}, and in the demo profile the
 * application's clock reads that time on this thread, so that every stamp a service takes is the
 * story's, and its rules hold as they would have then. Outside {@link #at}, and outside the demo
 * profile, nothing changes.
 */
public final class DemoTime {

    private static final ThreadLocal<Instant> AT = new ThreadLocal<>();

    private DemoTime() {
    }

    /** Does {@code work} as at {@code at}, then returns to the time as it is. */
    public static <T> T at(Instant at, Supplier<T> work) {
        Instant before = AT.get();
        AT.set(at);
        try {
            return work.get();
        } finally {
            if (before == null) {
                AT.remove();
            } else {
                AT.set(before);
            }
        }
    }

    /** Does {@code work} as at {@code at}. */
    public static void at(Instant at, Runnable work) {
        at(at, () -> {
            work.run();
            return null;
        });
    }

    /** The time the demo data is being written at on this thread, if it is. */
    public static Optional<Instant> now() {
        return Optional.ofNullable(AT.get());
    }
}
