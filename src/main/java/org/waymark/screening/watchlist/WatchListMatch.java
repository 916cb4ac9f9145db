package org.waymark.screening.watchlist;

import java.util.UUID;

import org.waymark.screening.names.NameScore;

/** A watch-list entry a passenger's name matches, with the score and its reasons. */
public record WatchListMatch(UUID entryId, UUID watchListId, WatchListKind kind, NameScore score) {
}
