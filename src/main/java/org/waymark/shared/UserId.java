package org.waymark.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies staff user accounts across modules. */
public record UserId(UUID value) implements Serializable {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
