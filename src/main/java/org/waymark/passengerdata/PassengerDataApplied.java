package org.waymark.passengerdata;

import java.util.List;
import java.util.UUID;

/**
 * A message was applied to these flights of the passenger data, after they were linked to the
 * operations' flights: who is on them may have changed.
 */
public record PassengerDataApplied(List<UUID> flights) {
}
