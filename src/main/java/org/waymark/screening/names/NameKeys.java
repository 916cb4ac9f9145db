package org.waymark.screening.names;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys under which a word of a name is indexed: its folded spelling and, for words of four letters or
 * more, its folded spelling with one letter left out. Two spellings of one name nearly always share one of
 * them; a name shares none with almost every other name, which keeps the candidates few. Phonetic codes
 * (Double Metaphone, Beider-Morse) were measured as keys and left out: see ADR 0043.
 */
final class NameKeys {

    private static final int MIN_LENGTH_FOR_DELETIONS = 4;

    private NameKeys() {
    }

    static Set<String> of(NameWord word) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(word.folded());
        // One letter less, at each place, kept with the whole spellings: a word with a letter more or less
        // (Doğan written Doan), or a slip of the keyboard, still shares a key. Short words would share these
        // with too many others.
        String folded = word.folded();
        if (folded.length() >= MIN_LENGTH_FOR_DELETIONS) {
            for (int i = 0; i < folded.length(); i++) {
                keys.add(folded.substring(0, i) + folded.substring(i + 1));
            }
        }
        return keys;
    }
}
