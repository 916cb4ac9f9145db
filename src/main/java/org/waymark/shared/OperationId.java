package org.waymark.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies operation records across modules. */
public record OperationId(UUID value) implements Serializable {

    public OperationId {
        Objects.requireNonNull(value, "value");
    }

    public static OperationId random() {
        return new OperationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
