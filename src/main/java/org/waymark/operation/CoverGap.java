package org.waymark.operation;

import java.time.LocalDateTime;

/** A stretch of the operation, in local time at its port, when nobody is on call for {@code kind}. */
public record CoverGap(CoverKind kind, LocalDateTime from, LocalDateTime to) {
}
