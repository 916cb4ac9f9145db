package org.waymark.screening.names;

/**
 * One word of a name: as written, in Latin letters, and folded ({@link Spellings#fold(String)}).
 */
public record NameWord(String original, String latin, String folded) {

    /** The word as written with its Latin letters when they differ: Иванова → Ivanova. */
    public String shown() {
        return NameScripts.transliterated(original, latin) ? original + " → " + capitalised(latin) : original;
    }

    /** The word in Latin letters as names are usually written: Ivanova. */
    public String latinShown() {
        return capitalised(latin);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
