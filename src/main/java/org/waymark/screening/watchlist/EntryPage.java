package org.waymark.screening.watchlist;

import java.util.List;

/**
 * A page of a list's entries, by family name.
 *
 * @param total how many entries the list holds
 * @param page the page shown, from 0
 * @param pages how many pages the entries fill, at least 1
 * @param size how many entries a full page holds
 */
public record EntryPage(List<WatchListEntry> entries, int total, int page, int pages, int size) {

    public EntryPage {
        entries = List.copyOf(entries);
    }

    /** The place on the list of the first entry shown, from 1; 0 when there is none. */
    public int first() {
        return entries.isEmpty() ? 0 : page * size + 1;
    }

    /** The place on the list of the last entry shown. */
    public int last() {
        return page * size + entries.size();
    }
}
