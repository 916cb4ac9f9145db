package org.waymark.screening.watchlist;

import java.util.List;
import java.util.UUID;

import org.waymark.shared.Actor;
import org.waymark.shared.Auditable;

/** What the audit log records of watch lists: each change, and each read of their entries. */
public final class WatchListEvents {

    private WatchListEvents() {
    }

    public record WatchListCreated(UUID watchListId, Actor actor) implements Auditable {
        public String action() { return "WATCH_LIST_CREATED"; }
        public String recordType() { return "WATCH_LIST"; }
        public String recordId() { return watchListId.toString(); }
    }

    public record EntryAdded(UUID entryId, Actor actor) implements Auditable {
        public String action() { return "WATCH_LIST_ENTRY_ADDED"; }
        public String recordType() { return "WATCH_LIST_ENTRY"; }
        public String recordId() { return entryId.toString(); }
    }

    public record EntryChanged(UUID entryId, Actor actor) implements Auditable {
        public String action() { return "WATCH_LIST_ENTRY_CHANGED"; }
        public String recordType() { return "WATCH_LIST_ENTRY"; }
        public String recordId() { return entryId.toString(); }
    }

    public record EntryRemoved(UUID entryId, Actor actor) implements Auditable {
        public String action() { return "WATCH_LIST_ENTRY_REMOVED"; }
        public String recordType() { return "WATCH_LIST_ENTRY"; }
        public String recordId() { return entryId.toString(); }
    }

    /** Entries of the list were added or changed, one or many at once: what is kept may match them now. */
    public record EntriesChanged(UUID watchListId) {
    }

    /** Entries shown: one log entry for each. */
    public record EntriesRead(List<UUID> entries, Actor actor) implements Auditable {
        public String action() { return "WATCH_LIST_ENTRY_READ"; }
        public String recordType() { return "WATCH_LIST_ENTRY"; }
        public String recordId() { return entries.isEmpty() ? null : entries.get(0).toString(); }
        public List<String> recordIds() { return entries.stream().map(UUID::toString).toList(); }
    }
}
