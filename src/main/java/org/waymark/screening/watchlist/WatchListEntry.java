package org.waymark.screening.watchlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One person looked for, as kept; {@code removedAt} is set once the entry is taken off its list. */
public record WatchListEntry(UUID id, UUID watchListId, EntryDetails details, Instant addedAt, Instant removedAt) {

    /** Whether the entry is past its review date on the day: it no longer matches until it is reviewed. */
    public boolean expired(LocalDate today) {
        return details.reviewDate().isBefore(today);
    }
}
