package org.waymark.operation;

import java.util.EnumSet;
import java.util.Set;

/** Where an operation is in its life. */
public enum OperationStatus {
    /** Being prepared: dates, focus and partners may still change. */
    PLANNED,
    /** Under way: officers are at the port. */
    ACTIVE,
    /** Finished: read-only; only an administrator can reopen it. */
    CLOSED;

    /** The statuses a coordinator of the lead agency may move an operation on to from this one. */
    Set<OperationStatus> coordinatorMayMoveTo() {
        return switch (this) {
            case PLANNED -> EnumSet.of(ACTIVE, CLOSED);
            case ACTIVE -> EnumSet.of(PLANNED, CLOSED);
            case CLOSED -> EnumSet.noneOf(OperationStatus.class);
        };
    }
}
