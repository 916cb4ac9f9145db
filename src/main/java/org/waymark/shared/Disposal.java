package org.waymark.shared;

/**
 * What a record's personal details read once its retention period is over: each field that
 * held text holds this marker instead, and the rest are emptied. The modules that own records
 * write it; pages say when the record was disposed of.
 */
public final class Disposal {

    /** The marker that replaces personal text; short enough for every column it goes into. */
    public static final String MARKER = "[disposed of]";

    private Disposal() {
    }
}
