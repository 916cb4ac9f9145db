package org.waymark.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies agency records across modules. */
public record AgencyId(UUID value) implements Serializable {

    public AgencyId {
        Objects.requireNonNull(value, "value");
    }

    public static AgencyId random() {
        return new AgencyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
