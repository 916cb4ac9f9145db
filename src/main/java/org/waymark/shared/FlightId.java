package org.waymark.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies flights of an operation across modules. */
public record FlightId(UUID value) implements Serializable {

    public FlightId {
        Objects.requireNonNull(value, "value");
    }

    public static FlightId random() {
        return new FlightId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
