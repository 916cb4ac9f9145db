package org.waymark.screening.watchlist.web;

import lombok.Getter;
import lombok.Setter;

/** A new watch list as the form writes it. */
@Getter
@Setter
public class ListForm {

    /** A WatchListKind's name. */
    private String kind = "";
    private String name = "";
    private String source = "";
}
