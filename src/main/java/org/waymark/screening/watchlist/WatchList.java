package org.waymark.screening.watchlist;

import java.time.Instant;
import java.util.UUID;

import org.waymark.shared.AgencyId;

/** A watch list: its kind, its name, the agency that owns it and where its entries come from. */
public record WatchList(UUID id, WatchListKind kind, String name, AgencyId ownerAgency, String source,
        Instant createdAt, int entries) {
}
