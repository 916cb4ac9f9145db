package org.waymark.passengerdata.edifact;

/**
 * Something out of place in a message that did not stop it being read.
 *
 * @param segment  the segment tag (for example {@code FTX}), or null when about the whole message
 * @param position the segment's position in the interchange, counted from 1 (UNB is 1), or 0
 * @param text     what was wrong, in words, never with a traveller's details
 */
public record ParseWarning(String segment, int position, String text) {
}
